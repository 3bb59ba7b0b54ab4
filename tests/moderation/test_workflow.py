"""Every path through the moderation workflow, driven through the admin's own URLs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kim.models import PostPage
from moderation.workflow import AccuracyReviewState, PreCheckState, ReviewReason
from tests.kim.conftest import World, role_user

pytestmark = pytest.mark.django_db

GOOD_BODY = (
    "<p>Pemerintah Desa Jaten mengadakan kerja bakti membersihkan saluran air di RW 03 pada "
    "Minggu pagi. Warga diminta membawa cangkul, sapu lidi dan karung sendiri. Kegiatan dimulai "
    "pukul tujuh dan selesai sebelum tengah hari, dilanjutkan makan bersama di balai desa. "
    "Kepala desa berharap saluran yang bersih mencegah banjir saat musim hujan tiba nanti.</p>"
)
GAMBLING_BODY = GOOD_BODY.replace(
    "</p>", ' Daftar <a href="https://slot-gacor88.example/">slot gacor maxwin</a> hari ini.</p>'
)


@pytest.fixture
def world(db):
    return World()


def form(post, body=GOOD_BODY, **extra):
    data = {
        "title": post.title,
        "slug": post.slug,
        "summary": post.summary,
        "body": streamfield([("paragraph", rich_text(body))]),
        "hero_image": "",
        "hero_alt": "",
        "category": "",
        "tags": "",
        "event_date": "",
        "event_place": "",
        "go_live_at": "",
        "expire_at": "",
        "sources": inline_formset(
            [
                {
                    "title": "Pengumuman Pemdes Jaten",
                    "kind": "official",
                    "url": "https://jaten.desa.id/pengumuman",
                    "description": "",
                }
            ]
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(extra)
    return nested_form_data(data)


def draft(world, owner=None, slug="kerja-bakti"):
    owner = owner or world.member
    post = PostPage(
        title="Kerja bakti saluran air",
        slug=slug,
        owner=owner,
        summary="Warga membersihkan saluran air sebelum musim hujan.",
        body=[("paragraph", rich_text(GOOD_BODY))],
        live=False,
    )
    world.group_a.page.add_child(instance=post)
    post.save_revision(user=owner)
    return post


def submit(client, user, post, body=GOOD_BODY, **extra):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{post.pk}/edit/", form(post, body, **{"action-submit": "1", **extra})
    )
    assert response.status_code == 302, response.content[:500]
    return refresh(post)


def refresh(post):
    return PostPage.objects.get(pk=post.pk)


def current(post):
    return refresh(post).current_workflow_task_state.specific


def act(client, user, post, action, data):
    client.force_login(user)
    state = current(post)
    return client.post(
        f"/admin/pages/workflow/action/{post.pk}/{action}/{state.pk}/",
        data,
        headers={"x-requested-with": "XMLHttpRequest"},
    )


ACCURACY_OK = dict.fromkeys(AccuracyReviewState.CHECKLIST, "on")
USEFULNESS_OK = dict.fromkeys(("relevant", "timely", "clear", "actionable"), "on")


def reason(stage):
    return str(ReviewReason.objects.filter(stage=stage).first().pk)


def test_approve_approve_publishes_and_mails_the_author(
    client, world, django_capture_on_commit_callbacks
):
    post = draft(world)
    post = submit(client, world.member, post)
    state = current(post)
    assert isinstance(state, AccuracyReviewState)
    assert PreCheckState.objects.get(workflow_state=state.workflow_state).status == "approved"
    assert not post.live

    act(client, world.editor, post, "approve", ACCURACY_OK)
    assert current(post).task.name == "Uji manfaat"
    with django_capture_on_commit_callbacks(execute=True):
        act(client, world.editor, post, "approve", {**USEFULNESS_OK, "comment": "Bagus."})

    post = refresh(post)
    assert post.live
    assert client.get(post.url).status_code == 200
    accuracy = AccuracyReviewState.objects.get(workflow_state__object_id=str(post.pk))
    assert accuracy.verdict == "accurate" and accuracy.sources_verified
    assert [m.to for m in mail.outbox] == [[world.member.email]]
    assert "Bagus." in mail.outbox[0].body
    # The live post is what the author opens now, not the editor.
    assert post.full_url in mail.outbox[0].body
    assert "/edit/" not in mail.outbox[0].body


def test_member_cannot_publish_and_has_no_review_actions(client, world):
    post = submit(client, world.member, draft(world))
    response = act(client, world.member, post, "approve", ACCURACY_OK)
    assert response.status_code in (302, 403)
    assert isinstance(current(post), AccuracyReviewState)
    client.post(f"/admin/pages/{post.pk}/edit/", form(post, **{"action-publish": "1"}))
    assert not refresh(post).live


def test_precheck_sends_back_a_post_with_a_blocking_flag(
    client, world, django_capture_on_commit_callbacks
):
    post = draft(world)
    with django_capture_on_commit_callbacks(execute=True):
        post = submit(client, world.member, post, GAMBLING_BODY)
    workflow_state = post.current_workflow_state
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    precheck = PreCheckState.objects.get(workflow_state=workflow_state)
    assert precheck.status == TaskState.STATUS_REJECTED
    assert "gambling" in {flag["code"] for flag in precheck.flags}
    assert not AccuracyReviewState.objects.exists()
    assert "slot gacor" in mail.outbox[0].body.lower()


def test_request_changes_stores_reasons_and_resubmission_returns_to_accuracy(
    client, world, django_capture_on_commit_callbacks
):
    post = submit(client, world.member, draft(world))
    with django_capture_on_commit_callbacks(execute=True):
        act(
            client,
            world.editor,
            post,
            "reject",
            {
                "reasons": [reason("accuracy")],
                "comment": "Mohon sertakan tautan pengumuman resmi.",
            },
        )
    state = AccuracyReviewState.objects.get()
    assert state.status == TaskState.STATUS_REJECTED
    assert state.verdict == ""
    assert state.reasons.count() == 1
    assert refresh(post).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Mohon sertakan tautan" in mail.outbox[0].body
    assert state.reasons.get().text in mail.outbox[0].body
    assert f"/admin/pages/{post.pk}/edit/" in mail.outbox[0].body

    client.force_login(world.member)
    client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(post, GOOD_BODY.replace("Minggu", "Sabtu"), **{"action-submit": "1"}),
    )
    again = current(post)
    assert isinstance(again, AccuracyReviewState) and again.pk != state.pk
    assert again.status == TaskState.STATUS_IN_PROGRESS


def test_accuracy_reject_ends_the_workflow_with_a_verdict(
    client, world, django_capture_on_commit_callbacks
):
    post = submit(client, world.member, draft(world))
    with django_capture_on_commit_callbacks(execute=True):
        act(
            client,
            world.editor,
            post,
            "decline",
            {
                "verdict": "hoax",
                "reasons": [reason("accuracy")],
                "comment": "Sudah dibantah oleh Dinkes.",
            },
        )
    post = refresh(post)
    assert post.current_workflow_state is None and not post.live
    state = AccuracyReviewState.objects.get()
    assert state.verdict == "hoax"
    assert state.workflow_state.status == WorkflowState.STATUS_CANCELLED
    assert "Sudah dibantah" in mail.outbox[0].body


def test_usefulness_changes_restart_from_the_checks_after_an_edit(client, world):
    post = submit(client, world.member, draft(world))
    act(client, world.editor, post, "approve", ACCURACY_OK)
    act(client, world.editor, post, "reject", {"reasons": [reason("usefulness")]})
    assert refresh(post).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(world.member)
    client.post(
        f"/admin/pages/{post.pk}/edit/",
        form(post, GOOD_BODY + "<p>Bawa air minum sendiri.</p>", **{"action-submit": "1"}),
    )
    assert isinstance(current(post), AccuracyReviewState)


def test_approval_needs_every_checklist_item(client, world):
    post = submit(client, world.member, draft(world))
    incomplete = dict(ACCURACY_OK)
    incomplete.pop("personal_data_removed")
    act(client, world.editor, post, "approve", incomplete)
    state = current(post)
    assert isinstance(state, AccuracyReviewState)
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_request_changes_needs_a_reason(client, world):
    post = submit(client, world.member, draft(world))
    act(client, world.editor, post, "reject", {"verdict": "misleading", "comment": ""})
    assert current(post).status == TaskState.STATUS_IN_PROGRESS


def test_nobody_approves_their_own_post_even_an_editor(client, world):
    post = draft(world, owner=world.editor)
    post = submit(client, world.editor, post)
    response = act(client, world.editor, post, "approve", ACCURACY_OK)
    assert response.status_code in (302, 403)
    assert current(post).status == TaskState.STATUS_IN_PROGRESS
    other_editor = role_user("editor2", "Diskominfo editor")
    act(client, other_editor, post, "approve", ACCURACY_OK)
    assert current(post).task.name == "Uji manfaat"


def test_an_editors_own_post_waits_in_their_queue_for_another_editor(client, world):
    post = submit(client, world.editor, draft(world, owner=world.editor))
    state = current(post)
    claim_url = f"/admin/moderasi/klaim/{state.pk}/"

    client.force_login(world.editor)
    row = queue_row(client.get("/admin/").text, post)
    assert "Tulisan Anda: menunggu editor lain" in row and claim_url not in row
    assert client.post(claim_url).status_code in (302, 403)
    assert current(post).claimed_by is None

    other_editor = role_user("editor2", "Diskominfo editor")
    client.force_login(other_editor)
    row = queue_row(client.get("/admin/").text, post)
    assert claim_url in row and "menunggu editor lain" not in row
    client.post(claim_url)
    assert current(post).claimed_by == other_editor


def queue_row(html, post):
    start = html.index(f'data-queue-item="{post.pk}"')
    return html[start : html.index("</tr>", start)]


def test_author_can_cancel_and_the_post_stays_a_draft(client, world):
    post = submit(client, world.member, draft(world))
    client.post(f"/admin/pages/{post.pk}/edit/", form(post, **{"action-cancel-workflow": "1"}))
    post = refresh(post)
    assert post.current_workflow_state is None and not post.live
    assert post.get_latest_revision_as_object().title == "Kerja bakti saluran air"


def test_member_cannot_edit_while_in_review_but_editor_can(client, world):
    post = submit(client, world.member, draft(world))
    client.force_login(world.member)
    client.post(f"/admin/pages/{post.pk}/edit/", form(post, title="Diubah anggota"))
    assert refresh(post).get_latest_revision_as_object().title != "Diubah anggota"
    client.force_login(world.editor)
    client.post(f"/admin/pages/{post.pk}/edit/", form(post, title="Diperbaiki editor"))
    assert refresh(post).get_latest_revision_as_object().title == "Diperbaiki editor"
    assert refresh(post).workflow_in_progress


def test_scheduled_post_goes_live_only_at_its_time(client, world):
    go_live = timezone.localtime() + timedelta(days=2)
    post = submit(client, world.member, draft(world), go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    act(client, world.editor, post, "approve", ACCURACY_OK)
    act(client, world.editor, post, "approve", USEFULNESS_OK)
    post = refresh(post)
    assert not post.live and post.scheduled_revision is not None

    # Let the clock pass the go-live time.
    past = timezone.now() - timedelta(minutes=1)
    revision = post.scheduled_revision
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert refresh(post).live


def test_claimed_review_is_only_actionable_by_its_claimant(client, world):
    post = submit(client, world.member, draft(world))
    other_editor = role_user("editor2", "Diskominfo editor")
    client.force_login(world.editor)
    client.post(f"/admin/moderasi/klaim/{current(post).pk}/")
    assert current(post).claimed_by == world.editor

    client.force_login(other_editor)
    client.post(f"/admin/moderasi/klaim/{current(post).pk}/")
    assert current(post).claimed_by == world.editor
    act(client, other_editor, post, "approve", ACCURACY_OK)
    assert current(post).status == TaskState.STATUS_IN_PROGRESS


def test_history_keeps_checklist_and_precheck(client, world):
    post = submit(client, world.member, draft(world))
    act(client, world.editor, post, "approve", ACCURACY_OK)
    client.force_login(world.member)
    response = client.get(f"/admin/pages/{post.pk}/history/")
    assert response.status_code == 200
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(page=post, action="moderation.review")
    assert entry.data["verdict"] == "accurate" and entry.data["cross_checked"] is True


def test_review_queue_on_the_editor_dashboard(client, world):
    post = submit(client, world.member, draft(world))
    client.force_login(world.editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert f'data-queue-item="{post.pk}"' in response.text
    client.force_login(world.member)
    response = client.get("/admin/")
    assert "data-review-queue" not in response.text
    assert "data-my-posts" in response.text


def test_a_members_dashboard_offers_to_write_a_post_for_their_group(client, world):
    client.force_login(world.member)
    html = client.get("/admin/").content.decode()
    add = f"/admin/pages/add/kim/postpage/{world.group_a.page_id}/"
    assert f'data-write-post href="{add}"' in html and "Tulis tulisan baru" in html
    # Not for another group's page.
    assert f"/admin/pages/add/kim/postpage/{world.group_b.page_id}/" not in html
    assert client.get(add).status_code == 200


def test_check_first_shows_flags_without_submitting(client, world):
    post = draft(world)
    client.force_login(world.member)
    response = client.post(
        f"/admin/pages/{post.pk}/edit/", form(post, GAMBLING_BODY, **{"action-precheck": "1"})
    )
    assert response.status_code == 302 and "/moderasi/periksa/" in response["Location"]
    response = client.get(response["Location"])
    assert 'data-flag-code="gambling"' in response.text
    assert not Page.objects.get(pk=post.pk).workflow_in_progress


def test_the_review_queue_queries_the_same_however_many_posts_wait(client, world):
    def dashboard_queries():
        client.force_login(world.editor)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured.captured_queries)

    submit(client, world.editor, draft(world, owner=world.editor, slug="punya-editor"))
    submit(client, world.member, draft(world))
    dashboard_queries()  # the first visit also creates the editor's profile
    few = dashboard_queries()
    for slug in ("kedua", "ketiga"):
        submit(client, world.member, draft(world, slug=slug))
    assert dashboard_queries() == few
