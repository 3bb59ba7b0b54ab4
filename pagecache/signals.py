"""Advance the page cache generations whenever what the public sees may have changed."""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from kim.models import Category, Region

from .generation import SHARED, advance_now_and_on_commit

DISPATCH_PREFIX = "pagecache"

# Shown on public pages outside any page revision: listings, filters, footers, addresses.
LISTED_MODELS = (Category, Region, Tag, Site, PageViewRestriction)
# ... and among those, what a page's own content or a post's card shows too (see
# generation.SHARED).
SHARED_MODELS = (Tag, Site, Category)


def page_changed(sender, instance=None, **kwargs):
    advance_now_and_on_commit()


def address_changed(sender, **kwargs):
    # Links to the page from other pages' content change with it.
    advance_now_and_on_commit(SHARED)


def listed_changed(sender, **kwargs):
    advance_now_and_on_commit(*([SHARED] if sender in SHARED_MODELS else []))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        advance_now_and_on_commit(SHARED)


def media_changed(sender, instance, created=False, **kwargs):
    # A new upload shows nowhere until a page using it is published; a changed or deleted
    # photo or document changes every page that shows it.
    if not created:
        advance_now_and_on_commit(SHARED)


def connect():
    page_published.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:unpublished")
    post_page_move.connect(address_changed, dispatch_uid=f"{DISPATCH_PREFIX}:moved")
    page_slug_changed.connect(address_changed, dispatch_uid=f"{DISPATCH_PREFIX}:slug")
    # Page subclasses send post_delete with their own class as sender: listen to all.
    post_delete.connect(page_deleted, dispatch_uid=f"{DISPATCH_PREFIX}:page-deleted")
    for model in LISTED_MODELS:
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                listed_changed,
                sender=model,
                dispatch_uid=f"{DISPATCH_PREFIX}:{model._meta.label}:{name}",
            )
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        post_save.connect(media_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}:{label}")
        post_delete.connect(
            media_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}:{label}:deleted"
        )
