"""The progress board follows each participant through the workflow in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kim.models import PostPage
from moderation.workflow import AccuracyReviewState
from tests.factories import PhotoFactory
from tests.workshops.conftest import act, enter, make_workshop
from workshops import exercises, progress, services

pytestmark = pytest.mark.django_db

ACCURACY_OK = dict.fromkeys(AccuracyReviewState.CHECKLIST, "on")
USEFULNESS_OK = dict.fromkeys(("relevant", "timely", "clear", "actionable"), "on")


def edit_form(post, exercise, *, photo=None, source=True, **extra):
    data = {
        "title": post.title,
        "slug": post.slug,
        "summary": post.summary,
        "body": streamfield([("paragraph", rich_text(p)) for p in exercise.body_html]),
        "hero_image": photo.pk if photo else "",
        "hero_alt": "Warga membersihkan saluran" if photo else "",
        "category": "",
        "tags": "",
        "event_date": "",
        "event_place": "",
        "go_live_at": "",
        "expire_at": "",
        "sources": inline_formset(
            [
                {
                    "title": "Pemerintah Desa Sumberejo",
                    "kind": "official",
                    "url": "",
                    "description": "Pengumuman kepala desa",
                }
            ]
            if source
            else []
        ),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(extra)
    return nested_form_data(data)


def start(client, workshop, participant, slug):
    user = enter(participant.user)
    client.force_login(user)
    response = client.post(f"/admin/latihan/{slug}/mulai/")
    assert response.status_code == 302
    return PostPage.objects.get(owner=user, slug__startswith=slug)


def rows_by_username(workshop):
    return {row.username: row for row in progress.board(workshop)}


def test_board_follows_a_participant_from_sign_in_to_publication(client, world, workshop):
    first, second, third = workshop.participants.all()
    good = exercises.BY_SLUG["kerja-bakti"]
    post = start(client, workshop, first, good.slug)
    photo = PhotoFactory(collection=workshop.sandbox.collection)
    client.post(f"/admin/pages/{post.pk}/edit/", edit_form(post, good, photo=photo))
    enter(second.user)

    rows = rows_by_username(workshop)
    row = rows[first.username]
    assert (
        row.logged_in,
        row.changed_password,
        row.saved_draft,
        row.image_with_alt,
        row.added_source,
        row.submitted,
    ) == (True, True, True, True, True, False)
    assert rows[second.username].logged_in and not rows[second.username].saved_draft
    assert not rows[third.username].logged_in and rows[third.username].done == 0

    client.post(
        f"/admin/pages/{post.pk}/edit/",
        edit_form(post, good, photo=photo, **{"action-submit": "1"}),
    )
    row = rows_by_username(workshop)[first.username]
    assert row.submitted and row.precheck == "passed"
    assert row.outcome == progress.Outcome.IN_REVIEW and row.review_url

    # The workshop's trainer reviews the sandbox post through the real workflow.
    assert act(client, world.trainer, post, "approve", ACCURACY_OK).status_code == 200
    act(client, world.trainer, post, "approve", USEFULNESS_OK)
    row = rows_by_username(workshop)[first.username]
    assert row.outcome == progress.Outcome.PUBLISHED
    assert PostPage.objects.get(pk=post.pk).live


def test_board_shows_the_precheck_blocking_a_hoax(client, world, workshop):
    participant = workshop.participants.first()
    hoax = exercises.BY_SLUG["hoaks-vaksin"]
    post = start(client, workshop, participant, hoax.slug)
    client.post(f"/admin/pages/{post.pk}/edit/", edit_form(post, hoax, **{"action-submit": "1"}))
    row = rows_by_username(workshop)[participant.username]
    assert row.submitted and row.precheck == "blocked"
    assert "hoax_match" in row.precheck_flags
    assert row.outcome == progress.Outcome.PRECHECK_BLOCKED
    # The trainer's board names the flag in Indonesian, never by its code.
    client.force_login(world.trainer)
    data = client.get(f"/admin/pelatihan/{workshop.pk}/papan.json").json()
    (shown,) = [p for p in data["participants"] if p["username"] == participant.username]
    assert shown["precheck_flag_labels"] == ["Mirip klaim yang sudah dibantah"]


def test_board_json_reports_every_participant(client, world, workshop):
    client.force_login(world.trainer)
    data = client.get(f"/admin/pelatihan/{workshop.pk}/papan.json").json()
    assert [p["username"] for p in data["participants"]] == [
        p.username for p in workshop.participants.all()
    ]
    assert data["summary"]["total"] == 3 and data["summary"]["logged_in"] == 0


def _busy_workshop(world, count):
    """Every participant signed in, with two drafts, one of them submitted and pre-checked."""
    workshop, _credentials = make_workshop(world, count=count, title=f"Pelatihan {count}")
    workflow = Workflow.objects.get(name="Moderasi KIM")
    for participant in workshop.participants.select_related("user"):
        user = enter(participant.user)
        post = services.exercise_start(
            user=user, workshop=workshop, exercise=exercises.BY_SLUG["kerja-bakti"]
        )
        services.exercise_start(
            user=user, workshop=workshop, exercise=exercises.BY_SLUG["harga-cabai"]
        )
        workflow.start(post, user)
    return workshop


def test_board_takes_the_same_number_of_queries_for_1_or_4_participants(world):
    counts = []
    for size in (1, 4):
        workshop = _busy_workshop(world, size)
        with CaptureQueriesContext(connection) as queries:
            rows = progress.board(workshop)
        assert len(rows) == size
        assert all(row.submitted and row.precheck == "passed" and row.posts == 2 for row in rows)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8
