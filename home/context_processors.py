from django.conf import settings
from django.urls import translate_url


def site_chrome(request):
    """Give every template the site name and links to this page in each language."""
    path = request.get_full_path()
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "language_links": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ],
    }
