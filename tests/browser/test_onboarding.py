"""A group admin adds a member; the member chooses a password and saves a draft post."""

import re

import pytest
from playwright.sync_api import expect

from kim.models import PostPage
from kim.services import member_create
from tests.browser.admin_steps import fill_body, login
from tests.factories import PostPageFactory
from tests.kim.conftest import make_group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_group_admin_onboards_a_member_who_writes_a_draft(live_server, page):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    other = make_group("KIM Ngudi Kawruh", code="33.13.11.2002")
    admin, _ = member_create(group=group, full_name="Budi Santoso", username="budi", as_admin=True)
    admin.set_password("sandi-budi-2026")
    admin.save()
    admin.member_profile.must_change_password = False
    admin.member_profile.save()
    foreign_post = PostPageFactory(parent=other.page, title="Kabar Ngudi Kawruh")
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})  # office computers run the admin

    login(page, base, "budi", "sandi-budi-2026")
    page.goto(f"{base}/admin/kim/anggota/")
    page.click(f"a[href='/admin/kim/kelompok/{group.pk}/anggota/tambah/']")
    page.fill("input[name=full_name]", "Sri Lestari")
    page.fill("input[name=username]", "sri")
    page.fill("input[name=phone]", "0812 3456 7890")
    page.click("form[data-member-form] button[type=submit]")
    password = page.locator("[data-temporary-password]").inner_text().strip()
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", password)

    login(page, base, "sri", password, expect_dashboard=False)
    expect(page).to_have_url(re.compile(r"/admin/kim/ganti-sandi/$"))
    page.goto(f"{base}/admin/pages/")  # the admin stays closed until a password is chosen
    expect(page).to_have_url(re.compile(r"/admin/kim/ganti-sandi/$"))
    page.fill("input[name=new_password1]", "Gotong-royong-2026")
    page.fill("input[name=new_password2]", "Gotong-royong-2026")
    page.press("input[name=new_password2]", "Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{base}/admin/pages/add/kim/postpage/{group.page_id}/")
    page.fill("input[name=title]", "Kerja bakti saluran air RW 03")
    page.fill(
        "textarea[name=summary], input[name=summary]",
        "Warga membersihkan saluran air sebelum musim hujan.",
    )
    fill_body(page, "Warga RW 03 bergotong royong membersihkan saluran air.")
    page.locator("button.action-save").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))

    draft = PostPage.objects.get(title="Kerja bakti saluran air RW 03")
    assert not draft.live and draft.get_parent().pk == group.page_id
    assert draft.owner.username == "sri"
    assert "bergotong royong" in str(draft.get_latest_revision().content["body"])

    page.goto(f"{base}/admin/pages/{foreign_post.pk}/edit/")
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{foreign_post.pk}/edit/$"))
