import json

import pytest

from kim.models import PostSource
from moderation.checks import post_input_from_page, run_checks
from tests.factories import CategoryFactory, PhotoFactory, PostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    photo = PhotoFactory(title="Kerja bakti")
    page = PostPageFactory(
        title="Kerja bakti Dusun Krajan",
        summary="Warga membersihkan saluran.",
        hero_image=photo,
        hero_alt="Warga bekerja",
        category=CategoryFactory(slug="data", needs_source=True),
        event_place="Rumah Bapak Slamet, Jl. Mawar No. 3",
    )
    page.body = json.dumps(
        [
            {
                "type": "paragraph",
                "value": '<p>Info di <a href="https://bit.ly/x">sini</a>. '
                '<a href="https://gacor88.xyz" style="display:none">'
                "slot</a></p>",
            },
            {"type": "image", "value": {"image": photo.pk, "alt_text": "", "caption": "Warga"}},
            {"type": "quote", "value": {"text": "Ayo jaga saluran.", "attribution": "Pak Kades"}},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
            {
                "type": "gallery",
                "value": {
                    "title": "Galeri",
                    "images": [
                        {
                            "type": "item",
                            "id": "a1",
                            "value": {
                                "image": photo.pk,
                                "alt_text": "Warga bekerja",
                                "caption": "",
                            },
                        },
                        {
                            "type": "item",
                            "id": "a2",
                            "value": {
                                "image": photo.pk,
                                "alt_text": "IMG_1.jpg",
                                "caption": "Selesai",
                            },
                        },
                    ],
                },
            },
        ]
    )
    page.save()
    # An edit in the form, not yet saved: the model's validation would refuse to save it.
    page.hero_alt = ""
    return page


def test_the_adapter_reads_every_part_of_a_post(post):
    data = post_input_from_page(post)
    assert data.title == "Kerja bakti Dusun Krajan"
    assert [(p.field, p.block_index, p.text) for p in data.body] == [
        ("body", 0, "Info di sini."),
        ("body.caption", 1, "Warga"),
        ("body", 2, "Ayo jaga saluran.\n— Pak Kades"),
        ("body", 4, "Galeri"),
        ("body.caption", 4, "Selesai"),
    ]
    assert data.body[0].hidden_text == "slot"
    assert data.body[0].hidden_reasons == ("display:none",)
    extra = {(p.field, p.block_index): p.text for p in data.extra_parts}
    assert extra[("body.alt_text", 4)] == "Warga bekerja\nIMG_1.jpg"
    assert extra[("hero_image", None)] == "Kerja bakti"
    assert ("body.hidden", 0) in {(p.field, p.block_index) for p in data.text_parts}
    assert [(link.url, link.hidden_reason) for link in data.links] == [
        ("https://bit.ly/x", ""),
        ("https://gacor88.xyz", "display:none"),
        ("https://www.youtube.com/watch?v=abc", ""),
    ]
    assert data.links[-1].field == "body.embed"
    assert [(i.field, i.block_index, i.alt) for i in data.images] == [
        ("hero_alt", None, ""),
        ("body", 1, ""),
        ("body", 4, "Warga bekerja"),
        ("body", 4, "IMG_1.jpg"),
    ]
    assert data.needs_source and data.category_slug == "data"
    assert data.page_id == post.pk


def test_checks_on_a_page_point_at_its_blocks(post):
    flags = run_checks(post_input_from_page(post))
    found = {(f.code, f.field, f.block_index) for f in flags}
    assert ("gambling", "body", 0) in found
    assert ("suspicious_link", "body", 0) in found
    assert ("missing_alt_text", "hero_alt", None) in found
    assert ("missing_alt_text", "body", 1) in found
    assert ("personal_data", "event_place", None) in found
    assert ("missing_source", "", None) in found


def test_a_revision_is_checked_as_drafted(post):
    post.hero_alt = "Warga bekerja"
    post.title = "Judul baru dengan nomor 0812-3456-7890"
    PostSource(page=post, title="Pemerintah Desa Sengon").save()
    revision = post.save_revision()
    post.refresh_from_db()
    data = post_input_from_page(revision)
    assert data.title.startswith("Judul baru")
    assert "personal_data" in {f.code for f in run_checks(data) if f.field == "title"}
    assert [s.title for s in data.sources] == ["Pemerintah Desa Sengon"]
