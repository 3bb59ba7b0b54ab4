"""The caches pages and fragments are kept in, each sized on its own.

Whole pages, fragments (articles, cards) and everything else (Wagtail's site roots and
renditions, the generations) live under separate CACHES aliases, so a burst of fragments
cannot evict pages. Settings that define only "default" (a test's override) share it.
"""

from django.core.cache import InvalidCacheBackendError, caches

PAGES = "pages"
FRAGMENTS = "fragments"


def store(alias):
    """Return the cache named `alias`, or the default cache when it is not configured."""
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        return caches["default"]
