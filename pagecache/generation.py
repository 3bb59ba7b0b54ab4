"""The site-wide cache generation: every cached page's key contains it.

Invalidation does not hunt for the pages a change touches (a published post shows on its
group page, the home page, its category, tag and area listings, the feeds, the sitemap and
search results): it moves the whole site to a new generation, so no page rendered before the
change can be served after it. Old entries are never read again and expire on their own.

With a shared cache (Redis) the generation is a counter in that cache. Django's local-memory
cache is private to each process, so there the generation is the modification time of a file
that every process on the machine reads: a change made in one gunicorn worker, the task worker
or a management command reaches all of them. Reading it is one stat() call, no SQL.
"""

import logging
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def _is_process_local():
    return isinstance(cache, LocMemCache) or isinstance(getattr(cache, "_cache", None), dict)


def _generation_file():
    return settings.PAGECACHE_GENERATION_FILE


def current():
    """Return the current generation, or None when it cannot be known (then do not cache)."""
    if _is_process_local():
        try:
            return str(os.stat(_generation_file()).st_mtime_ns)
        except FileNotFoundError:
            return "0"
        except OSError:
            return None
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A cache that lost the counter (restart, eviction) also lost the pages: start afresh
        # from a value no earlier generation used.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return None if generation is None else str(generation)


def advance():
    """Move the site to a new generation: every page cached so far becomes unreachable."""
    if _is_process_local():
        path = _generation_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            now = time.time_ns()
            # Two changes within the file system's clock tick must still differ.
            previous = os.stat(path).st_mtime_ns
            os.utime(path, ns=(now, max(now, previous + 1)))
        except OSError:
            logger.exception("Could not advance the page cache generation; clearing the cache")
            cache.clear()
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def advance_now_and_on_commit():
    """Advance at once and again when the surrounding transaction commits.

    At once, so that nothing cached before the change is served from here on; on commit,
    because a reader that rendered the page between those two moments saw the database
    before the change and may have stored that copy under the new generation.
    """
    advance()
    transaction.on_commit(advance)
