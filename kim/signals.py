"""Keep what kim's models store about the page tree in step with it."""

from wagtail.signals import post_page_move


def post_moved(sender, instance, parent_page_after, **kwargs):
    # Wagtail saves a moved page as a plain Page, so PostPage.save() does not see the move.
    from .models import PostPage

    PostPage.objects.filter(pk=instance.pk).update(group_id=parent_page_after.pk)


def connect():
    from .models import PostPage

    post_page_move.connect(post_moved, sender=PostPage, dispatch_uid="kim:post-moved")
