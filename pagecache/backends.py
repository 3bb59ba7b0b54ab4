"""A Redis cache that degrades to no cache while Redis is unreachable.

Django's Redis backend raises on every call when Redis is down, so a missing cache would
answer every public page with a 500. Here a call that cannot reach Redis answers like an
empty cache (a miss; writes are dropped), the failure is logged at most once a minute per
process, and Redis is not tried again for a few seconds, so pages are rendered uncached at
their usual speed instead of each waiting for a connection timeout.

Invalidations made during the outage were dropped, so when Redis answers again the first
call in each process runs the recovery callbacks first (pagecache moves its generations):
no page stored before the outage is served after it.
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Seconds between attempts to reach a Redis that failed, and between two log lines about it.
RETRY_AFTER = 5.0
LOG_EVERY = 60.0

_lock = threading.Lock()
# Per Redis address, shared by the aliases (pages, fragments...) that use it.
_outages = {}
_recovery_callbacks = []


def on_recovery(callback):
    """Call `callback()` in each process when Redis answers again after an outage."""
    if callback not in _recovery_callbacks:
        _recovery_callbacks.append(callback)


class _Outage:
    def __init__(self):
        self.down_since = None
        self.retry_at = 0.0
        self.logged_at = None
        self.failures = 0


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = str(server)

    def reachable(self):
        """False while Redis is known to be unreachable (until the next attempt succeeds)."""
        return self._outage().down_since is None

    def _outage(self):
        with _lock:
            return _outages.setdefault(self._location, _Outage())

    def _call(self, name, default, *args, **kwargs):
        outage = self._outage()
        if outage.down_since is not None:
            now = time.monotonic()
            if now < outage.retry_at:
                outage.failures += 1
                return default
            self._recover(outage)
            if outage.down_since is not None:
                return default
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._failed(outage, error)
            return default

    def _recover(self, outage):
        """Redis may be back: mark it up, then let pagecache drop what the outage left stale."""
        down_since = outage.down_since
        outage.down_since = None
        for callback in list(_recovery_callbacks):
            try:
                callback()
            except Exception:  # a callback must never fail the request
                logger.exception("Cache recovery callback failed")
        if outage.down_since is None:
            logger.warning(
                "Cache at %s answers again after %.0f s",
                self._location,
                time.monotonic() - down_since,
            )
            outage.logged_at = None
            outage.failures = 0

    def _failed(self, outage, error):
        now = time.monotonic()
        if outage.down_since is None:
            outage.down_since = now
        outage.retry_at = now + RETRY_AFTER
        outage.failures += 1
        if outage.logged_at is None or now - outage.logged_at >= LOG_EVERY:
            logger.error(
                "Cache at %s is unreachable (%s); serving pages uncached "
                "(%d failed cache calls since the last report)",
                self._location,
                error,
                outage.failures,
            )
            outage.logged_at = now
            outage.failures = 0

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        """Delete this cache's keys only: Django's clear() empties the whole Redis database,
        which other portals, aliases or test runs sharing it also use."""
        return self._call_clear()

    def _call_clear(self):
        outage = self._outage()
        if outage.down_since is not None and time.monotonic() < outage.retry_at:
            return False
        try:
            client = redis.Redis.from_url(self._location, socket_connect_timeout=0.5)
            try:
                # Keys are "<prefix>:<version>:<key>"; the version keeps other aliases'
                # "<prefix>:<alias>:..." keys out of the pattern.
                pattern = f"{self.key_prefix}:[0-9]*" if self.key_prefix else "[0-9]*"
                keys = list(client.scan_iter(match=pattern, count=1000))
                for start in range(0, len(keys), 1000):
                    client.delete(*keys[start : start + 1000])
            finally:
                client.close()
        except UNREACHABLE as error:
            self._failed(outage, error)
            return False
        return True
