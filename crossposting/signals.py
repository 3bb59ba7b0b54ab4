"""Attach cross-posting to kim's posts through Wagtail's signals (kim never imports us)."""

from wagtail.signals import page_published, page_unpublished

from kim.models import PostPage


def first_publication(page):
    """Has this publication made the page live for the first time?

    Wagtail sends page_published also when it only schedules a revision, and sets
    first_published_at to the same moment as last_published_at when a page first goes live.
    """
    return bool(
        page.live and page.first_published_at and page.first_published_at == page.last_published_at
    )


def on_post_published(sender, instance, revision=None, **kwargs):
    from .services import deliveries_for_first_publication, deliveries_resume

    if first_publication(instance):
        deliveries_for_first_publication(post=instance)
    elif instance.live:
        deliveries_resume(post=instance)


def on_post_unpublished(sender, instance, **kwargs):
    from .services import deliveries_cancel_for_unpublished

    deliveries_cancel_for_unpublished(post=instance)


def connect():
    page_unpublished.connect(
        on_post_unpublished, sender=PostPage, dispatch_uid="crossposting_post_unpublished"
    )
    page_published.connect(
        on_post_published, sender=PostPage, dispatch_uid="crossposting_post_published"
    )
