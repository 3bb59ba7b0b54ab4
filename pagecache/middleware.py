"""Full-page cache for anonymous readers of the public site.

A page is served from the cache, or stored in it, only when nothing about the request or the
response can make it differ between readers:
- GET requests outside the admin and documents (whose privacy settings Django enforces);
- no session cookie (signed-in users, page passwords, Wagtail's userbar all live in the
  session) and no pending flash messages;
- the response is a complete 200 that sets no cookie, used no CSRF token (a form's token is
  tied to the reader's cookie), is not a preview, and is not marked private or no-store.
The key holds the release (see fragments.release: a deploy must not serve pages that link
static files by hashed names the new image no longer has), the site-wide generation (see
generation.py), the language, and the full URL with host, scheme and query string. Pages are
kept in their own cache (stores.PAGES), sized apart from fragments. With Redis, each process
also keeps the pages it served last in a small local-memory cache in front of it
(stores.local_layer): since a key never changes meaning, a copy there is as good as Redis's,
and a hit costs no round trip.

Each page is stored gzip-compressed, once: readers whose browser accepts gzip (all of them)
get that copy, as Django's GZipMiddleware, further out, would have sent
it, without compressing it again on every request. Cached pages hold no secret (no CSRF
token, nothing personal), so one compressed copy for everybody gives nothing away.
"""

import gzip
import hashlib
import pickle
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import (
    get_max_age,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path

from . import fragments, generation, stores
from .stores import PAGES, local_layer, store

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# Request cookies that can change what a page shows. The CSRF cookie is not one: pages that
# use the token are never stored.
PERSONAL_COOKIES = ("SESSION_COOKIE_NAME", "MESSAGE_COOKIE_NAME")
HIT_HEADER = "X-Page-Cache"
# Part of every key: entries stored in another shape by an earlier release are not read.
KEY_VERSION = 5


def _personal_cookies():
    return {
        getattr(settings, name, default)
        for name, default in zip(PERSONAL_COOKIES, ("sessionid", "messages"), strict=True)
    }


class PageCacheMiddleware:
    """Serve and store anonymous public pages; mark personal responses private."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.personal_cookies = _personal_cookies()

    def __call__(self, request):
        if not getattr(settings, "PAGECACHE_ENABLED", True) or not self._cacheable_request(request):
            response = self.get_response(request)
            if self.personal_cookies & request.COOKIES.keys():
                # Never let a shared cache in front keep a page made for one reader.
                patch_cache_control(response, private=True)
            return response

        current = generation.current()
        if current is None:
            return self.get_response(request)
        key = self._key(request, current)
        stored = self._lookup(key)
        if stored is not None:
            return self._serve(stored, request, "hit")

        response = self.get_response(request)
        if self._cacheable_response(request, response):
            self._prepare(response)
            stored = self._freeze(response)
            self._keep(key, stored)
            # The stored copy: compressed once, for the cache and for this reader.
            return self._serve(stored, request, "miss")
        return response

    @classmethod
    def _lookup(cls, key):
        """The stored page: from this process's layer, else from the shared cache."""
        local = local_layer(PAGES)
        stored = None if local is None else local.get(key)
        if stored is None:
            stored = store(PAGES).get(key)
            if stored is not None and local is not None:
                # Not kept here beyond the shared copy's own expiry.
                remaining = cls._expires(stored) - time.time()
                if remaining > 0:
                    local.set(key, stored, remaining)
        return stored

    @staticmethod
    def _keep(key, stored):
        stores.set_many(PAGES, {key: stored}, settings.PAGECACHE_TIMEOUT)

    def _cacheable_request(self, request):
        return (
            request.method == "GET"
            and not request.path.startswith(EXCLUDED_PREFIXES)
            and not (self.personal_cookies & request.COOKIES.keys())
        )

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_USED") or getattr(request, "is_preview", False):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            # The session middleware, outside this one, is about to set a cookie.
            return False
        if response.has_header("Vary") and "cookie" in response["Vary"].lower():
            # The view says its output depends on the reader's cookies.
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)

    @staticmethod
    def _key(request, current):
        url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        # What LocaleMiddleware, further in, will choose: the address's language prefix, or
        # the default language (i18n_patterns with prefix_default_language=False).
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        return f"pagecache:{KEY_VERSION}:{fragments.release()}:{current}:{language}:{url}"

    @staticmethod
    def _accepts_gzip(request):
        return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))

    @staticmethod
    def _prepare(response):
        """Give browsers and proxies what they need for conditional and cached requests."""
        if get_max_age(response) is None:
            patch_cache_control(response, public=True, max_age=settings.PAGECACHE_MAX_AGE)
        if not response.has_header("Last-Modified"):
            # When this copy was made: a client holding an older copy gets the new one.
            response["Last-Modified"] = http_date(time.time())
        set_response_etag(response)

    @staticmethod
    def _freeze(response):
        """The page as stored: a line with its expiry, then the pickled response with its
        gzip-compressed body (or the plain one when not smaller).

        Bytes, so that the caches' own serialisers have nothing to do, and the expiry is read
        without unpickling (the local layer keeps a copy no longer than the shared cache).
        Unpickling a response is about twice as fast as building one from its headers, which
        Django validates one by one. Only one copy is kept (a district's pages then fit in
        memory: about 4 KB each instead of 13 KB); the rare reader without gzip gets it
        decompressed.
        """
        content = response.content
        body = compress_string(content)
        frozen = HttpResponse(body if len(body) < len(content) else content)
        for name, value in response.items():
            frozen[name] = value
        if len(body) < len(content):
            # What GZipMiddleware does to a response it compresses.
            patch_vary_headers(frozen, ("Accept-Encoding",))
            if frozen.get("ETag", "").startswith('"'):
                frozen["ETag"] = f"W/{frozen['ETag']}"
            frozen["Content-Encoding"] = "gzip"
        if frozen.has_header("Content-Length"):
            frozen["Content-Length"] = str(len(frozen.content))
        expires = int(time.time()) + settings.PAGECACHE_TIMEOUT
        return b"%d\n" % expires + pickle.dumps(frozen, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def _expires(stored):
        return int(stored[: stored.index(b"\n")])

    @classmethod
    def _serve(cls, stored, request, outcome):
        response = pickle.loads(memoryview(stored)[stored.index(b"\n") + 1 :])  # noqa: S301 (our own)
        if response.has_header("Content-Encoding") and not cls._accepts_gzip(request):
            response.content = gzip.decompress(response.content)
            del response["Content-Encoding"]
            if response.get("ETag", "").startswith('W/"'):
                response["ETag"] = response["ETag"][2:]
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        response[HIT_HEADER] = outcome
        return response
