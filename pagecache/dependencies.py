"""What every kept part of a public page depends on: the one place that says so.

Each kept thing below names the generation it is kept under (generation.py) and what it
shows: the changes that must move that generation. What its key holds (revisions, address,
language, release) changes with the content by itself and needs no invalidation. A page
holds its fragments, so whatever moves a fragment's generation moves PAGES too.

signals.py connects Django's and Wagtail's signals from these declarations. Writes that send
no signals (bulk_create, bulk_update, QuerySet.update and delete, data loads) call
invalidate() with the models they wrote, or run inside `writes(...)`, which checks that what
they write is declared here.
"""

import contextlib
from dataclasses import dataclass, field

from django.db.models import Model
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.models import Page

from .generation import PAGES, SHARED, advance_now_and_on_commit

# Sources that are no model of their own: Wagtail's signals about pages.
PUBLICATIONS = "publications"  # page_published, page_unpublished
ADDRESSES = "addresses"  # post_page_move, page_slug_changed, a page's deletion


def _changed(instance, created, update_fields):
    # A new upload shows nowhere until a page using it is published.
    return not created


def _public_complaint(complaint, created, update_fields):
    # Complaints are saved at every step of their handling; only published ones (or one
    # being withdrawn, which saves published_at) are on public pages.
    return complaint.published_at is not None or "published_at" in (update_fields or ())


def _fact_check(complaint, created, update_fields):
    return complaint.fact_check_page_id is not None


def _public_answer(answer, created, update_fields):
    return not answer.internal


@dataclass(frozen=True)
class Shows:
    """A source a kept thing shows; `when(instance, created, update_fields)` filters saves."""

    source: str
    when: object = None


@dataclass(frozen=True)
class Kept:
    name: str
    # The generation it is kept under; None: kept in each process, rebuilt on restart.
    scope: str | None
    # What its key holds: changes there need no invalidation.
    keyed_by: tuple[str, ...]
    shows: tuple[Shows, ...] = field(default=())


IMAGES = get_image_model_string()
DOCUMENTS = get_document_model_string()

PAGE = Kept(
    "page",
    PAGES,
    keyed_by=("release", "host, scheme, path and query string", "language"),
    shows=(
        Shows(PUBLICATIONS),
        Shows(ADDRESSES),
        Shows("kim.Category"),
        Shows("kim.Region"),
        Shows("taggit.Tag"),
        Shows("wagtailcore.Site"),
        Shows("wagtailcore.PageViewRestriction"),
        Shows(IMAGES, _changed),
        Shows(DOCUMENTS, _changed),
        Shows("complaints.Complaint", _public_complaint),
        Shows("complaints.Answer", _public_answer),
        Shows("complaints.Agency"),
    ),
)
# The meta tags and article of a post page (kim.models.PostPage.render_parts).
POST_PAGE = Kept(
    "post-page",
    SHARED,
    keyed_by=(
        "release",
        "the post's published revision",
        "its group's published revision (the group's name)",
        "its address",
        "language",
    ),
    shows=(
        Shows(ADDRESSES),  # links in the body, the group's link
        Shows("kim.Category"),
        Shows("taggit.Tag"),
        Shows("wagtailcore.Site"),
        Shows(IMAGES, _changed),
        Shows(DOCUMENTS, _changed),
        Shows("complaints.Complaint", _fact_check),  # the head's ClaimReview
    ),
)
# A post's card in listings, search results and group pages (kim.listings.render_cards).
POST_CARD = Kept(
    "post-card",
    SHARED,
    keyed_by=(
        "release",
        "the post's published revision",
        "its group's published revision (the byline)",
        "host",
        "the card's heading, photo loading and sizes",
        "language",
    ),
    shows=(
        Shows(ADDRESSES),
        Shows("kim.Category"),
        Shows("wagtailcore.Site"),
        Shows(IMAGES, _changed),
    ),
)
# Wagtail's Site for a host (home.routing.find_site).
SITE = Kept("site", PAGES, keyed_by=("host", "port"), shows=(Shows("wagtailcore.Site"),))
# Whether the site has any view restriction (kim.models.OneQueryViewRestrictions).
VIEW_RESTRICTIONS = Kept(
    "view-restrictions", PAGES, keyed_by=(), shows=(Shows("wagtailcore.PageViewRestriction"),)
)
# The site's name, menu and footer (home.templatetags.site_frame): settings, the URLconf and
# translations, which change only with a restart.
SITE_FRAME = Kept("site-frame", None, keyed_by=("language", "the menu's current item"))

KEPT = (PAGE, POST_PAGE, POST_CARD, SITE, VIEW_RESTRICTIONS, SITE_FRAME)


def sources():
    """Every declared source, model labels and page sources alike."""
    return {shows.source for kept in KEPT for shows in kept.shows}


def scopes(source, instance=None, created=False, update_fields=None):
    """The generations a change of `source` moves (for a saved or deleted `instance`)."""
    return {
        kept.scope
        for kept in KEPT
        for shows in kept.shows
        if shows.source == source
        and kept.scope
        and (instance is None or shows.when is None or shows.when(instance, created, update_fields))
    }


def _sources_of(written):
    if isinstance(written, type) and issubclass(written, Page):
        return {PUBLICATIONS, ADDRESSES}
    label = (
        written._meta.label if isinstance(written, type) and issubclass(written, Model) else written
    )
    if label not in sources():
        raise LookupError(
            f"{label} is shown by no kept fragment or page: see pagecache.dependencies"
        )
    return {label}


def invalidate(*written):
    """Move the generations of everything kept that shows the models (or sources) written.

    For writes that send no signals. Inside a transaction, once more when it commits.
    """
    moved = set().union(*(scopes(source) for model in written for source in _sources_of(model)))
    if moved:
        advance_now_and_on_commit(*moved - {PAGES})


@contextlib.contextmanager
def writes(*written):
    """Invalidate what shows `written` after the block: around bulk writes of those models."""
    for model in written:
        _sources_of(model)  # fail before writing, not after
    try:
        yield
    finally:
        # Also after an error: without a transaction, part of the writes stand.
        invalidate(*written)
