"""Every role x every action x own group / other group, through the admin's own URLs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kim.models import GroupPage
from photos.models import Photo

pytestmark = pytest.mark.django_db

ALLOW, DENY = True, False


def post_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text("<p>Kerja bakti warga desa.</p>"))]),
        "hero_image": "",
        "hero_alt": "",
        "category": "",
        "tags": "",
        "event_date": "",
        "event_place": "",
        "sources": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def group_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "region": page.region_id,
        "description": rich_text("<p>Kelompok informasi desa.</p>"),
        "logo": "",
        "address": "",
        "phone": "",
        "email": "",
        "social_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def latest_title(page):
    return page.get_latest_revision_as_object().title


# Each action does what a person would do in the admin and reports whether it took effect.
def see_draft(client, w, scope):
    post = w.target_draft(scope)
    response = client.get(f"/admin/pages/{post.pk}/view_draft/")
    return response.status_code == 200 and post.title in response.text


def edit(client, w, scope):
    post = w.target_draft(scope)
    client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, title="Judul baru"))
    return latest_title(Page.objects.get(pk=post.pk).specific) == "Judul baru"


def submit(client, w, scope):
    post = w.target_draft(scope)
    client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, **{"action-submit": "1"}))
    return Page.objects.get(pk=post.pk).workflow_in_progress


def publish(client, w, scope):
    post = w.target_draft(scope)
    client.post(f"/admin/pages/{post.pk}/edit/", post_form(post, **{"action-publish": "1"}))
    return Page.objects.get(pk=post.pk).live


def unpublish(client, w, scope):
    post = w.target_live(scope)
    client.post(f"/admin/pages/{post.pk}/unpublish/")
    return not Page.objects.get(pk=post.pk).live


def delete(client, w, scope):
    post = w.target_draft(scope)
    client.post(f"/admin/pages/{post.pk}/delete/")
    return not Page.objects.filter(pk=post.pk).exists()


def move(client, w, scope):
    post = w.target_draft(scope)
    destination = w.group_b.page if scope == "own" else w.group_a.page
    client.post(f"/admin/pages/{post.pk}/move/{destination.pk}/confirm/")
    return Page.objects.get(pk=post.pk).get_parent().pk == destination.pk


def upload(client, w, scope):
    collection = w.target_group(scope).collection
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG")
    client.post(
        "/admin/images/add/",
        {
            "title": "Foto kegiatan",
            "description": "Warga bekerja bakti",
            "collection": collection.pk,
            "file": SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg"),
        },
    )
    return Photo.objects.filter(collection=collection, title="Foto kegiatan").exists()


def manage_members(client, w, scope):
    group = w.target_group(scope)
    return client.get(f"/admin/kim/kelompok/{group.pk}/anggota/").status_code == 200


def edit_profile(client, w, scope):
    page = GroupPage.objects.get(pk=w.target_group(scope).page_id)
    client.post(f"/admin/pages/{page.pk}/edit/", group_form(page, address="Jl. Baru 1"))
    page = GroupPage.objects.get(pk=page.pk)
    return page.get_latest_revision_as_object().address == "Jl. Baru 1"


ACTIONS = [
    see_draft,
    edit,
    submit,
    publish,
    unpublish,
    delete,
    move,
    upload,
    manage_members,
    edit_profile,
]

# (own group, other group) per role and action.
EXPECTED = {
    "member": {
        see_draft: (ALLOW, DENY),
        edit: (ALLOW, DENY),
        submit: (ALLOW, DENY),
        publish: (DENY, DENY),
        unpublish: (DENY, DENY),
        delete: (ALLOW, DENY),
        move: (DENY, DENY),
        upload: (ALLOW, DENY),
        manage_members: (DENY, DENY),
        edit_profile: (DENY, DENY),
    },
    "group_admin": {
        see_draft: (ALLOW, DENY),
        edit: (ALLOW, DENY),
        submit: (ALLOW, DENY),
        publish: (DENY, DENY),
        unpublish: (DENY, DENY),
        delete: (ALLOW, DENY),
        move: (DENY, DENY),
        upload: (ALLOW, DENY),
        manage_members: (ALLOW, DENY),
        edit_profile: (ALLOW, DENY),
    },
    # Posts go live only through review, for every role (tests/moderation/test_publishing.py).
    "editor": {**dict.fromkeys(ACTIONS, (ALLOW, ALLOW)), publish: (DENY, DENY)},
    "administrator": {**dict.fromkeys(ACTIONS, (ALLOW, ALLOW)), publish: (DENY, DENY)},
    "trainer": dict.fromkeys(ACTIONS, (DENY, DENY)),
}


class Targets:
    """What each scope points at: 'own' is group A (the member's), 'other' is group B."""

    def __init__(self, world, role):
        self.world, self.role = world, role
        self.group_a, self.group_b = world.group_a, world.group_b

    def target_group(self, scope):
        return self.group_a if scope == "own" else self.group_b

    def target_draft(self, scope):
        if scope == "own":
            # A member acts on their own draft; everyone else on the member's.
            return self.world.post(self.group_a, owner=self.world.member)
        return self.world.post(self.group_b, owner=self.world.member_b)

    def target_live(self, scope):
        owner = self.world.member if scope == "own" else self.world.member_b
        return self.world.post(self.target_group(scope), owner=owner, live=True)


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.__name__)
@pytest.mark.parametrize("role", EXPECTED)
def test_permission_matrix(client, world, role, action):
    user = getattr(world, role)
    client.force_login(user)
    targets = Targets(world, role)
    own, other = EXPECTED[role][action]
    assert action(client, targets, "own") is own, f"{role} {action.__name__} own group"
    assert action(client, targets, "other") is other, f"{role} {action.__name__} other group"


def test_group_admin_cannot_reach_user_admin_or_raise_rights(client, world):
    client.force_login(world.group_admin)
    assert client.get("/admin/users/").status_code != 200
    assert client.get("/admin/users/add/").status_code != 200
    response = client.get(f"/admin/kim/kelompok/{world.group_a.pk}/anggota/tambah/")
    assert response.status_code == 200
    assert 'name="as_admin"' not in response.text


def test_admin_screens_name_themselves_in_the_browser_tab(client, world):
    client.force_login(world.group_admin)

    response = client.get("/admin/kim/anggota/", follow=True)

    assert f"<title>{world.group_a.name} - " in response.text
