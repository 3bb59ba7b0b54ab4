"""The health check the container and the load balancer ask: can this process serve pages?"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database():
    """Run a query on every configured database: a page cannot be rendered without them."""
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()


# Only what every page needs: the cache degrades to uncached pages (pagecache), so its
# failure must not take the process out of service.
CHECKS = {"database": _database}


@never_cache
@require_GET
def healthz(request):
    """200 with each part "ok", or 503 naming the part that failed (never cached)."""
    parts = {}
    for name, check in CHECKS.items():
        try:
            check()
        except DatabaseError as error:
            # The kind of failure only: the message may carry host names and users.
            logger.error("Health check: %s failed: %s", name, error)
            parts[name] = f"error: {type(error).__name__}"
        else:
            parts[name] = "ok"
    healthy = all(value == "ok" for value in parts.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **parts}, status=200 if healthy else 503
    )
