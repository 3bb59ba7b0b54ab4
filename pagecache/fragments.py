"""Parts of a page cached per revision of their content, across publications of other pages.

The page cache keeps whole pages only until anything is published (see generation.py). A
post's meta tags and article change only with a new revision of that post or its group, its
address, or what generation.SHARED covers, so they are kept under all of these, in every
reader's language. With the page cache emptied by another group's post, a post page is then
the site's frame around its stored parts instead of rendered from scratch. The cards of a
listing are kept the same way, all of a page's fetched at once (cached_fragments). What
each fragment depends on, and so what moves SHARED, is declared in dependencies.py.

Every key also holds the release: a digest of the code, templates and translations that
render fragments and of the pinned dependencies, so a deploy never serves HTML made by the
previous release from a cache (Redis) that outlived it.
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation import get_language

from . import stores
from .generation import SHARED, current
from .stores import FRAGMENTS


def cached_fragment(request, name, versions, render):
    """Return render()'s HTML, kept under `name`, the content's `versions` and SHARED."""
    [html] = cached_fragments(request, name, [None], lambda _: versions, lambda _: [render()])
    return html


def cached_fragments(request, name, items, versions, render):
    """Return the HTML of each of `items`, in one cache round trip.

    versions(item) gives an item's versions; render(items) returns the HTML of each item it
    is given, in order, and is called once, with the items the cache did not have. Previews
    (drafts) are always rendered afresh, and never kept.
    """
    shared = current(SHARED)
    if getattr(request, "is_preview", False) or not settings.PAGECACHE_FRAGMENTS or shared is None:
        return render(items)
    keys = [_key(name, shared, versions(item)) for item in items]
    timeout = settings.PAGECACHE_FRAGMENT_TIMEOUT
    html = stores.get_many(FRAGMENTS, keys, timeout)
    missing = {key: item for key, item in zip(keys, items, strict=True) if key not in html}
    if missing:
        rendered = dict(zip(missing, render(list(missing.values())), strict=True))
        stores.set_many(FRAGMENTS, rendered, timeout)
        html |= rendered
    return [html[key] for key in keys]


def published_versions(page):
    """What identifies a page's published state in a fragment's versions (None: no page)."""
    if page is None:
        return (None, None, None)
    published = page.last_published_at.timestamp() if page.last_published_at else None
    return (page.pk, page.live_revision_id, published)


def _key(name, shared, versions):
    # Hashed: versions may hold spaces and any length of text (a card's `sizes`), which
    # memcached-style keys may not.
    digest = hashlib.blake2b(":".join(map(str, versions)).encode(), digest_size=16).hexdigest()
    return ":".join(["fragment", name, release(), shared, get_language() or "", digest])


RELEASE_SUFFIXES = (".py", ".html", ".mo")


@functools.cache
def release():
    """A digest of what renders fragments here: the project's apps, translations and lock.

    With the project's static files, whose hashed names fragments link to, and the site's
    name and address, which the environment sets and meta tags show.
    """
    base = Path(settings.BASE_DIR)
    # The project's own apps; installed packages (in a virtualenv that may sit inside the
    # project) are covered by the lock file.
    roots = [
        Path(app.path)
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(base) and "site-packages" not in Path(app.path).parts
    ]
    roots += [Path(path) for path in settings.LOCALE_PATHS] + [base / "portal"]
    files = {
        path
        for root in roots
        for path in root.rglob("*")
        if path.suffix in RELEASE_SUFFIXES and path.is_file()
    }
    # The project's own static files: fragments link them by their hashed names.
    files |= {
        path
        for root in settings.STATICFILES_DIRS
        for path in Path(root).rglob("*")
        if path.is_file()
    }
    site = (settings.WAGTAIL_SITE_NAME, settings.WAGTAILADMIN_BASE_URL)
    return digest_files(sorted(files) + [base / "requirements.lock"], base, site)


def digest_files(paths, base, texts=()):
    digest = hashlib.blake2b(digest_size=8)
    for text in texts:
        digest.update(f"{text}\0".encode())
    for path in paths:
        if path.is_file():
            name = path.relative_to(base) if path.is_relative_to(base) else path
            digest.update(str(name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
