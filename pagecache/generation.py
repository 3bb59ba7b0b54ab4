"""The site-wide cache generation: every cached page's key contains it.

Invalidation does not hunt for the pages a change touches (a published post shows on its
group page, the home page, its category, tag and area listings, the feeds, the sitemap and
search results): it moves the whole site to a new generation, so no page rendered before the
change can be served after it. Old entries are never read again and expire on their own.

With a shared cache (Redis) the generation is a counter in that cache. Django's local-memory
cache is private to each process, so there the generation is the modification time of a file
that every process on the machine reads: a change made in one gunicorn worker, the task worker
or a management command reaches all of them. Reading it is one stat() call, no SQL.

A second, slower-moving generation, SHARED, covers what a page shows besides its own
revision: photos, documents, tags, categories, the addresses of pages (moves, new slugs,
deletions) and sites, as dependencies.py declares. Fragments cached per page revision (a
post's article, its card) carry it in their key, so they outlive the publication of other
pages, which moves only PAGES.

Reading the counter from Redis on every request would cost a round trip per page served from
the local layer in front of it (stores.local_layer), so each process trusts the value it read
for PAGECACHE_GENERATION_CHECK seconds (1 by default): a publication in another process
(another app server, the task worker) is seen here within that interval, one made in this
process at once. While Redis is known to be unreachable the remembered value is not used:
nothing is cached or served from the cache.
"""

import logging
import os
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

from . import stores
from .stores import DEFAULT

logger = logging.getLogger(__name__)

PAGES = "pages"
SHARED = "shared"
GENERATION_KEYS = {PAGES: "pagecache:generation", SHARED: "pagecache:generation:shared"}
# Generations read from the shared cache in this process: its full key (with the cache's
# prefix) -> (generation, monotonic time until which it is trusted).
_read = {}


def _is_process_local():
    return isinstance(cache, LocMemCache) or isinstance(getattr(cache, "_cache", None), dict)


def _generation_file(scope):
    path = settings.PAGECACHE_GENERATION_FILE
    return path if scope == PAGES else path.with_name(f"{path.name}-{scope}")


def current(scope=PAGES):
    """Return the current generation, or None when it cannot be known (then do not cache)."""
    if _is_process_local():
        try:
            return str(os.stat(_generation_file(scope)).st_mtime_ns)
        except FileNotFoundError:
            return "0"
        except OSError:
            return None
    key = GENERATION_KEYS[scope]
    full_key = cache.make_key(key)
    now = time.monotonic()
    remembered = _read.get(full_key)
    if remembered is not None and now < remembered[1] and _reachable():
        return remembered[0]
    generation = cache.get(key)
    if generation is None:
        # A cache that lost the counter (restart, eviction) also lost the pages: start afresh
        # from a value no earlier generation used.
        cache.add(key, time.time_ns(), timeout=None)
        generation = cache.get(key)
    if generation is None:
        return None
    _read[full_key] = (str(generation), now + settings.PAGECACHE_GENERATION_CHECK)
    return str(generation)


def _reachable():
    # Only pagecache.backends' cache knows about outages; other caches raise instead.
    reachable = getattr(cache, "reachable", None)
    return reachable is None or reachable()


def forget():
    """Read the generations from the shared cache again on their next use."""
    _read.clear()


_MISSING = object()


def remember(name, compute, *, timeout=3600, scope=PAGES):
    """Return compute()'s value, kept in the cache until the scope's generation moves."""
    generation = current(scope)
    if generation is None:
        return compute()
    key = f"pagecache:value:{generation}:{name}"
    # The key holds the generation, so this process's layer in front of Redis may keep it.
    value = stores.get_many(DEFAULT, [key], timeout).get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        stores.set_many(DEFAULT, {key: value}, timeout)
    return value


def advance(scope=PAGES):
    """Move the site to a new generation: everything cached under the old one is unreachable."""
    if _is_process_local():
        path = _generation_file(scope)
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
        # None when the cache is unreachable (pagecache.backends): pages are then not cached.
        cache.incr(GENERATION_KEYS[scope])
    except ValueError:
        cache.add(GENERATION_KEYS[scope], time.time_ns(), timeout=None)
    # This process sees its own change at once (after the move, so that a value read before it
    # is not kept); the others within PAGECACHE_GENERATION_CHECK.
    _read.pop(cache.make_key(GENERATION_KEYS[scope]), None)


def advance_all():
    """Move every scope to a new generation."""
    for scope in GENERATION_KEYS:
        advance(scope)


def advance_now_and_on_commit(*scopes):
    """Advance PAGES (and the other scopes given) at once and when the transaction commits.

    At once, so that nothing cached before the change is served from here on; on commit,
    because a reader that rendered the page between those two moments saw the database
    before the change and may have stored that copy under the new generation.
    """

    def advance_all():
        for scope in {PAGES, *scopes}:
            advance(scope)

    advance_all()
    transaction.on_commit(advance_all)
