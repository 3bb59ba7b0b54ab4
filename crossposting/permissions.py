"""Who may manage which social accounts, and who may cross-post which post.

Editors (district staff) manage the district's accounts and every group's; a group admin
manages only their own group's. A post's author and its group's admins choose among the
group's accounts; editors also choose the district's. A district-wide message is offered to
every group's accounts, so each group's admins may choose their own for it.
"""

from kim.models import ContributorGroup
from kim.permissions import is_district_staff

from .models import SocialAccount


def admin_groups(user):
    if not user.is_authenticated or not user.is_active:
        return ContributorGroup.objects.none()
    return ContributorGroup.objects.filter(admin_group__user=user)


def accounts_managed_by(user):
    if is_district_staff(user):
        return SocialAccount.objects.all()
    return SocialAccount.objects.filter(group__in=admin_groups(user))


def can_manage_accounts(user, group=None):
    """May the user add accounts for this group (None: the district)?"""
    if is_district_staff(user):
        return True
    return group is not None and admin_groups(user).filter(pk=group.pk).exists()


def can_manage_account(user, account):
    return can_manage_accounts(user, account.group)


def post_group(post):
    """The registry record of the group a post belongs to, if it has one."""
    if not post.group_id:
        return None
    return ContributorGroup.objects.filter(page_id=post.group_id).first()


def selectable_accounts(user, post):
    """The accounts this user may send this post to."""
    if not user.is_authenticated or not user.is_active:
        return SocialAccount.objects.none()
    group = post_group(post)
    if is_district_staff(user):
        accounts = SocialAccount.objects.district()
        if group:
            accounts = accounts | SocialAccount.objects.for_group(group)
        return accounts
    groups = admin_groups(user)
    if group and post.owner_id == user.pk:
        groups = groups | ContributorGroup.objects.filter(pk=group.pk)
    if not post.is_district_message:
        groups = groups.filter(pk=group.pk) if group else groups.none()
    return SocialAccount.objects.filter(group__in=groups)


def can_crosspost(user, post):
    if is_district_staff(user) or (post.owner_id == user.pk and user.is_active):
        return True
    # The page explorer asks once per row, and rows share a group: remember the answer per
    # group on this user object, which lives for one request (as Django's permission cache).
    answers = user.__dict__.setdefault("_crosspost_answers", {})
    key = (post.group_id, post.is_district_message)
    if key not in answers:
        answers[key] = selectable_accounts(user, post).exists()
    return answers[key]
