import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from demo.services import HERO_RENDITIONS, LOGO_RENDITIONS, _renditions
from home.models import HomePage
from kim.models import Category, ContributorGroup, GroupPage, PostPage, Region
from kim.roles import Role
from photos.models import Photo

SMALL_DEMO = ("--posts", "8", "--groups", "2", "--photos", "1")


@pytest.fixture(autouse=True)
def _tasks_queued_not_run(settings):
    """Keep queued work (renditions, reference index) out of these tests; they test the data."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.DEBUG = True


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *SMALL_DEMO, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return load_demo()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Region,
            Category,
            ContributorGroup,
            GroupPage,
            PostPage,
            Photo,
            Revision,
            PageLogEntry,
            get_user_model(),
        )
    }


def test_loading_twice_leaves_the_same_counts(demo):
    before = counts()
    assert before["PostPage"] == 8 + 3  # posts, two drafts and the page for members only
    assert before["Category"] == 9
    assert before["Region"] == 729

    second = load_demo()

    assert counts() == before
    assert "Posts created: 0" in second


def test_posts_are_published_with_illustrations_described_for_blind_readers(demo):
    posts = PostPage.objects.published().select_related("hero_image")
    assert posts.count() == 8
    for post in posts:
        assert post.hero_image is not None
        assert post.hero_alt.strip()
        assert post.hero_alt == post.hero_image.description
        assert post.first_published_at == post.last_published_at
        assert post.live_revision_id == post.latest_revision_id
        assert not post.has_unpublished_changes
        assert post.sources.exists()
        for block in post.body:
            if block.block_type == "image":
                assert block.value["alt_text"].strip()


def test_pages_render_with_prepared_renditions_and_hide_drafts(demo, client):
    """One test, because drawing renditions on first view (AVIF) is what makes pages slow."""
    post = PostPage.objects.published().select_related("hero_image", "group__logo").first()
    group = post.group
    drafts = list(PostPage.objects.filter(live=False))
    members_only = PostPage.objects.live().exclude(pk__in=PostPage.objects.public()).get()
    featured = [item.post for item in HomePage.objects.get().featured_posts.all()]
    _renditions(post.hero_image, HERO_RENDITIONS)
    _renditions(group.logo, LOGO_RENDITIONS)
    prepared = {photo.pk: photo.renditions.count() for photo in (post.hero_image, group.logo)}

    home = client.get("/")
    group_page = client.get(group.url)
    post_page = client.get(post.url)
    directory = client.get(Page.objects.get(slug="kelompok").url)

    for response in (home, group_page, post_page, directory):
        assert response.status_code == 200
    assert featured and all(p.title in home.text for p in featured)
    assert post.summary in post_page.text and post.hero_alt in post_page.text
    assert len(drafts) == 2
    for response in (home, group_page):
        assert all(d.title not in response.text for d in drafts)
        assert members_only.title not in response.text
    assert client.get(members_only.url).status_code == 302  # to the login page
    for photo in (post.hero_image, group.logo):
        assert photo.renditions.count() == prepared[photo.pk], "a template asks for a new size"


def test_a_demo_post_is_found_by_the_site_search(demo, client):
    post = PostPage.objects.published().order_by("pk").first()
    words = " ".join(re.findall(r"\w{5,}", post.title)[:2])

    response = client.get("/cari/", {"q": words})

    assert response.status_code == 200
    assert post.title in response.text


def test_drafts_are_not_found_by_the_site_search(demo, client):
    draft = PostPage.objects.filter(live=False).first()
    response = client.get("/cari/", {"q": draft.title})
    assert response.status_code == 200
    assert draft not in response.context["results"].object_list


def test_one_account_per_role_with_development_passwords_and_a_warning(demo):
    User = get_user_model()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("admin-demo")
    for username, role in [
        ("editor", Role.EDITOR),
        ("anggota", Role.MEMBER),
        ("admin-kim", Role.GROUP_ADMIN),
        ("pelatih", Role.TRAINER),
    ]:
        user = User.objects.get(username=username)
        assert user.check_password(f"{username}-demo")
        assert user.groups.filter(name=role).exists()
    group = ContributorGroup.objects.get(name="KIM Sekar Jagad Jaten")
    assert group.member_group.user_set.filter(username="anggota").exists()
    assert group.admin_group.user_set.filter(username="admin-kim").exists()
    assert not group.admin_group.user_set.filter(username="anggota").exists()
    assert "FOR DEVELOPMENT ONLY" in demo
    assert "anggota-demo" in demo


@pytest.mark.real_second_factor
def test_the_demo_editor_signs_in_with_the_printed_password_and_code(demo, client):
    codes = re.search(r"editor-demo.*\n\s+two-step sign-in, one-time codes: (\S+)", demo)
    assert "two-step" not in demo.split("anggota-demo")[1].split("\n")[1]  # members: none

    client.post("/admin/login/", {"username": "editor", "password": "editor-demo"})
    held = client.get("/admin/")
    client.post("/admin/dua-langkah/", {"code": codes.group(1)})

    assert held.status_code == 302 and held.url.startswith("/admin/dua-langkah/")
    assert client.get("/admin/").status_code == 200


def test_existing_accounts_keep_their_passwords(demo):
    user = get_user_model().objects.get(username="editor")
    user.set_password("changed-by-me")
    user.save()

    output = load_demo()

    user.refresh_from_db()
    assert user.check_password("changed-by-me")
    assert "editor-demo" not in output


def test_missing_role_is_reported_and_the_account_still_made(db):
    Group.objects.filter(name=Role.TRAINER).delete()

    output = load_demo()

    assert get_user_model().objects.filter(username="pelatih").exists()
    assert "Role 'Trainer' not found" in output


def test_refuses_to_run_without_debug_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        load_demo()
    assert not PostPage.objects.exists()

    output = load_demo("--force")

    admin = get_user_model().objects.get(username="admin")
    assert not admin.check_password("admin-demo")  # random passwords outside development
    assert "admin-demo" not in output
    assert "one-time codes" not in output  # nor second-factor codes


def test_default_site_follows_the_base_url(demo, settings):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)
    assert site.site_name == settings.WAGTAIL_SITE_NAME
