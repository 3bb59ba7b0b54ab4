"""A second factor for all who can publish, approve or manage accounts; optional for members."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory, second_factor_code, verified_device
from tests.kim.conftest import World

pytestmark = [pytest.mark.django_db, pytest.mark.real_second_factor]

PASSWORD = "Gotong-royong-2026"
REQUIRED = ["group_admin", "editor", "administrator", "trainer", "superuser"]


@pytest.fixture
def world(db):
    world = World()
    world.superuser = UserFactory(username="root", superuser=True)
    for role in ["member", *REQUIRED]:
        user = getattr(world, role)
        user.set_password(PASSWORD)
        user.save()
    return world


def sign_in(client, user):
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, response.text[:300]
    return response


def current_code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


@pytest.mark.parametrize("role", REQUIRED)
def test_roles_that_publish_approve_or_manage_must_enrol_first(client, world, role):
    sign_in(client, getattr(world, role))

    for path in ("/admin/", "/admin/pages/", "/admin/kunci-masuk/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/admin/dua-langkah/daftar/")


def test_members_need_no_second_factor(client, world):
    sign_in(client, world.member)

    assert client.get("/admin/").status_code == 200


def test_enrolment_with_the_apps_first_code_opens_the_admin_and_shows_recovery_codes(client, world):
    sign_in(client, world.editor)
    page = client.get("/admin/dua-langkah/daftar/?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=world.editor, confirmed=False)

    right = client.post(
        "/admin/dua-langkah/daftar/", {"code": current_code(device), "next": "/admin/pages/"}
    )

    assert page.status_code == 200 and "<svg" in page.text
    assert "Atur verifikasi dua langkah" in page.text
    assert right.status_code == 200
    codes = StaticToken.objects.filter(device__user=world.editor)
    assert codes.count() == 10
    assert all(code.token in right.text for code in codes)
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="signin.second_factor_enrolled").exists()


@pytest.mark.parametrize("role", REQUIRED)
def test_enrolled_people_give_a_code_at_every_sign_in(client, world, role):
    user = getattr(world, role)
    code = second_factor_code(user)
    sign_in(client, user)

    held = client.get("/admin/")
    right = client.post("/admin/dua-langkah/", {"code": code, "next": "/admin/"})

    assert held.status_code == 302 and held.url.startswith("/admin/dua-langkah/?")
    assert right.status_code == 302 and right.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_in_indonesian(client, world):
    second_factor_code(world.editor)
    sign_in(client, world.editor)

    wrong = client.post("/admin/dua-langkah/", {"code": "12345678", "next": "/admin/"})

    assert wrong.status_code == 200 and "Kode itu salah" in wrong.text
    assert client.get("/admin/").status_code == 302


def test_a_wrong_first_code_does_not_enrol(client, world):
    sign_in(client, world.editor)
    client.get("/admin/dua-langkah/daftar/")

    wrong = client.post("/admin/dua-langkah/daftar/", {"code": "000000"})

    assert "Kode itu salah" in wrong.text
    assert not TOTPDevice.objects.filter(user=world.editor, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, world):
    code = second_factor_code(world.editor)
    sign_in(client, world.editor)
    client.post("/admin/dua-langkah/", {"code": code})
    client.logout()

    sign_in(client, world.editor)
    again = client.post("/admin/dua-langkah/", {"code": code, "next": "/admin/"})

    assert again.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_member_who_enrolled_is_held_to_it(client, world):
    code = second_factor_code(world.member)
    sign_in(client, world.member)

    assert client.get("/admin/").status_code == 302
    client.post("/admin/dua-langkah/", {"code": code})
    assert client.get("/admin/").status_code == 200


def test_a_member_may_enrol_from_the_menu(client, world):
    sign_in(client, world.member)

    page = client.get("/admin/akun/dua-langkah/")

    assert page.status_code == 200
    assert "/admin/dua-langkah/daftar/" in page.text


def test_enrolled_people_renew_their_recovery_codes(client, world):
    code = second_factor_code(world.editor)
    sign_in(client, world.editor)
    client.post("/admin/dua-langkah/", {"code": code})

    response = client.post("/admin/akun/dua-langkah/")

    codes = list(StaticToken.objects.filter(device__user=world.editor))
    assert len(codes) == 10 and all(c.token in response.text for c in codes)
    assert code not in [c.token for c in codes]


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("group_admin", False)])
def test_only_district_staff_reset_a_colleagues_lost_phone(client, world, role, allowed):
    verified_device(world.trainer)
    actor = getattr(world, role)
    code = second_factor_code(actor)
    sign_in(client, actor)
    client.post("/admin/dua-langkah/", {"code": code})

    client.post(f"/admin/akun/dua-langkah/atur-ulang/{world.trainer.pk}/")

    assert verified_device_count(world.trainer) == (0 if allowed else 1)
    assert ModelLogEntry.objects.filter(action="signin.second_factor_reset").exists() is allowed


def verified_device_count(user):
    from django_otp import devices_for_user

    return len(list(devices_for_user(user)))


def test_the_code_pages_are_not_an_open_door_to_the_rest(client, world):
    sign_in(client, world.editor)

    assert client.get("/admin/akun/dua-langkah/").status_code == 302
    assert client.get("/admin/kunci-masuk/").status_code == 302
