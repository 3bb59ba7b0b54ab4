"""The parts of every public page's frame that vary only with the language being read and
the menu's current item: the site's name and menu, and the footer.

They are rendered once per process for each language and item, not on every request: on a
post page rendered around its stored article they were an eighth of the CPU. With DEBUG on,
they are rendered every time, so that template edits show at once. Nothing in the database
changes them (pagecache.dependencies.SITE_FRAME): settings, the URLconf and translations
change only with a restart.
"""

import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

from home.context_processors import site_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The site's name and main menu, with the reader's place in it marked."""
    language = get_language()
    # Pages rendered outside a request (none today) show the menu with nothing marked.
    request = context.get("request")
    path = request.path if request else ""
    return _rendered("includes/site_menu.html", language, *_current(path, language))


@register.simple_tag
def site_footer():
    return _rendered("includes/site_footer.html", get_language())


def _current(path, language):
    """The menu item the address is (aria-current "page") or lies under ("true")."""
    links = site_links(language)
    for item in ("home", "groups", "search"):
        if path == links[item]:
            return item, "page"
    if path.startswith(links["groups"]):
        return "groups", "true"
    return None, None


def _rendered(template_name, language, current=None, current_as=None):
    render = _render.__wrapped__ if settings.DEBUG else _render
    return render(template_name, language, current, current_as)


@functools.lru_cache(maxsize=64)
def _render(template_name, language, current, current_as):
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_links": site_links(language),
        "current": current,
        "current_as": current_as,
    }
    return render_to_string(template_name, context)
