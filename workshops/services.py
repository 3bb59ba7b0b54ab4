"""Workshop writes: the sandbox and its accounts, passwords, moves, exercises and the purge."""

import csv
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
)
from wagtail.rich_text import RichText

from crossposting.models import Network, SocialAccount
from kim.models import ContributorGroup, GroupKind, GroupStatus, PostPage
from kim.services import (
    ADMIN_COLLECTION_PERMISSIONS,
    group_sync,
    member_create,
    member_move,
    member_reset_password,
)

from .exercises import Exercise
from .models import Participant, Workshop, WorkshopStatus
from .progress import board

MAX_PARTICIPANTS = 300
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]
NAME_HEADERS = {"name", "nama", "nama lengkap", "full name", "full_name"}
PHONE_HEADERS = {"phone", "telepon", "hp", "no hp", "nomor hp", "whatsapp", "wa"}
GROUP_HEADERS = {"group", "kelompok", "kim", "komunitas"}


@dataclass
class ParticipantEntry:
    full_name: str
    phone: str = ""
    home_group: ContributorGroup | None = None


@dataclass
class Credential:
    participant: Participant
    password: str


def entries_from_names(text):
    """One participant per non-empty line; a comma or tab may add a phone number."""
    entries = []
    for line in text.splitlines():
        name, _sep, phone = line.replace("\t", ",").partition(",")
        if name.strip():
            entries.append(ParticipantEntry(full_name=name.strip()[:150], phone=phone.strip()[:30]))
    return entries


def entries_from_csv(data):
    """Read names (and phones, and own groups by name) from a CSV, with or without a header."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]
    if not rows:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {"name": 0, "phone": 1, "group": 2}
    if NAME_HEADERS & set(header):
        columns = {
            key: next((i for i, cell in enumerate(header) if cell in names), None)
            for key, names in (
                ("name", NAME_HEADERS),
                ("phone", PHONE_HEADERS),
                ("group", GROUP_HEADERS),
            )
        }
        rows = rows[1:]
    groups = {g.name.lower(): g for g in ContributorGroup.objects.filter(is_training=False)}

    def cell(row, key):
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    return [
        ParticipantEntry(
            full_name=cell(row, "name")[:150],
            phone=cell(row, "phone")[:30],
            home_group=groups.get(cell(row, "group").lower()),
        )
        for row in rows
        if cell(row, "name")
    ]


def entries_from_count(count, *, start=1):
    return [ParticipantEntry(full_name=f"Peserta {n:03d}") for n in range(start, start + count)]


def _sandbox_name(workshop):
    return f"Pelatihan #{workshop.pk}: {workshop.title}"[:150]


@transaction.atomic
def workshop_create(*, title, date, place, region, trainers, entries, created_by):
    """Create the workshop, its sandbox group and one account per entry.

    Returns the workshop and the participants' temporary passwords, which are not stored:
    the caller shows them once, on the login cards.
    """
    if len(entries) > MAX_PARTICIPANTS:
        raise ValidationError(
            _("A workshop can have at most %(n)d participants.") % {"n": MAX_PARTICIPANTS}
        )
    workshop = Workshop.objects.create(
        title=title, date=date, place=place, region=region, created_by=created_by
    )
    sandbox = ContributorGroup.objects.create(
        name=_sandbox_name(workshop),
        kind=GroupKind.KIM,
        region=region,
        status=GroupStatus.ACTIVE,
        is_training=True,
    )
    # The sandbox's own page is published by the system, not by the trainer who asked for it.
    workshop.sandbox = group_sync(group=sandbox, user=None)
    workshop.save(update_fields=["sandbox"])
    # Practice documents (the exercises include personal data) are for signed-in users only.
    CollectionViewRestriction.objects.create(
        collection=workshop.sandbox.collection,
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    workshop_set_trainers(workshop=workshop, trainers=trainers)
    # One practice account so that participants see cross-posting previews; always dry-run.
    SocialAccount.objects.create(
        group=workshop.sandbox,
        network=Network.FACEBOOK_PAGE,
        name=f"Halaman latihan {workshop.sandbox.name}"[:120],
        dry_run=True,
    )
    credentials = participants_add(workshop=workshop, entries=entries)
    return workshop, credentials


@transaction.atomic
def workshop_set_trainers(*, workshop, trainers):
    """Give the trainers (and only them) their rights in the sandbox."""
    workshop.trainers.set(trainers)
    if workshop.trainer_group is None and workshop.is_open and workshop.sandbox is not None:
        # Also repairs a workshop made before trainers had a group: saving its trainers again
        # lets them finish reviews.
        workshop.trainer_group = _trainer_group(workshop)
        workshop.save(update_fields=["trainer_group"])
    if workshop.trainer_group is not None:
        workshop.trainer_group.user_set.set(trainers)


def _trainer_group(workshop):
    """Edit and review in the sandbox subtree and use its collection; nothing else.

    Trainers publish nothing themselves: a finished review does (moderation.publishing). The
    moderation hook lets trainers review only here, so the grant stops at the sandbox too.
    """
    sandbox = workshop.sandbox
    group = Group.objects.create(name=f"Pelatihan #{workshop.pk} · pelatih")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGE_PERMISSIONS
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=sandbox.page, permission=permission)
        for permission in page_permissions
    )
    for app_label, codename in ADMIN_COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.create(
            group=group, collection=sandbox.collection, permission=permission
        )
    return group


@transaction.atomic
def participants_add(*, workshop, entries):
    """Create sandbox accounts (ws<id>-peserta-<n>) through kim's member onboarding."""
    if not workshop.is_open or workshop.sandbox is None:
        raise ValidationError(_("This workshop is closed."))
    last = workshop.participants.order_by("-number").values_list("number", flat=True).first()
    if (workshop.participants.count() + len(entries)) > MAX_PARTICIPANTS:
        raise ValidationError(
            _("A workshop can have at most %(n)d participants.") % {"n": MAX_PARTICIPANTS}
        )
    taken = set(
        get_user_model()
        .objects.filter(username__startswith=f"ws{workshop.pk}-peserta-")
        .values_list("username", flat=True)
    )
    number = last or 0
    credentials = []
    for entry in entries:
        number += 1
        while workshop.username_for(number) in taken:
            number += 1
        username = workshop.username_for(number)
        user, password = member_create(
            group=workshop.sandbox,
            full_name=entry.full_name,
            username=username,
            phone=entry.phone,
            password_expires_at=workshop.passwords_expire_at(),
        )
        participant = Participant.objects.create(
            workshop=workshop,
            number=number,
            full_name=entry.full_name,
            username=username,
            phone=entry.phone,
            user=user,
            home_group=entry.home_group,
        )
        credentials.append(Credential(participant, password))
    return credentials


