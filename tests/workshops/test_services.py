"""Workshop writes: accounts at once, passwords, moves into real groups, and the purge."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, Revision, WorkflowState

from crossposting.models import Network, SocialAccount
from kim.models import ContributorGroup, GroupPage, PostPage
from kim.roles import Role
from tests.factories import PhotoFactory, PostPageFactory, authenticate
from tests.workshops.conftest import enter, make_workshop
from workshops import services
from workshops.models import Participant, WorkshopStatus

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_150_participant_accounts_are_created_at_once_in_the_sandbox(world):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        workshop, credentials = make_workshop(world, count=150)
    seconds = time.perf_counter() - started

    assert len(credentials) == 150
    assert workshop.participants.count() == 150
    usernames = [c.participant.username for c in credentials]
    assert usernames[0] == f"ws{workshop.pk}-peserta-001"
    assert usernames[-1] == f"ws{workshop.pk}-peserta-150"
    sandbox = workshop.sandbox
    assert sandbox.is_training and sandbox.page.is_training and sandbox.page.live
    members = User.objects.filter(groups=sandbox.member_group)
    assert members.count() == 150
    assert all(u.member_profile.must_change_password for u in members)
    assert Group.objects.get(name=Role.MEMBER).user_set.filter(pk__in=members).count() == 150
    # Onboarding is per account, but the cost of each stays small and fixed: seconds, not
    # minutes, even on a busy machine (bench/workshop_rehearsal.py times it with real hashing).
    assert len(queries) < 150 * 12
    assert seconds < 30


def test_temporary_password_signs_in_and_is_not_stored_in_clear(world, workshop):
    credential = workshop.credentials[0]
    user = credential.participant.user
    user.refresh_from_db()
    assert credential.password not in user.password
    assert authenticate(username=user.username, password=credential.password) == user


def test_names_and_csv_give_participants_their_names_phones_and_groups(world):
    rows = "nama,hp,kelompok\nSri Wahyuni,0812 1111 2222,KIM Sekar Jagad\nJoko,,\n"
    entries = services.entries_from_csv(rows.encode())
    assert [(e.full_name, e.phone) for e in entries] == [
        ("Sri Wahyuni", "0812 1111 2222"),
        ("Joko", ""),
    ]
    assert entries[0].home_group == world.group_a
    assert services.entries_from_names("Ani\n\n  Budi, 0813\n")[1].phone == "0813"
    workshop, credentials = make_workshop(world, names="Ani\nBudi Santoso Putra")
    assert [c.participant.full_name for c in credentials] == ["Ani", "Budi Santoso Putra"]
    user = credentials[1].participant.user
    assert (user.first_name, user.last_name) == ("Budi", "Santoso Putra")


def test_new_passwords_replace_the_old_ones(world, workshop):
    old = workshop.credentials[0]
    fresh = services.passwords_regenerate(
        workshop=workshop, participants=Participant.objects.filter(pk=old.participant.pk)
    )
    assert len(fresh) == 1 and fresh[0].password != old.password
    username = old.participant.username
    assert authenticate(username=username, password=old.password) is None
    assert authenticate(username=username, password=fresh[0].password) is not None


def test_moving_a_participant_keeps_the_account_and_gives_the_real_groups_rights(world, workshop):
    participant = workshop.participants.first()
    user = enter(participant.user)
    password_hash = user.password

    services.participant_move(participant=participant, to_group=world.group_a)

    user = User.objects.get(pk=user.pk)
    assert user.password == password_hash and user.is_active
    assert user.groups.filter(pk=world.group_a.member_group_id).exists()
    assert not user.groups.filter(pk=workshop.sandbox.member_group_id).exists()
    real_page = world.group_a.page.specific
    assert real_page.permissions_for_user(user).can_add_subpage()
    assert not workshop.sandbox.page.specific.permissions_for_user(user).can_add_subpage()
    assert not world.group_b.page.specific.permissions_for_user(user).can_add_subpage()
    participant.refresh_from_db()
    assert participant.home_group == world.group_a and participant.moved_at


def test_a_participant_cannot_be_moved_into_another_sandbox(world, workshop):
    other, _ = make_workshop(world, title="Pelatihan kedua")
    with pytest.raises(ValidationError):
        services.participant_move(participant=workshop.participants.first(), to_group=other.sandbox)


def _sandbox_content(workshop, user):
    sandbox = workshop.sandbox
    photo = PhotoFactory(collection=sandbox.collection, uploaded_by_user=user)
    document = get_document_model().objects.create(title="Materi", collection=sandbox.collection)
    post = PostPageFactory(parent=sandbox.page, owner=user, hero_image=photo, hero_alt="Foto")
    post.save_revision(user=user)
    return post, photo, document


def test_purge_removes_exactly_the_sandbox_and_keeps_the_record(world, workshop):
    real_post = world.post(world.group_a, owner=world.member, live=True)
    district_account = SocialAccount.objects.create(network=Network.TELEGRAM, name="Diskominfo")
    group_account = SocialAccount.objects.create(
        group=world.group_a, network=Network.TELEGRAM, name="Kanal KIM"
    )
    real_photo = PhotoFactory(collection=world.group_a.collection)
    real_document = get_document_model().objects.create(title="SK", collection_id=1)
    before = {
        "pages": Page.objects.count(),
        "users": User.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "groups": ContributorGroup.objects.count(),
        "auth_groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "social_accounts": SocialAccount.objects.count(),
    }
    moved, stays, *_ = list(workshop.participants.all())
    enter(moved.user)
    enter(stays.user)
    sandbox_post, sandbox_photo, sandbox_document = _sandbox_content(workshop, stays.user)
    _sandbox_content(workshop, moved.user)
    services.participant_move(participant=moved, to_group=world.group_b)
    sandbox = workshop.sandbox

    report = services.workshop_purge(workshop=workshop, user=world.trainer)

    assert (report.pages, report.images, report.documents, report.accounts) == (3, 2, 2, 2)
    assert not GroupPage.objects.filter(pk=sandbox.page_id).exists()
    assert not PostPage.objects.filter(pk=sandbox_post.pk).exists()
    assert not Revision.objects.filter(object_id=str(sandbox_post.pk)).exists()
    assert not get_image_model().objects.filter(pk=sandbox_photo.pk).exists()
    assert not get_document_model().objects.filter(pk=sandbox_document.pk).exists()
    assert not ContributorGroup.objects.filter(pk=sandbox.pk).exists()
    assert not Group.objects.filter(
        pk__in=[sandbox.member_group_id, sandbox.admin_group_id]
    ).exists()
    assert not Collection.objects.filter(pk=sandbox.collection_id).exists()
    # Exactly the sandbox: everything that was there before the workshop is still there...
    assert Page.objects.count() == before["pages"] - 1  # the sandbox's own page, made with it
    assert User.objects.count() == before["users"] - 3 + 1  # the moved participant stays
    assert get_image_model().objects.count() == before["images"]
    assert get_document_model().objects.count() == before["documents"]
    assert ContributorGroup.objects.count() == before["groups"] - 1
    assert Collection.objects.count() == before["collections"] - 1
    assert not SocialAccount.objects.filter(group_id=sandbox.pk).exists()
    assert SocialAccount.objects.count() == before["social_accounts"] - 1  # the practice page
    assert SocialAccount.objects.filter(pk__in=[district_account.pk, group_account.pk]).count() == 2
    assert PostPage.objects.filter(pk=real_post.pk, live=True).exists()
    assert get_image_model().objects.filter(pk=real_photo.pk).exists()
    assert get_document_model().objects.filter(pk=real_document.pk).exists()
    assert User.objects.filter(pk=world.trainer.pk).exists()
    # ...and the moved participant keeps their account in their real group.
    assert (
        User.objects.get(pk=moved.user_id).groups.filter(pk=world.group_b.member_group_id).exists()
    )
    # The workshop keeps its record: attendance and each participant's results.
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.CLOSED and workshop.sandbox is None
    rows = {p.username: p for p in workshop.participants.all()}
    assert len(rows) == 3
    assert rows[stays.username].user is None and rows[stays.username].attended
    assert rows[stays.username].results["saved_draft"] is True
    assert rows[stays.username].results["image_with_alt"] is True
    assert not rows[workshop.participants.last().username].attended
    assert PageLogEntry.objects.filter(action="wagtail.delete", page_id=sandbox_post.pk).exists()


def test_purge_deletes_workflow_states_of_sandbox_posts(world, workshop, client):
    user = enter(workshop.participants.first().user)
    post, *_ = _sandbox_content(workshop, user)
    from wagtail.models import Workflow

    Workflow.objects.get(name="Moderasi KIM").start(post, user)
    assert WorkflowState.objects.filter(object_id=str(post.pk)).exists()
    services.workshop_purge(workshop=workshop, user=world.trainer)
    assert not WorkflowState.objects.filter(object_id=str(post.pk)).exists()


def test_a_purged_workshop_cannot_be_purged_again(world, workshop):
    services.workshop_purge(workshop=workshop, user=world.trainer)
    with pytest.raises(ValidationError):
        services.workshop_purge(workshop=workshop, user=world.trainer)
