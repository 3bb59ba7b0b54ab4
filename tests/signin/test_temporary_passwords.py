"""Temporary passwords expire: a week after they are made, workshop ones after the workshop."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kim import services
from tests.kim.conftest import make_group
from workshops.services import entries_from_count, workshop_create

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


@pytest.fixture
def group(db):
    return make_group("KIM Sekar Jagad", code="33.13.11.2001")


def test_a_new_members_temporary_password_works_for_seven_days(client, group):
    user, password = services.member_create(group=group, full_name="Sri", username="sri")
    expires = user.member_profile.temporary_password_expires_at

    assert timedelta(days=6, hours=23) < expires - timezone.now() <= timedelta(days=7)
    assert sign_in(client, "sri", password).status_code == 302


def test_an_expired_temporary_password_is_refused_in_indonesian(client, group):
    user, password = services.member_create(group=group, full_name="Sri", username="sri")
    user.member_profile.temporary_password_expires_at = timezone.now() - timedelta(minutes=1)
    user.member_profile.save()

    refused = sign_in(client, "sri", password)
    wrong = sign_in(client, "sri", "bukan-sandinya")

    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert "Kata sandi sementara ini sudah kedaluwarsa" in refused.text
    # A wrong password learns nothing about the account.
    assert "kedaluwarsa" not in wrong.text


def test_a_reset_gives_a_new_week_and_a_chosen_password_never_expires(client, group):
    user, _ = services.member_create(group=group, full_name="Sri", username="sri")
    user.member_profile.temporary_password_expires_at = timezone.now() - timedelta(days=1)
    user.member_profile.save()

    password = services.member_reset_password(user=user)
    assert sign_in(client, "sri", password).status_code == 302

    user.set_password("kabar-desa-sengon-2026")
    user.save()
    services.password_changed(user=user)
    user.member_profile.refresh_from_db()
    assert user.member_profile.temporary_password_expires_at is None


def test_workshop_passwords_expire_at_the_end_of_the_workshops_day(client, group):
    region = group.region.parent or group.region
    today = timezone.localdate()
    workshop, credentials = workshop_create(
        title="Pelatihan Menulis",
        date=today,
        place="Balai desa",
        region=region,
        trainers=[],
        entries=entries_from_count(2),
        created_by=None,
    )
    participant = credentials[0].participant
    expires = timezone.localtime(participant.user.member_profile.temporary_password_expires_at)

    assert (expires.date(), expires.hour, expires.minute) == (today + timedelta(days=1), 0, 0)
    assert sign_in(client, participant.username, credentials[0].password).status_code == 302

    workshop.date = date(2026, 3, 14)  # a late list for a past workshop: until tonight
    assert timezone.localtime(workshop.passwords_expire_at()).date() == today + timedelta(days=1)
