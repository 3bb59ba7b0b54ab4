"""Keep the sandbox's cross-posting previews-only, whatever account a post was sent to.

The cross-posting app owns its outbox; these receivers only make sure that a training group's
accounts are dry-run and that a sandbox post's deliveries are previews, never sent.
"""

from django.db.models.signals import pre_save

from crossposting.models import Delivery, DeliveryStatus, SocialAccount
from kim.models import ContributorGroup, GroupPage, PostPage


def force_dry_run_account(sender, instance, **kwargs):
    if instance.group_id and not instance.dry_run:
        if ContributorGroup.objects.filter(pk=instance.group_id, is_training=True).exists():
            instance.dry_run = True


def force_dry_run_delivery(sender, instance, **kwargs):
    if not instance._state.adding or instance.status == DeliveryStatus.DRY_RUN:
        return
    training_pages = GroupPage.objects.filter(is_training=True).values("pk")
    if PostPage.objects.filter(pk=instance.post_id, group__in=training_pages).exists():
        instance.status = DeliveryStatus.DRY_RUN
        instance.next_attempt_at = None


def connect():
    pre_save.connect(
        force_dry_run_account, sender=SocialAccount, dispatch_uid="workshops_dry_run_account"
    )
    pre_save.connect(
        force_dry_run_delivery, sender=Delivery, dispatch_uid="workshops_dry_run_delivery"
    )
