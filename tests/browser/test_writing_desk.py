"""A member's writing desk on a 360 px phone: write, follow each post, fix a returned one."""

import os
import re

import pytest
from django_tasks import task_backends
from playwright.sync_api import expect
from wagtail.models import TaskState

from crossposting.models import Delivery, Network, SocialAccount
from kim.roles import Role
from kim.services import member_create
from moderation.services import precheck_decide, review_decide
from moderation.workflow import ReviewReason
from tests.browser.admin_steps import login, open_more_actions
from tests.browser.conftest import PHONE
from tests.browser.test_admin_indonesian import english_leftovers, interface_text
from tests.factories import PostPageFactory, rich_text_body
from tests.kim.conftest import make_group, role_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Gotong-royong-2026"  # noqa: S105 (a test account's)
LONG_TITLE = "Pemberitahuan pemadaman listrik bergilir di Kecamatan Jaten selama perbaikan gardu"
RETURNED_TITLE = "Pembagian bantuan beras di balai desa"
BODY = (
    "Pemerintah Desa Jaten mengadakan kerja bakti membersihkan saluran air di RW 03 pada Minggu "
    "pagi. Warga diminta membawa cangkul, sapu lidi dan karung sendiri. Kegiatan dimulai pukul "
    "tujuh dan selesai sebelum tengah hari, dilanjutkan makan bersama di balai desa."
)
NOTE = "Tanggal pembagian belum disebut."
SHOTS = os.environ.get("DESK_SCREENSHOTS")


def no_horizontal_scroll(page, screen):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{screen}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{screen}: {width} px wide"


def post(group, member, title, *, live=False):
    page = PostPageFactory(
        parent=group.page, owner=member, title=title, body=rich_text_body(BODY), live=live
    )
    page.save_revision(user=member)
    return page


def submitted(page, member):
    state = page.get_workflow().start(page, member)
    precheck_decide(task_state_id=state.current_task_state_id)
    page.refresh_from_db()
    return page.current_workflow_task_state.specific


@pytest.fixture
def queued(settings):
    """Tasks wait in a queue, as with the task worker: a submitted post stays being checked."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    yield backend
    backend.clear()


@pytest.fixture
def desk(db, queued):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    member, _ = member_create(group=group, full_name="Sri Lestari", username="sri")
    member.set_password(PASSWORD)
    member.save()
    member.member_profile.must_change_password = False
    member.member_profile.save()
    editor = role_user("editor", Role.EDITOR)
    draft = post(group, member, LONG_TITLE)
    in_review = post(group, member, "Jadwal posyandu balita bulan Desember")
    submitted(in_review, member)
    returned = post(group, member, RETURNED_TITLE)
    review = submitted(returned, member)
    review_decide(
        task_state=review,
        user=editor,
        action="decline",
        data={
            "verdict": "unverifiable",
            "reasons": [str(ReviewReason.objects.filter(stage="accuracy").first().pk)],
            "comment": NOTE,
        },
    )
    assert review.status == TaskState.STATUS_REJECTED
    checking = post(group, member, "Musyawarah desa membahas anggaran")
    checking.get_workflow().start(checking, member)
    live = post(group, member, "Lomba kebersihan kampung", live=True)
    live.get_latest_revision().publish()
    shared = post(group, member, "Pasar murah di lapangan desa", live=True)
    shared.get_latest_revision().publish()
    account = SocialAccount.objects.create(
        group=group, network=Network.TELEGRAM, name="Kanal KIM", remote_id="@kimsekarjagad"
    )
    Delivery.objects.create(
        post=shared, account=account, text="Pasar murah", link="https://x.test/", status="sent"
    )
    return group, {
        "draft": draft,
        "checking": checking,
        "in_review": in_review,
        "returned": returned,
        "live": live,
        "shared": shared,
    }


def test_a_member_writes_and_fixes_posts_on_a_phone(live_server, page, desk):
    group, posts = desk
    base = live_server.url
    page.set_viewport_size(PHONE)
    login(page, base, "sri", PASSWORD)

    # The desk: a button to write, each post in words, and why one came back.
    no_horizontal_scroll(page, "dashboard")
    write = page.locator("[data-write-post]")
    expect(write).to_be_visible()
    expect(write).to_have_text("Tulis tulisan baru")
    words = {
        "draft": "draf",
        "checking": "sedang diperiksa otomatis",
        "in_review": "menunggu verifikasi",
        "returned": "dikembalikan dengan alasan",
        "live": "terbit",
        "shared": "terbit, dibagikan ke Telegram",
    }
    for name, text in words.items():
        item = page.locator(f'[data-post="{posts[name].pk}"]')
        expect(item.locator("[data-post-status]")).to_have_text(text)
    returned = page.locator(f'[data-post="{posts["returned"].pk}"]')
    expect(returned.locator("[data-return-reasons]")).to_contain_text(NOTE)
    assert not english_leftovers(
        interface_text(page, "[data-my-posts]"), set(map(str, posts.values()))
    )

    # The group's posts: titles wrap between words.
    page.goto(f"{base}/admin/pages/{group.page_id}/")
    title = page.get_by_role("link", name=LONG_TITLE).first
    expect(title).to_be_visible()
    no_horizontal_scroll(page, "explorer")
    assert title.bounding_box()["width"] > 120

    page.goto(f"{base}/admin/")
    page.locator("[data-write-post]").click()
    expect(page.locator("input[name=title]")).to_be_visible()
    no_horizontal_scroll(page, "new post")

    # Submitted without its summary: the error is listed above the tabs, on whichever tab.
    page.fill("input[name=title]", "Kerja bakti saluran air")
    open_more_actions(page)
    page.locator("button[name=action-submit]").click()
    errors = page.locator("[data-error-summary]")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("Belum tersimpan")
    no_horizontal_scroll(page, "new post with errors")
    page.get_by_role("tab").nth(1).click()
    expect(errors).to_be_visible()
    errors.get_by_role("link", name=re.compile("Ringkasan")).click()
    expect(page.locator("[name=summary]")).to_be_focused()
    # The live server shares one SQLite connection: let the editor's background requests
    # (autosave, editing session) finish before the next page.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")

    # The returned post: its reasons first, on the edit page.
    page.goto(f"{base}/admin/pages/{posts['returned'].pk}/edit/")
    reasons = page.locator("[data-return-reasons-panel]")
    expect(reasons).to_contain_text(NOTE)
    assert reasons.bounding_box()["y"] < page.locator("input[name=title]").bounding_box()["y"]
    no_horizontal_scroll(page, "returned post")

    open_more_actions(page)
    page.locator("button[name=action-precheck]").click()
    expect(page).to_have_url(re.compile(r"/admin/moderasi/periksa/\d+/$"))
    no_horizontal_scroll(page, "check first")

    # Submitted again: the reasons are gone, on the edit page and on the desk.
    page.goto(f"{base}/admin/pages/{posts['returned'].pk}/edit/")
    open_more_actions(page)
    page.locator("button[name=action-submit]").click()
    expect(page.locator("[data-submission-status]").first).to_be_visible()
    no_horizontal_scroll(page, "submitted")
    expect(page.locator("[data-return-reasons-panel]")).to_have_count(0)
    expect(page.get_by_text(NOTE)).to_have_count(0)
    page.goto(f"{base}/admin/")
    item = page.locator(f'[data-post="{posts["returned"].pk}"]')
    expect(item.locator("[data-post-status]")).to_have_text(
        re.compile("sedang diperiksa otomatis|menunggu verifikasi")
    )
    expect(page.get_by_text(NOTE)).to_have_count(0)
    page.goto("about:blank")
