"""A member writes and submits; an editor checks and approves both reviews; it goes public."""

import re

import pytest
from playwright.sync_api import expect

from kim.models import PostPage
from kim.services import member_create
from moderation.workflow import AccuracyReviewState
from tests.browser.admin_steps import login, open_more_actions, write_post
from tests.kim.conftest import make_group, role_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = (
    "Pemerintah Desa Jaten mengadakan kerja bakti membersihkan saluran air di RW 03 pada "
    "Minggu pagi. Warga diminta membawa cangkul, sapu lidi dan karung sendiri. Kegiatan dimulai "
    "pukul tujuh dan selesai sebelum tengah hari, dilanjutkan makan bersama di balai desa."
)


def approve(page, checklist):
    open_more_actions(page)
    page.locator("button[data-workflow-action-name=approve]").click()
    modal = page.locator(".modal-content")
    for name in checklist:
        modal.locator(f"input[name={name}]").check()
    modal.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()


def test_member_submits_editor_approves_and_post_goes_public(live_server, page):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    member, _ = member_create(group=group, full_name="Sri Lestari", username="sri")
    editor = role_user("editor", "Diskominfo editor")
    for user in (member, editor):
        user.set_password("Gotong-royong-2026")
        user.save()
    member.member_profile.must_change_password = False
    member.member_profile.save()
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, base, "sri", "Gotong-royong-2026")
    write_post(
        page,
        base,
        group,
        title="Kerja bakti saluran air RW 03",
        summary="Warga membersihkan saluran air sebelum musim hujan.",
        body=BODY,
    )
    page.locator("button[name=action-precheck]").click()
    expect(page).to_have_url(re.compile(r"/admin/moderasi/periksa/\d+/$"))
    expect(page.locator("[data-flags], [data-flags-none]")).to_be_visible()

    post = PostPage.objects.get(title="Kerja bakti saluran air RW 03")
    assert "Desa Jaten" in str(post.get_latest_revision().content["body"])
    page.goto(f"{base}/admin/pages/{post.pk}/edit/")
    open_more_actions(page)
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert PostPage.objects.get(pk=post.pk).workflow_in_progress

    login(page, base, "editor", "Gotong-royong-2026")
    expect(page.locator(f'[data-queue-item="{post.pk}"]')).to_be_visible()
    page.goto(f"{base}/admin/pages/{post.pk}/edit/")
    approve(page, AccuracyReviewState.CHECKLIST)
    page.goto(f"{base}/admin/pages/{post.pk}/edit/")
    approve(page, ["relevant", "timely", "clear", "actionable"])

    post = PostPage.objects.get(pk=post.pk)
    assert post.live
    page.goto(f"{base}{post.url}")
    expect(page.locator("h1")).to_have_text("Kerja bakti saluran air RW 03")

    login(page, base, "sri", "Gotong-royong-2026")
    page.goto(f"{base}/admin/pages/{post.pk}/history/")
    expect(page.locator("main")).to_contain_text("Verifikasi akurasi")
    expect(page.locator("main")).to_contain_text("Uji manfaat")
