"""Group admins manage their members: actions that lock a member out ask first."""

import pytest

pytestmark = pytest.mark.django_db


def url(world, user, action):
    return f"/admin/kim/kelompok/{world.group_a.pk}/anggota/{user.pk}/{action}/"


def test_new_temporary_password_asks_before_replacing_the_current_one(client, world):
    client.force_login(world.group_admin)
    password_before = world.member.password
    page = client.get(url(world, world.member, "sandi"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "data-member-confirm" in html and "Sri Lestari" in html
    world.member.refresh_from_db()
    assert world.member.password == password_before
    assert not world.member.member_profile.must_change_password

    shown = client.post(url(world, world.member, "sandi"))
    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    world.member.refresh_from_db()
    assert world.member.password != password_before
    assert world.member.member_profile.must_change_password


def test_deactivating_asks_first_and_only_the_confirmed_post_locks_the_member_out(client, world):
    client.force_login(world.group_admin)
    page = client.get(url(world, world.member, "aktif"))
    assert page.status_code == 200 and "data-member-confirm" in page.content.decode()
    world.member.refresh_from_db()
    assert world.member.is_active

    client.post(url(world, world.member, "aktif"), {"active": "0"})
    world.member.refresh_from_db()
    assert not world.member.is_active


def test_the_member_list_links_to_the_confirmations_instead_of_acting(client, world):
    client.force_login(world.group_admin)
    html = client.get(f"/admin/kim/kelompok/{world.group_a.pk}/anggota/").content.decode()
    assert f'href="{url(world, world.member, "sandi")}"' in html
    assert f'href="{url(world, world.member, "aktif")}"' in html


def test_another_groups_admin_cannot_open_the_confirmation(client, world):
    client.force_login(world.group_admin)
    other = f"/admin/kim/kelompok/{world.group_b.pk}/anggota/{world.member_b.pk}/aktif/"
    assert client.get(other).status_code in (302, 403, 404)
    world.member_b.refresh_from_db()
    assert world.member_b.is_active
