"""The member's writing desk: each post's state in words, and why a returned post came back."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import rich_text

from crossposting.models import Delivery, ManualShare, Network
from kim.models import PostPage
from moderation.desk import PostState, desk_rows, post_state, return_reasons
from moderation.services import precheck_decide
from moderation.workflow import AccuracyReviewState, PreCheckState
from tests.crossposting.conftest import make_account
from tests.kim.conftest import World
from tests.moderation.test_feedback import NIK, NIK_BODY
from tests.moderation.test_workflow import (
    ACCURACY_OK,
    GOOD_BODY,
    USEFULNESS_OK,
    act,
    form,
    reason,
    refresh,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return World()


def draft(world, owner=None):
    """A new draft of the member's (or ``owner``'s) in group A, each with its own title."""
    owner = owner or world.member
    number = PostPage.objects.count() + 1
    post = PostPage(
        title=f"Kerja bakti saluran air {number}",
        slug=f"kerja-bakti-{number}",
        owner=owner,
        summary="Warga membersihkan saluran air sebelum musim hujan.",
        body=[("paragraph", rich_text(GOOD_BODY))],
        live=False,
    )
    world.group_a.page.add_child(instance=post)
    post.save_revision(user=owner)
    return post


def workflow_state(status, task_state_class=AccuracyReviewState, task_status=None):
    task_state = task_state_class(
        status=task_status or TaskState.STATUS_IN_PROGRESS,
        content_type=ContentType.objects.get_for_model(task_state_class),
    )
    return WorkflowState(status=status, current_task_state=task_state)


IN_PROGRESS, NEEDS_CHANGES = WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES
CANCELLED, APPROVED = WorkflowState.STATUS_CANCELLED, WorkflowState.STATUS_APPROVED


@pytest.mark.parametrize(
    ("live", "state", "expected", "words"),
    [
        (False, None, PostState.DRAFT, "draf"),
        (False, (IN_PROGRESS, PreCheckState), PostState.CHECKING, "sedang diperiksa otomatis"),
        (False, (IN_PROGRESS, AccuracyReviewState), PostState.IN_REVIEW, "menunggu verifikasi"),
        (
            False,
            (NEEDS_CHANGES, AccuracyReviewState, TaskState.STATUS_REJECTED),
            PostState.RETURNED,
            "dikembalikan dengan alasan",
        ),
        (
            False,
            (NEEDS_CHANGES, PreCheckState, TaskState.STATUS_REJECTED),
            PostState.RETURNED,
            "dikembalikan dengan alasan",
        ),
        # "Tolak": the task is rejected, then the workflow cancelled.
        (
            False,
            (CANCELLED, AccuracyReviewState, TaskState.STATUS_REJECTED),
            PostState.RETURNED,
            "dikembalikan dengan alasan",
        ),
        # The author withdrew the submission: a draft again.
        (
            False,
            (CANCELLED, AccuracyReviewState, TaskState.STATUS_CANCELLED),
            PostState.DRAFT,
            "draf",
        ),
        (
            True,
            (APPROVED, AccuracyReviewState, TaskState.STATUS_APPROVED),
            PostState.LIVE,
            "terbit",
        ),
        # An edit of a live post in review is what the desk says, not the live version.
        (True, (IN_PROGRESS, AccuracyReviewState), PostState.IN_REVIEW, "menunggu verifikasi"),
    ],
)
def test_each_state_has_its_words(live, state, expected, words):
    with translation.override("id"):
        got, text = post_state(PostPage(live=live), state and workflow_state(*state))
        assert (got, str(text)) == (expected, words)


def test_a_live_post_says_where_it_was_shared():
    with translation.override("id"):
        state, text = post_state(
            PostPage(live=True), None, networks={Network.INSTAGRAM, Network.FACEBOOK_PAGE}
        )
        assert (state, text) == (PostState.LIVE, "terbit, dibagikan ke Facebook, Instagram")
        _, text = post_state(PostPage(live=True), None, networks={Network.WHATSAPP_GROUP})
        assert text == "terbit, dibagikan ke grup WhatsApp"


def test_an_approved_post_waiting_for_its_time_is_scheduled():
    go_live = timezone.now() + timedelta(days=1)
    with translation.override("id"):
        state, text = post_state(PostPage(live=False), None, go_live_at=go_live)
    assert state == PostState.SCHEDULED and text.startswith("dijadwalkan terbit ")


def test_the_reasons_are_the_editors_notes_masked_or_else_the_blocking_flags():
    notes = TaskState(comment=f"• Sumber tidak jelas\n\nNIK warga {NIK} jangan ditulis.")
    assert return_reasons(notes) == [
        "Sumber tidak jelas",
        "NIK warga 3310 15** **** **03 jangan ditulis.",
    ]
    checked = PreCheckState(
        comment="The automatic check found problems.",
        flags=[
            {"severity": "warn", "field": "title", "message": "Judul pendek."},
            {
                "severity": "block",
                "field": "body",
                "block_index": 0,
                "message": "Data pribadi.",
                "excerpt": f"NIK {NIK}",
            },
        ],
    )
    with translation.override("id"):
        assert return_reasons(checked) == ["Isi (blok 1): Data pribadi. “NIK 3310 15** **** **03”"]


def dashboard(client, user):
    client.force_login(user)
    with translation.override("id"):
        return client.get("/admin/").content.decode()


def desk_item(html, post):
    """The dashboard's list item of one post."""
    start = html.index(f'data-post="{post.pk}"')
    return html[start : html.index("</li>\n            \n", start)]


