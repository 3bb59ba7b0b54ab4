"""Advance the page cache generation whenever what the public sees may have changed."""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from kim.models import Category, Region

from .generation import advance_now_and_on_commit

DISPATCH_PREFIX = "pagecache"

# Shown on public pages outside any page revision: listings, filters, footers, addresses.
LISTED_MODELS = (Category, Region, Tag, Site, PageViewRestriction)


def page_changed(sender, instance=None, **kwargs):
    advance_now_and_on_commit()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        advance_now_and_on_commit()


def image_changed(sender, instance, created=False, **kwargs):
    # A new upload shows nowhere until a page using it is published; a changed or deleted
    # photo changes every page that shows it.
    if not created:
        advance_now_and_on_commit()


def connect():
    page_published.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:unpublished")
    post_page_move.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:moved")
    # Page subclasses send post_delete with their own class as sender: listen to all.
    post_delete.connect(page_deleted, dispatch_uid=f"{DISPATCH_PREFIX}:page-deleted")
    for model in LISTED_MODELS:
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                page_changed,
                sender=model,
                dispatch_uid=f"{DISPATCH_PREFIX}:{model._meta.label}:{name}",
            )
    image_model = get_image_model()
    post_save.connect(image_changed, sender=image_model, dispatch_uid=f"{DISPATCH_PREFIX}:image")
    post_delete.connect(
        page_changed, sender=image_model, dispatch_uid=f"{DISPATCH_PREFIX}:image-deleted"
    )
