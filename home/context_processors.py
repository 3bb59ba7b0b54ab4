import functools

from django.conf import settings
from django.urls import translate_url


def site_chrome(request):
    """Give every template the site name and links to this page in each language."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "language_links": language_links(request.get_full_path()),
    }


@functools.lru_cache(maxsize=4096)
def language_links(path):
    """(code, name, address) of `path` in each language: the URLconf only changes on restart."""
    return tuple((code, name, translate_url(path, code)) for code, name in settings.LANGUAGES)
