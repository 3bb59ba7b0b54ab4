"""Wrong passwords lock an account or an address; group admins and editors unlock."""

import pytest
from wagtail.models import ModelLogEntry

from tests.kim.conftest import World

pytestmark = pytest.mark.django_db

PASSWORD = "Gotong-royong-2026"


@pytest.fixture
def world(db, settings):
    settings.SIGNIN_ACCOUNT_FAILURES = settings.AXES_FAILURE_LIMIT = 5
    settings.SIGNIN_ADDRESS_FAILURES = 10
    world = World()
    for user in (world.member, world.member_b):
        user.set_password(PASSWORD)
        user.save()
    return world


def sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_account_even_for_the_right_one(client, world):
    for _ in range(4):
        assert sign_in(client, "sri", "salah").status_code == 200
    assert sign_in(client, "sri", "salah").status_code == 429  # the fifth locks

    refused = sign_in(client, "sri", PASSWORD)

    assert refused.status_code == 429
    assert "Terlalu banyak kata sandi salah" in refused.text
    assert not signed_in(client)
    # From another address too: the account itself is locked.
    assert sign_in(client, "sri", PASSWORD, address="198.51.100.7").status_code == 429


def test_fewer_wrong_passwords_still_let_the_right_one_in(client, world):
    for _ in range(4):
        sign_in(client, "sri", "salah")

    assert sign_in(client, "sri", PASSWORD).status_code == 302
    assert signed_in(client)


def test_many_wrong_passwords_from_one_address_lock_it_for_every_account(client, world):
    for n in range(10):
        sign_in(client, f"tebakan-{n}", "salah")

    assert sign_in(client, "wati", PASSWORD).status_code == 429
    assert sign_in(client, "wati", PASSWORD, address="198.51.100.7").status_code == 302


def lock(client, username):
    for _ in range(5):
        sign_in(client, username, "salah")


@pytest.mark.parametrize("role", ["group_admin", "editor", "administrator"])
def test_group_admins_and_editors_unlock_a_member(client, world, role):
    lock(client, "sri")
    client.force_login(getattr(world, role))

    listed = client.get("/admin/kunci-masuk/")
    unlocked = client.post("/admin/kunci-masuk/akun/", {"username": "sri"})
    client.logout()

    assert listed.status_code == 200 and "sri" in listed.text
    assert unlocked.status_code == 302
    assert sign_in(client, "sri", PASSWORD).status_code == 302
    entry = ModelLogEntry.objects.get(action="signin.unlocked")
    assert entry.object_id == str(world.member.pk)
    assert entry.user_id == getattr(world, role).pk


@pytest.mark.parametrize("role", ["member", "group_admin", "trainer"])
def test_others_cannot_unlock_someone_outside_their_group(client, world, role):
    lock(client, "wati")  # group B's member
    client.force_login(getattr(world, role))

    listed = client.get("/admin/kunci-masuk/")
    unlocked = client.post("/admin/kunci-masuk/akun/", {"username": "wati"})
    client.logout()

    assert "wati" not in listed.text
    assert unlocked.status_code != 200
    assert sign_in(client, "wati", PASSWORD).status_code == 429
    assert not ModelLogEntry.objects.filter(action="signin.unlocked").exists()


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("group_admin", False)])
def test_only_district_staff_unlock_an_address(client, world, role, allowed):
    for n in range(10):
        sign_in(client, f"tebakan-{n}", "salah")
    client.force_login(getattr(world, role))

    client.post("/admin/kunci-masuk/alamat/", {"ip_address": "192.0.2.10"})
    client.logout()

    assert (sign_in(client, "wati", PASSWORD).status_code == 302) is allowed


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "6.6.6.6", "10.0.0.1"),  # no proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_address_counted_is_the_one_our_proxies_saw(rf, settings, proxies, forwarded, expected):
    from signin.addresses import client_address

    settings.SIGNIN_PROXY_COUNT = proxies
    request = rf.post("/admin/login/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")

    assert client_address(request) == expected


def test_an_overlong_user_name_is_cut_to_what_the_lockout_table_stores():
    from django.test import RequestFactory

    from signin.handlers import USERNAME_STORED_LENGTH, attempted_username

    request = RequestFactory().post("/admin/login/", {"username": "a\x00" * 6000})
    name = attempted_username(request)
    assert name == "a" * USERNAME_STORED_LENGTH
    assert attempted_username(request, {"username": "sri"}) == "sri"
