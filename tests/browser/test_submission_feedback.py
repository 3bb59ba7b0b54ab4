"""A member submits a post with a NIK: being checked, then returned with the flag by its field."""

import re

import pytest
from django.core import mail
from django_tasks import task_backends
from playwright.sync_api import expect

from kim.models import PostPage
from kim.services import member_create
from moderation.services import precheck_decide
from moderation.workflow import PreCheckState
from tests.browser.admin_steps import login, write_post
from tests.kim.conftest import make_group

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NIK = "3310150101010003"
BODY = (
    "Pemerintah Desa Jaten membagikan bantuan beras kepada warga pada Minggu pagi. Penerima "
    f"atas nama Bapak Slamet dengan NIK {NIK} diminta datang ke balai desa membawa kartu "
    "keluarga. Pembagian dimulai pukul delapan dan selesai sebelum tengah hari."
)


@pytest.fixture
def queued(settings):
    """Tasks wait in a queue, as with the task worker, so the page shows the check running."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    yield backend
    backend.clear()


def test_member_sees_the_post_come_back_with_the_flag_by_its_field(live_server, page, queued):
    group = make_group("KIM Sekar Jagad", code="33.13.11.2001")
    member, _ = member_create(
        group=group, full_name="Sri Lestari", username="sri", email="sri@example.test"
    )
    member.set_password("Gotong-royong-2026")
    member.save()
    member.member_profile.must_change_password = False
    member.member_profile.save()
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, base, "sri", "Gotong-royong-2026")
    write_post(
        page,
        base,
        group,
        title="Pembagian bantuan beras",
        summary="Warga penerima bantuan diminta datang ke balai desa.",
        body=BODY,
    )
    page.locator("button[name=action-submit]").click()

    # At once: the post is being checked, on its edit page; not "submitted".
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    status = page.locator("[data-submission-status]")
    expect(status).to_have_attribute("data-submission-status", "checking")
    expect(status).to_contain_text("Sedang diperiksa")
    expect(page.locator(".messages")).not_to_contain_text("diajukan")

    # The task worker decides; the page follows without a reload.
    post = PostPage.objects.get(title="Pembagian bantuan beras")
    precheck_decide(task_state_id=PreCheckState.objects.get().pk)
    page.evaluate("window.notReloaded = true")
    expect(status.first).to_have_attribute("data-submission-status", "returned", timeout=15000)
    expect(page.locator("[data-submission-status]")).to_contain_text("Dikembalikan")
    flag = page.locator("[data-contentpath=body] [data-moderation-field-flag=body]")
    expect(flag).to_be_visible()
    expect(flag).to_contain_text("NIK")
    expect(flag).to_contain_text("3310 15** **** **03")
    assert page.evaluate("window.notReloaded") is True
    assert NIK not in page.locator("[data-submission-status]").inner_text()

    # A later visit shows the same, next to the field.
    page.goto(f"{base}/admin/pages/{post.pk}/edit/")
    expect(page.locator("[data-moderation-field-flag=body]")).to_be_visible()

    # The e-mail the worker sends repeats neither the NIK nor any phone number in full.
    for result in queued.results:
        if result.task.name == "send_decision_email":
            result.task.call(*result.args, **result.kwargs)
    assert [message.to for message in mail.outbox] == [["sri@example.test"]]
    assert NIK not in mail.outbox[0].body and "3310 15** **** **03" in mail.outbox[0].body
