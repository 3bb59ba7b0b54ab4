"""Exit 0 when the web process answers /healthz/ on $PORT with 200, 1 otherwise.

The container's HEALTHCHECK. /healthz/ runs a query on the database, so a web process that
answers but cannot reach its database is reported unhealthy (503), not green.
"""

import os
import sys
import urllib.request

hosts = [h.strip().lstrip(".") for h in os.environ.get("ALLOWED_HOSTS", "").split(",")]
host = next((h for h in hosts if h and h != "*"), "localhost")
request = urllib.request.Request(  # noqa: S310 (a fixed http URL on this container)
    f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz/",
    # Look like the TLS-terminating proxy so SECURE_SSL_REDIRECT does not answer with 301.
    headers={"Host": host, "X-Forwarded-Proto": "https"},
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
        sys.exit(0 if response.status == 200 else 1)
except OSError:  # no answer, or an HTTP error (urllib.error.HTTPError): 503 among them
    sys.exit(1)
