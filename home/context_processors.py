import functools

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language


def site_chrome(request):
    """Give every template the site name, its menu's addresses and this page's languages."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        # Under another name too: Django's sign-in view sets site_name to the request's host.
        "portal_name": settings.WAGTAIL_SITE_NAME,
        "office_name": settings.PORTAL_OFFICE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "site_links": site_links(get_language()),
        "language_links": language_links(request.get_full_path()),
    }


# Both memoised: the URLconf only changes on restart, and every public page asks for them.


@functools.lru_cache(maxsize=16)
def site_links(language):
    """The addresses the header and footer link to, in the language being shown."""
    return {
        "home": reverse("wagtail_serve", args=[""]),
        "groups": reverse("wagtail_serve", args=["kelompok/"]),
        "search": reverse("search"),
        "rss": reverse("feed_rss"),
        "atom": reverse("feed_atom"),
    }


@functools.lru_cache(maxsize=4096)
def language_links(path):
    """(code, name, address) of `path` in each language."""
    return tuple((code, name, translate_url(path, code)) for code, name in settings.LANGUAGES)
