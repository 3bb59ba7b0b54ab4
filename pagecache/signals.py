"""Advance the page cache generations whenever what the public sees may have changed.

What moves which generation is declared in dependencies.py; this connects the signals that
tell of those changes.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import dependencies
from .dependencies import ADDRESSES, PUBLICATIONS
from .generation import PAGES, advance_now_and_on_commit

DISPATCH_PREFIX = "pagecache"


def _advance(scopes):
    if scopes:
        advance_now_and_on_commit(*scopes - {PAGES})


def page_changed(sender, **kwargs):
    _advance(dependencies.scopes(PUBLICATIONS))


def address_changed(sender, **kwargs):
    _advance(dependencies.scopes(ADDRESSES))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _advance(dependencies.scopes(ADDRESSES))


def model_changed(sender, instance, created=False, update_fields=None, **kwargs):
    _advance(dependencies.scopes(sender._meta.label, instance, created, update_fields))


def connect():
    page_published.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}:unpublished")
    post_page_move.connect(address_changed, dispatch_uid=f"{DISPATCH_PREFIX}:moved")
    page_slug_changed.connect(address_changed, dispatch_uid=f"{DISPATCH_PREFIX}:slug")
    # Page subclasses send post_delete with their own class as sender: listen to all.
    post_delete.connect(page_deleted, dispatch_uid=f"{DISPATCH_PREFIX}:page-deleted")
    for source in dependencies.sources() - {PUBLICATIONS, ADDRESSES}:
        model = apps.get_model(source)
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                model_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}:{source}:{name}"
            )
