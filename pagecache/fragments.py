"""Parts of a page cached per revision of their content, across publications of other pages.

The page cache keeps whole pages only until anything is published (see generation.py). A
post's article (photo, body, sources, tags) changes only with a new revision of that post or
with what generation.SHARED covers, so it is kept under both, in every reader's language.
With the page cache emptied by another group's post, a post page is then rendered around
its stored article instead of from scratch.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .generation import SHARED, current


def cached_fragment(name, versions, render):
    """Return render()'s HTML, kept under `name`, the content's `versions` and SHARED."""
    shared = current(SHARED)
    if not settings.PAGECACHE_FRAGMENTS or shared is None:
        return render()
    key = ":".join(["fragment", name, shared, get_language() or "", *map(str, versions)])
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, settings.PAGECACHE_FRAGMENT_TIMEOUT)
    return html
