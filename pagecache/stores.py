"""The caches pages and fragments are kept in, each sized on its own.

Whole pages, fragments (articles, cards) and everything else (Wagtail's site roots and
renditions, the generations) live under separate CACHES aliases, so a burst of fragments
cannot evict pages. Settings that define only "default" (a test's override) share it.

With a shared cache (Redis), an alias may have a small local-memory cache in front of it,
"<alias>-local" (settings: PAGECACHE_LOCAL_ENTRIES): each process keeps the entries it read
last, so a hit costs no round trip, and drops the least recently used ones when full. It is
only for entries that never change under their key (pages and the values
generation.remember keeps: the key holds the generation; fragments: it holds the versions of
what they show and the SHARED generation).
"""

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches

DEFAULT = "default"
PAGES = "pages"
FRAGMENTS = "fragments"


def store(alias):
    """Return the cache named `alias`, or the default cache when it is not configured."""
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        return caches[DEFAULT]


def local_layer(alias):
    """Return the per-process cache in front of `alias`, or None when it has none."""
    name = f"{alias}-local"
    return caches[name] if name in settings.CACHES else None


def get_many(alias, keys, timeout):
    """The entries of `alias` under `keys` that are cached, as a dict.

    From this process's layer first, then from the shared cache; what the shared cache had
    is kept in the layer too, for `timeout` seconds at most.
    """
    local = local_layer(alias)
    found = {} if local is None else local.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        shared = store(alias).get_many(missing)
        if shared and local is not None:
            local.set_many(shared, timeout)
        found |= shared
    return found


def set_many(alias, entries, timeout):
    """Keep `entries` in `alias`, and in this process's layer in front of it."""
    store(alias).set_many(entries, timeout)
    local = local_layer(alias)
    if local is not None:
        local.set_many(entries, timeout)
