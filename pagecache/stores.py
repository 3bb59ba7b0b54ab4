"""The caches pages and fragments are kept in, each sized on its own.

Whole pages, fragments (articles, cards) and everything else (Wagtail's site roots and
renditions, the generations) live under separate CACHES aliases, so a burst of fragments
cannot evict pages. Settings that define only "default" (a test's override) share it.

With a shared cache (Redis), an alias may have a small local-memory cache in front of it,
"<alias>-local" (settings: PAGECACHE_LOCAL_ENTRIES): each process keeps the entries it read
last, so a hit costs no round trip, and drops the least recently used ones when full. It is
only for entries that never change under their key (pages: the key holds the generation).
"""

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches

PAGES = "pages"
FRAGMENTS = "fragments"


def store(alias):
    """Return the cache named `alias`, or the default cache when it is not configured."""
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        return caches["default"]


def local_layer(alias):
    """Return the per-process cache in front of `alias`, or None when it has none."""
    name = f"{alias}-local"
    return caches[name] if name in settings.CACHES else None