@transaction.atomic
def passwords_regenerate(*, workshop, participants):
    """Give each chosen participant still in the sandbox a new temporary password."""
    credentials = []
    for participant in participants.in_sandbox().filter(workshop=workshop).select_related("user"):
        password = member_reset_password(
            user=participant.user, expires_at=workshop.passwords_expire_at()
        )
        credentials.append(Credential(participant, password))
    return credentials


@transaction.atomic
def participant_move(*, participant, to_group):
    """Move a participant's account into their real group; the account and password stay."""
    if to_group.is_training:
        raise ValidationError(_("Choose a real group, not a sandbox."))
    if participant.user is None or participant.moved_at is not None:
        raise ValidationError(_("This participant has no sandbox account to move."))
    member_move(user=participant.user, to_group=to_group)
    participant.home_group = to_group
    participant.moved_at = timezone.now()
    participant.save(update_fields=["home_group", "moved_at"])
    return participant


def results_snapshot(*, workshop):
    """Keep each participant's steps and attendance on the workshop's own record."""
    rows = board(workshop)
    participants = list(workshop.participants.all())
    for participant, row in zip(participants, rows, strict=True):
        if participant.user_id is None and participant.results:
            continue  # already snapshotted and purged
        participant.results = row.as_dict()
        participant.attended = participant.attended or row.logged_in
    Participant.objects.bulk_update(participants, ["results", "attended"])


@dataclass
class PurgeReport:
    pages: int
    images: int
    documents: int
    accounts: int


@transaction.atomic
def workshop_purge(*, workshop, user):
    """Delete the sandbox (pages, media, remaining accounts, its group) and close the workshop.

    Participants moved to their real group keep their accounts; the workshop, its attendance
    and each participant's results stay.
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if not workshop.is_open:
        raise ValidationError(_("This workshop's sandbox has already been purged."))
    results_snapshot(workshop=workshop)
    sandbox = workshop.sandbox
    pages = images = documents = 0
    if sandbox is not None:
        if not sandbox.is_training:
            raise PermissionDenied  # never purge a real group, whatever the data says
        page = sandbox.page
        if page is not None:
            pages = page.get_descendants(inclusive=True).count()
            DeletePageAction(page.specific, user=user).execute(skip_permission_checks=True)
        collection = sandbox.collection
        if collection is not None:
            for model in (get_image_model(), get_document_model()):
                items = list(model.objects.filter(collection=collection))
                for item in items:
                    item.delete()
                if model is get_image_model():
                    images = len(items)
                else:
                    documents = len(items)
    remaining = get_user_model().objects.filter(
        pk__in=workshop.participants.in_sandbox().values("user")
    )
    accounts = remaining.count()
    remaining.delete()
    if workshop.trainer_group is not None:
        workshop.trainer_group.delete()
        workshop.trainer_group = None
    if sandbox is not None:
        for auth_group in (sandbox.member_group, sandbox.admin_group):
            if auth_group is not None:
                auth_group.delete()
        collection = sandbox.collection
        sandbox.delete()
        if collection is not None:
            collection.delete()
    workshop.sandbox = None
    workshop.status = WorkshopStatus.CLOSED
    workshop.closed_at = timezone.now()
    workshop.save(update_fields=["sandbox", "trainer_group", "status", "closed_at"])
    return PurgeReport(pages=pages, images=images, documents=documents, accounts=accounts)


@transaction.atomic
def exercise_start(*, user, workshop, exercise: Exercise):
    """Create the participant's draft post from an exercise's sample material."""
    sandbox_page = workshop.sandbox.page.specific if workshop.sandbox else None
    if sandbox_page is None or not sandbox_page.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    base_slug = f"{exercise.slug}-{user.pk}"
    slug, n = base_slug, 1
    while PostPage.objects.child_of(sandbox_page).filter(slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    post = PostPage(
        title=exercise.material_title,
        slug=slug,
        owner=user,
        live=False,
        summary=exercise.summary,
        body=[("paragraph", RichText(paragraph)) for paragraph in exercise.body_html],
    )
    sandbox_page.add_child(instance=post)
    post.save_revision(user=user, log_action=True)
    return post
