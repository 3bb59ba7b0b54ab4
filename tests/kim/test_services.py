import pytest
from django.contrib.auth.hashers import get_hasher, identify_hasher
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from kim import services
from kim.models import ContributorGroup, GroupPage, GroupStatus, PostPage
from tests.factories import RegionFactory
from tests.kim.conftest import make_group

pytestmark = pytest.mark.django_db


def page_permission_codenames(auth_group, page):
    return set(
        GroupPagePermission.objects.filter(group=auth_group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_activation_creates_page_user_groups_collection_and_rights():
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")

    page = group.page.specific
    assert isinstance(page, GroupPage)
    assert page.live and page.title == "KIM Sekar Jagad"
    assert page.get_parent().slug == "kelompok"
    assert page.region == group.region
    assert group.member_group.name == "KIM Sekar Jagad · anggota"
    assert group.admin_group.name == "KIM Sekar Jagad · admin"
    assert group.collection.name == "KIM Sekar Jagad"
    assert page_permission_codenames(group.member_group, page) == {"add_page"}
    assert page_permission_codenames(group.admin_group, page) == {"add_page", "change_page"}
    collection_perms = set(
        GroupCollectionPermission.objects.filter(
            group=group.member_group, collection=group.collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} == collection_perms


def test_no_one_in_a_group_may_publish():
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    for auth_group in (group.member_group, group.admin_group):
        assert "publish_page" not in page_permission_codenames(auth_group, group.page)


def test_forming_group_gets_no_page_yet():
    region = RegionFactory(code="33.13.11.2003")
    group = ContributorGroup.objects.create(name="KIM Baru", region=region)
    services.group_sync(group=group)
    group.refresh_from_db()
    assert group.page is None and group.member_group is None


def test_failure_midway_leaves_nothing_half_made(monkeypatch):
    region = RegionFactory(code="33.13.11.2004")
    group = ContributorGroup.objects.create(
        name="KIM Gagal", region=region, status=GroupStatus.ACTIVE
    )
    pages_before = Page.objects.count()
    collections_before = Collection.objects.count()

    def broken(group, *, granted):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_sync_permissions", broken)
    with pytest.raises(RuntimeError):
        services.group_sync(group=group)

    group.refresh_from_db()
    assert group.page is None and group.collection is None and group.member_group is None
    assert Page.objects.count() == pages_before
    assert Collection.objects.count() == collections_before
    assert not Group.objects.filter(name__startswith="KIM Gagal").exists()


def test_deactivation_unpublishes_and_revokes_but_deletes_nothing_and_is_reversible(client):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    member, _ = services.member_create(group=group, full_name="Sri Lestari", username="sri")
    post = PostPage(
        title="Panen raya",
        slug="panen-raya",
        summary="Panen raya padi.",
        body=[("paragraph", "<p>Panen raya padi di desa.</p>")],
    )
    group.page.add_child(instance=post)
    post.save_revision().publish()
    assert client.get(post.url).status_code == 200

    group.status = GroupStatus.INACTIVE
    group.save()
    services.group_sync(group=group)

    group.page.refresh_from_db()
    assert not group.page.live
    assert client.get("/kelompok/kim-sekar-jagad/panen-raya/").status_code == 404
    assert not PostPage.objects.published().filter(pk=post.pk).exists()
    assert not GroupPagePermission.objects.filter(group=group.member_group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group.member_group).exists()
    assert PostPage.objects.filter(pk=post.pk).exists()
    assert member.groups.filter(pk=group.member_group.pk).exists()

    group.status = GroupStatus.ACTIVE
    group.save()
    services.group_sync(group=group)

    group.page.refresh_from_db()
    assert group.page.live
    assert client.get("/kelompok/kim-sekar-jagad/panen-raya/").status_code == 200
    assert page_permission_codenames(group.member_group, group.page) == {"add_page"}


def test_renaming_keeps_page_user_groups_and_collection_in_step():
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    slug = group.page.slug
    group.name = "KIM Sekar Jagad Jaten"
    group.save()
    services.group_sync(group=group)
    group.refresh_from_db()

    assert group.page.title == "KIM Sekar Jagad Jaten"
    assert group.page.live and not group.page.has_unpublished_changes
    assert group.page.slug == slug  # published links keep working
    assert group.member_group.name == "KIM Sekar Jagad Jaten · anggota"
    assert group.admin_group.name == "KIM Sekar Jagad Jaten · admin"
    assert group.collection.name == "KIM Sekar Jagad Jaten"


def test_member_create_gives_temporary_password_and_forces_change():
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    user, password = services.member_create(
        group=group, full_name="Sri Lestari Wulandari", username="sri", phone="0812 3456 7890"
    )
    assert user.check_password(password)
    assert user.first_name == "Sri" and user.last_name == "Lestari Wulandari"
    assert user.member_profile.must_change_password
    assert user.member_profile.phone == "0812 3456 7890"
    assert set(user.groups.values_list("name", flat=True)) == {
        "KIM member",
        "KIM Sekar Jagad · anggota",
    }
    assert not user.is_staff and not user.is_superuser


def test_member_move_keeps_account_and_switches_rights():
    group_a = make_group("KIM A", code="33.13.11.2001")
    group_b = make_group("KIM B", code="33.13.11.2002")
    user, password = services.member_create(
        group=group_a, full_name="Sri", username="sri", as_admin=True
    )
    services.member_move(user=user, to_group=group_b)
    user.refresh_from_db()
    assert user.check_password(password)
    assert set(user.groups.values_list("name", flat=True)) == {"KIM member", "KIM B · anggota"}


def test_temporary_password_is_not_rehashed_at_sign_in_but_the_chosen_one_is_strong(client):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    user, password = services.member_create(group=group, full_name="Sri", username="sri")
    temporary_hash = user.password
    assert temporary_hash.startswith("pbkdf2_sha256_temporary$20000$")

    refused = client.post("/admin/login/", {"username": "sri", "password": "salah-sandi-1"})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session

    response = client.post("/admin/login/", {"username": "sri", "password": password})
    user.refresh_from_db()
    assert response.status_code == 302
    assert user.password == temporary_hash  # no second, full-strength hash at sign-in

    new_password = "kabar-desa-sengon-2026"
    client.post(
        reverse("kim_first_password"),
        {"new_password1": new_password, "new_password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert identify_hasher(user.password).algorithm == get_hasher("default").algorithm
    assert not user.member_profile.must_change_password


def test_member_with_a_temporary_password_is_sent_to_choose_one_but_gets_the_icons(client):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    user, _ = services.member_create(group=group, full_name="Sri Lestari", username="sri")
    client.force_login(user)

    assert client.get("/admin/").url == reverse("kim_first_password")
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert "<svg" in sprite.content.decode()
