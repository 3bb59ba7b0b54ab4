"""What the author sees after submitting, the review dialogs with any flag, and masked data."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django_tasks import task_backends
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset

from moderation.checks.fields import LABELS
from moderation.services import precheck_decide
from moderation.workflow import AccuracyReviewState, PreCheckState
from tests.kim.conftest import World
from tests.moderation.test_workflow import (
    GOOD_BODY,
    current,
    draft,
    form,
    refresh,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return World()


NIK = "3310150101010003"
PHONE = "0812-3456-7890"
NIK_BODY = GOOD_BODY.replace("</p>", f" Warga atas nama Bapak Slamet, NIK {NIK}.</p>")
PHONE_BODY = GOOD_BODY.replace("</p>", f" Hubungi Bapak Slamet di {PHONE} atau NIK {NIK}.</p>")


def post_submission(client, user, post, body=GOOD_BODY, **extra):
    client.force_login(user)
    return client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(post, body, **{"action-submit": "1", **extra}),
        follow=True,
    )


def messages_text(response):
    return " ".join(str(m) for m in response.context["messages"])


def test_a_returned_post_says_so_at_once_with_the_flag_next_to_its_field(client, world):
    post = draft(world)
    with translation.override("id"):
        response = post_submission(client, world.member, post, NIK_BODY, title="Data warga")
    assert response.redirect_chain[-1][0] == f"/admin/pages/{post.pk}/edit/"
    text = messages_text(response)
    assert "Dikembalikan" in text and "diajukan" not in text.lower()
    assert 'data-flag-code="personal_data"' in text and 'data-flag-field="body"' in text
    assert "Isi (blok 1)" in text
    assert NIK not in text and "3310 15** **** **03" in text
    assert refresh(post).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


ACCOUNT = "0123-01-012345-50-1"


def test_a_persons_bank_account_returns_the_post_and_is_masked(
    client, world, django_capture_on_commit_callbacks
):
    post = draft(world)
    summary = f"Bantu Bu Siti: rekening BRI {ACCOUNT} a.n. Siti Aminah."
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        response = post_submission(
            client, world.member, post, title="Bantu Bu Siti", summary=summary
        )
    text = messages_text(response)
    assert "Dikembalikan" in text
    assert 'data-flag-code="personal_data"' in text and 'data-flag-field="summary"' in text
    assert ACCOUNT not in text and "01**-**-******-*0-1" in text
    for message in mail.outbox:
        assert "012345" not in f"{message.subject}\n{message.body}"


def test_a_passing_post_says_it_went_to_review(client, world):
    with translation.override("id"):
        response = post_submission(client, world.member, draft(world))
    text = messages_text(response)
    assert 'data-submission-status="in_review"' in text and "menunggu tinjauan" in text
    assert isinstance(current(response.context["page"]), AccuracyReviewState)


@pytest.fixture
def queued(settings):
    """Keep tasks in a queue, as the task worker's database does, instead of running them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    yield backend
    backend.clear()


def test_the_check_runs_in_the_background_and_the_status_follows(
    client, world, queued, django_capture_on_commit_callbacks
):
    post = draft(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_submission(client, world.member, post, NIK_BODY)
    assert 'data-submission-status="checking"' in messages_text(response)
    state = PreCheckState.objects.get()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    prechecks = [r for r in queued.results if r.task.name == "run_precheck"]
    assert [r.args for r in prechecks] == [[state.pk]]

    status_url = f"/admin/moderasi/status/{post.pk}/"
    assert client.get(status_url).json()["state"] == "checking"
    with django_capture_on_commit_callbacks(execute=True):
        precheck_decide(task_state_id=state.pk)
    assert precheck_decide(task_state_id=state.pk) is None  # decided once only
    status = client.get(status_url).json()
    assert status["state"] == "returned"
    flag = status["flags"][0]
    assert flag["code"] == "personal_data" and flag["target"]["block"]
    assert NIK not in str(status)
    assert "send_decision_email" in {r.task.name for r in queued.results}


def test_a_passing_background_check_moves_the_post_to_the_accuracy_review(
    client, world, queued, django_capture_on_commit_callbacks
):
    post = draft(world)
    with django_capture_on_commit_callbacks(execute=True):
        post_submission(client, world.member, post)
    precheck_decide(task_state_id=PreCheckState.objects.get().pk)
    assert isinstance(current(post), AccuracyReviewState)
    assert client.get(f"/admin/moderasi/status/{post.pk}/").json()["state"] == "in_review"


def test_the_status_is_only_for_those_who_may_edit_the_post(client, world):
    post = draft(world)
    post_submission(client, world.member, post, NIK_BODY)
    client.force_login(world.member_b)
    assert client.get(f"/admin/moderasi/status/{post.pk}/").status_code in (302, 403)
    client.force_login(world.editor)
    assert client.get(f"/admin/moderasi/status/{post.pk}/").json()["state"] == "none"


def test_the_editor_loads_the_status_script(client, world):
    post = draft(world)
    client.force_login(world.member)
    response = client.get(f"/admin/pages/{post.pk}/edit/")
    assert "moderation/precheck_status" in response.text
    assert 'data-status-url="/admin/moderasi/status/0/"' in response.text


EVERY_FIELD = [*LABELS, "crosspost.facebook_page", "body.hidden", "sources.url", "unknown", ""]


def every_field_flag():
    return [
        {
            "code": "suspicious_link",
            "message": f"Periksa {PHONE}",
            "excerpt": f"NIK {NIK} di {field}",
            "field": field,
            "block_index": 0
            if field.split(".")[0] in ("body", "sources", "social_links")
            else None,
            "severity": "warn",
            "fingerprint": field,
        }
        for field in EVERY_FIELD
    ]


@pytest.mark.parametrize("action", ["approve", "reject", "decline"])
def test_every_review_dialog_shows_a_flag_on_every_field_kind(client, world, action):
    post = draft(world)
    post_submission(client, world.member, post)
    state = current(post)
    state.flags = every_field_flag()
    state.save(update_fields=["flags"])
    client.force_login(world.editor)
    with translation.override("id"):
        response = client.get(
            f"/admin/pages/workflow/action/{post.pk}/{action}/{state.pk}/",
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    assert response.status_code == 200
    html = response.json()["html"]
    assert html.count('data-flag-code="suspicious_link"') == len(EVERY_FIELD)
    assert "Sumber: tautan (sumber 1)" in html
    assert NIK not in html and PHONE not in html


def test_check_first_with_a_source_warning_shows_the_flag(client, world):
    post = draft(world)
    client.force_login(world.member)
    source = {"title": "Pemdes", "kind": "official", "url": "https://bit.ly/x", "description": ""}
    client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(post, sources=inline_formset([source]), **{"action-precheck": "1"}),
    )
    response = client.get(f"/admin/moderasi/periksa/{post.pk}/")
    assert response.status_code == 200
    assert 'data-flag-field="sources.url"' in response.text


def test_no_outgoing_email_carries_a_full_nik_or_phone_number(
    client, world, django_capture_on_commit_callbacks
):
    post = draft(world)
    with django_capture_on_commit_callbacks(execute=True):
        post_submission(client, world.member, post, PHONE_BODY, title=f"NIK {NIK} warga")
    assert mail.outbox
    digits = re.compile(r"\d")
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert NIK not in "".join(digits.findall(text))
        assert NIK not in text and PHONE not in text and "081234567890" not in text
        assert "3310 15** **** **03" in text
