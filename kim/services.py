"""Writes that span several models: group activation and member onboarding."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .hashers import TemporaryPasswordHasher
from .models import ContributorGroup, GroupDirectoryPage, GroupPage, GroupStatus, MemberProfile
from .roles import Role

# Members write posts and submit them; editing the group page itself and colleagues' posts is
# the group admin's. Nobody in a group may publish: that is the editors' after moderation.
MEMBER_PAGE_PERMISSIONS = ["add_page"]
ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page"]
MEMBER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
ADMIN_COLLECTION_PERMISSIONS = MEMBER_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
]
# Unambiguous characters only: temporary passwords are read aloud and typed on phones.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105 (not a secret)


def _permissions(pairs):
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in pairs
    ]


def _member_group_name(name):
    return f"{name} · anggota"


def _admin_group_name(name):
    return f"{name} · admin"


@transaction.atomic
def group_sync(*, group: ContributorGroup, user=None) -> ContributorGroup:
    """Make the group's page, user groups, collection and rights match its registry record.

    Active: page published, members may add and edit in the group's subtree and use its
    collection. Forming or inactive: the page (if any) is not live and nobody in the group may
    edit; nothing is deleted, so setting the status back to active restores everything.
    """
    group = ContributorGroup.objects.select_for_update().get(pk=group.pk)
    active = group.status == GroupStatus.ACTIVE
    if active or group.page_id:
        _sync_page(group, user=user, live=active)
    if active or group.member_group_id:
        _sync_user_groups(group)
        _sync_collection(group)
        _sync_permissions(group, granted=active)
    group.save()
    # Publishing works on a fresh copy of the page; hand back the record as stored.
    return ContributorGroup.objects.select_related("page").get(pk=group.pk)


def _sync_page(group, *, user, live):
    page = group.page.specific if group.page_id else None
    if page is None:
        directory = GroupDirectoryPage.objects.get()
        page = GroupPage(
            title=group.name,
            slug=_unique_slug(directory, group.name),
            kind=group.kind,
            region=group.region,
            is_training=group.is_training,
            owner=user,
            live=False,
        )
        directory.add_child(instance=page)
        group.page = page
    changed = (page.title, page.kind, page.region_id, page.is_training) != (
        group.name,
        group.kind,
        group.region_id,
        group.is_training,
    )
    if changed:
        page.title = page.draft_title = group.name
        page.kind, page.region, page.is_training = group.kind, group.region, group.is_training
        page.save()
    if live and (changed or not page.live or page.has_unpublished_changes):
        # The registry record is what editors approved: its page follows without review.
        page.save_revision(user=user, log_action=True).publish(
            user=user, skip_permission_checks=True
        )
    elif not live and page.live:
        page.unpublish(user=user)


def _unique_slug(parent, name):
    base = slugify(name)[:200] or "kelompok"
    slug, n = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _sync_user_groups(group):
    for field, name in (
        ("member_group", _member_group_name(group.name)),
        ("admin_group", _admin_group_name(group.name)),
    ):
        auth_group = getattr(group, field)
        if auth_group is None:
            auth_group, _ = Group.objects.get_or_create(name=name)
            setattr(group, field, auth_group)
        elif auth_group.name != name:
            auth_group.name = name
            auth_group.save(update_fields=["name"])


def _sync_collection(group):
    if group.collection_id is None:
        group.collection = Collection.get_first_root_node().add_child(name=group.name)
    elif group.collection.name != group.name:
        group.collection.name = group.name
        group.collection.save(update_fields=["name"])


def _sync_permissions(group, *, granted):
    auth_groups = (group.member_group, group.admin_group)
    GroupPagePermission.objects.filter(group__in=auth_groups).delete()
    GroupCollectionPermission.objects.filter(group__in=auth_groups).delete()
    if not granted:
        return
    grants = (
        (group.member_group, MEMBER_PAGE_PERMISSIONS, MEMBER_COLLECTION_PERMISSIONS),
        (group.admin_group, ADMIN_PAGE_PERMISSIONS, ADMIN_COLLECTION_PERMISSIONS),
    )
    for auth_group, page_perms, collection_perms in grants:
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=auth_group, page=group.page, permission=permission)
            for permission in _permissions(("wagtailcore", codename) for codename in page_perms)
        )
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=auth_group, collection=group.collection, permission=permission
            )
            for permission in _permissions(collection_perms)
        )


def temporary_password():
    return "-".join("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(3))


def temporary_password_hash(password):
    return make_password(password, hasher=TemporaryPasswordHasher.algorithm)


def temporary_password_expiry():
    """When a temporary password made now stops working: TEMPORARY_PASSWORD_DAYS from now.

    A temporary password is read aloud, printed on cards and sent in chats; one that nobody
    used within a week is more likely found by someone else than awaited by its member.
    """
    return timezone.now() + timedelta(days=settings.TEMPORARY_PASSWORD_DAYS)


@transaction.atomic
def member_create(
    *,
    group: ContributorGroup,
    full_name,
    username,
    phone="",
    email="",
    as_admin=False,
    password_expires_at=None,
):
    """Create a member's account in the group; return it with a temporary password.

    The password is returned once, for the group admin to hand over; the member must
    change it at first login, before `password_expires_at` (by default in a week).
    """
    first_name, _, last_name = full_name.strip().partition(" ")
    password = temporary_password()
    user_model = get_user_model()
    user = user_model(
        username=user_model.normalize_username(username),
        email=user_model.objects.normalize_email(email),
        password=temporary_password_hash(password),
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    user.save()
    MemberProfile.objects.create(
        user=user,
        phone=phone,
        must_change_password=True,
        temporary_password_expires_at=password_expires_at or temporary_password_expiry(),
    )
    _join(user, group, as_admin=as_admin)
    return user, password


def _join(user, group, *, as_admin):
    roles = [Role.MEMBER] + ([Role.GROUP_ADMIN] if as_admin else [])
    user.groups.add(group.member_group, *Group.objects.filter(name__in=roles))
    if as_admin:
        user.groups.add(group.admin_group)


@transaction.atomic
def member_reset_password(*, user, expires_at=None):
    """Give the member a new temporary password that must be changed at next login."""
    password = temporary_password()
    user.password = temporary_password_hash(password)
    user.save(update_fields=["password"])
    MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "must_change_password": True,
            "temporary_password_expires_at": expires_at or temporary_password_expiry(),
        },
    )
    return password


def member_set_active(*, user, active):
    user.is_active = active
    user.save(update_fields=["is_active"])


@transaction.atomic
def member_move(*, user, to_group: ContributorGroup):
    """Move a member to another group as a plain member; their posts stay where they are."""
    registry_groups = Group.objects.filter(
        contributor_as_members__isnull=False
    ) | Group.objects.filter(contributor_as_admins__isnull=False)
    user.groups.remove(*registry_groups.filter(user=user))
    user.groups.remove(*Group.objects.filter(name=Role.GROUP_ADMIN))
    _join(user, to_group, as_admin=False)


def password_changed(*, user):
    MemberProfile.objects.filter(user=user).update(
        must_change_password=False, temporary_password_expires_at=None
    )
