"""Members' passwords are kept as Argon2id hashes; older hashes are upgraded at sign-in."""

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password

from portal.settings import base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "kabar-desa-sengon-2026"  # noqa: S105


@pytest.fixture(autouse=True)
def production_hashers(settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS


def test_a_chosen_password_is_kept_as_argon2id_with_owasp_settings():
    user = UserFactory()
    user.set_password(PASSWORD)
    user.save()

    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
    assert not user.check_password("kabar-desa-sengon-2025")


def test_an_older_hash_is_upgraded_when_its_member_signs_in(client):
    user = UserFactory(username="sri")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()

    response = client.post("/admin/login/", {"username": "sri", "password": PASSWORD})

    user.refresh_from_db()
    assert response.status_code == 302
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(PASSWORD)


def test_a_wrong_password_changes_nothing(client):
    user = UserFactory(username="sri")
    user.password = old = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()

    response = client.post("/admin/login/", {"username": "sri", "password": "salah-sandi-1"})

    user.refresh_from_db()
    assert response.status_code == 200
    assert user.password == old