def test_the_desk_shows_each_post_in_its_state_with_the_reasons_for_a_returned_one(
    client, world, django_capture_on_commit_callbacks
):
    written = draft(world)
    in_review = submit(client, world.member, draft(world))
    changes = submit(client, world.member, draft(world))
    act(
        client,
        world.editor,
        changes,
        "reject",
        {
            "verdict": "unverifiable",  # asked for until "Minta perubahan" needs reasons only
            "reasons": [reason("accuracy")],
            "comment": f"Hapus NIK {NIK} dari tulisan.",
        },
    )
    declined = submit(client, world.member, draft(world))
    act(
        client,
        world.editor,
        declined,
        "decline",
        {"verdict": "hoax", "reasons": [reason("accuracy")], "comment": "Sudah dibantah Dinkes."},
    )
    flagged = submit(client, world.member, draft(world), NIK_BODY)
    shared = submit(client, world.member, draft(world))
    act(client, world.editor, shared, "approve", ACCURACY_OK)
    act(client, world.editor, shared, "approve", USEFULNESS_OK)
    account = make_account(Network.TELEGRAM, group=world.group_a)
    Delivery.objects.create(
        post=refresh(shared), account=account, text="t", link="https://x.test/", status="sent"
    )

    html = dashboard(client, world.member)
    assert "Tulis tulisan baru" in html
    states = {
        written: ("draft", "draf"),
        in_review: ("in_review", "menunggu verifikasi"),
        changes: ("returned", "dikembalikan dengan alasan"),
        declined: ("returned", "dikembalikan dengan alasan"),
        flagged: ("returned", "dikembalikan dengan alasan"),
        shared: ("live", "terbit, dibagikan ke Telegram"),
    }
    for post, (state, words) in states.items():
        item = desk_item(html, post)
        assert f'data-post-state="{state}"' in item
        assert f'<span class="desk__state" data-post-status>{words}</span>' in item
    changes_item = desk_item(html, changes)
    assert "Hapus NIK 3310 15** **** **03 dari tulisan." in changes_item and NIK not in html
    assert "Sudah dibantah Dinkes." in desk_item(html, declined)
    assert "Isi (blok 1)" in desk_item(html, flagged)
    assert "data-return-reasons" not in desk_item(html, in_review)

    # Submitted again: the reasons are gone, the post waits for verification.
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, world.member, declined)
    item = desk_item(dashboard(client, world.member), declined)
    assert 'data-post-state="in_review"' in item and "Sudah dibantah" not in item


