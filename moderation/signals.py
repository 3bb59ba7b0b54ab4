"""Keep published posts' fingerprints in step with publication (kim never imports us)."""

from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished

from kim.models import PostPage

from .fingerprints import fingerprint_deleted, fingerprint_remove, fingerprint_store
from .models import PublishedFingerprint


def post_published(sender, instance, revision=None, **kwargs):
    # Wagtail also sends page_published when it only schedules a revision for later.
    if not instance.live or (instance.go_live_at and instance.go_live_at > timezone.now()):
        return
    fingerprint_store(post=instance)


def post_unpublished(sender, instance, **kwargs):
    fingerprint_remove(post=instance)


def connect():
    page_published.connect(post_published, sender=PostPage, dispatch_uid="moderation_fingerprint")
    page_unpublished.connect(
        post_unpublished, sender=PostPage, dispatch_uid="moderation_fingerprint_removed"
    )
    # Deleting a post (or its group's subtree) deletes its fingerprint through the foreign key.
    post_delete.connect(
        fingerprint_deleted,
        sender=PublishedFingerprint,
        dispatch_uid="moderation_fingerprint_deleted",
    )