def test_a_member_sees_only_their_own_posts_and_never_anothers_reasons(client, world):
    post = submit(client, world.member, draft(world), NIK_BODY)
    act_post = submit(client, world.member, draft(world))
    act(
        client,
        world.editor,
        act_post,
        "reject",
        {"verdict": "unverifiable", "reasons": [reason("accuracy")]},
    )
    own = draft(world, owner=world.group_admin)

    mine = dashboard(client, world.member)
    assert f'data-post="{post.pk}"' in mine and f'data-post="{own.pk}"' not in mine
    for other in (world.member_b, world.group_admin):
        html = dashboard(client, other)
        assert f'data-post="{post.pk}"' not in html and f'data-post="{act_post.pk}"' not in html
        assert "data-return-reasons" not in html
    assert f'data-post="{own.pk}"' in dashboard(client, world.group_admin)


def test_the_edit_page_shows_the_reasons_to_the_author_until_submitted_again(
    client, world, django_capture_on_commit_callbacks
):
    post = submit(client, world.member, draft(world))
    with django_capture_on_commit_callbacks(execute=True):
        act(
            client,
            world.editor,
            post,
            "decline",
            {"verdict": "hoax", "reasons": [reason("accuracy")], "comment": "Sudah dibantah."},
        )
    edit = f"/admin/pages/{post.pk}/edit/"
    client.force_login(world.member)
    with translation.override("id"):
        html = client.get(edit).content.decode()
    assert "data-return-reasons-panel" in html and "Sudah dibantah." in html
    assert html.index("data-return-reasons-panel") < html.index('name="title"')

    # The group's admin may edit the post, but the editor's notes are for its author.
    client.force_login(world.group_admin)
    response = client.get(edit)
    assert response.status_code == 200 and "Sudah dibantah." not in response.text

    client.force_login(world.member)
    client.post(edit, form(refresh(post), **{"action-submit": "1"}))
    assert refresh(post).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    html = client.get(edit).content.decode()
    assert "data-return-reasons-panel" not in html and "Sudah dibantah." not in html


def test_a_post_in_the_background_check_is_being_checked(client, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    post = submit(client, world.member, draft(world))
    item = desk_item(dashboard(client, world.member), post)
    assert "sedang diperiksa otomatis" in item
    precheck_decide(task_state_id=PreCheckState.objects.get().pk)
    assert "menunggu verifikasi" in desk_item(dashboard(client, world.member), post)


@pytest.mark.parametrize("count", [1, 20])
def test_the_desk_makes_the_same_queries_for_one_post_or_twenty(world, count):
    account = make_account(Network.WHATSAPP_GROUP, group=world.group_a)
    desk_rows(world.member)  # content types cached, as in any running server
    # The heaviest row: a live, shared post whose edit came back with reasons.
    for index in range(count):
        post = draft(world)
        post.get_latest_revision().publish()
        Delivery.objects.create(
            post=post, account=account, text="t", link="https://x.test/", status="sent"
        )
        ManualShare.objects.create(post=post, account=account, shared_by=world.member)
        state = post.get_workflow().start(post, world.member)
        state.current_task_state.specific.reject(comment=f"• Alasan {index}")
    with CaptureQueriesContext(connection) as queries:
        rows = desk_rows(world.member)
    assert [(row.state, row.reasons) for row in rows] == [
        (PostState.RETURNED, [f"Alasan {index}"]) for index in reversed(range(count))
    ]
    # Posts, their latest workflow states with the task states, scheduled revisions, shares.
    assert len(queries) == 4, [q["sql"] for q in queries]
