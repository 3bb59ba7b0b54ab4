"""The monev report counts each real group's posts, decisions, reasons and flags."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Workflow

from kim.models import PostPage
from moderation.services import review_decide
from moderation.workflow import AccuracyReviewState, ReviewReason
from tests.factories import CategoryFactory, PostPageFactory
from tests.kim.conftest import make_group
from tests.workshops.conftest import enter
from workshops import monev

pytestmark = pytest.mark.django_db

ACCURACY_OK = dict.fromkeys(AccuracyReviewState.CHECKLIST, "on")
USEFULNESS_OK = dict.fromkeys(("relevant", "timely", "clear", "actionable"), "on")


def submit(post, user):
    post.save_revision(user=user)
    Workflow.objects.get(name="Moderasi KIM").start(post, user)
    return PostPage.objects.get(pk=post.pk).current_workflow_task_state.specific


@pytest.fixture
def activity(world, workshop):
    news, umkm = CategoryFactory(name="Berita", slug="berita"), CategoryFactory(name="UMKM")
    now = timezone.now()
    for days, category in ((3, news), (40, umkm)):
        PostPageFactory(
            parent=world.group_a.page,
            owner=world.member,
            category=category,
            first_published_at=now - timedelta(days=days),
        )
    approved = PostPageFactory(
        parent=world.group_a.page,
        owner=world.member,
        draft=True,
        title="Kerja bakti",
        summary="Kerja bakti warga RW 03",
    )
    state = submit(approved, world.member)
    review_decide(task_state=state, user=world.editor, action="approve", data=ACCURACY_OK)
    state = PostPage.objects.get(pk=approved.pk).current_workflow_task_state.specific
    review_decide(task_state=state, user=world.editor, action="approve", data=USEFULNESS_OK)
    sent_back = PostPageFactory(parent=world.group_a.page, owner=world.member, draft=True)
    reason = ReviewReason.objects.filter(stage="accuracy").first()
    state = submit(sent_back, world.member)
    review_decide(
        task_state=state,
        user=world.editor,
        action="reject",
        data={"verdict": "unverifiable", "reasons": [str(reason.pk)], "comment": ""},
    )
    # Sandbox activity never counts.
    participant = enter(workshop.participants.first().user)
    PostPageFactory(parent=workshop.sandbox.page, owner=participant)
    return reason


def test_report_counts_posts_decisions_and_reasons_per_group(world, workshop, activity):
    report = monev.report(period=monev.Period.default())
    rows = {row.group.name: row for row in report.groups}
    assert workshop.sandbox.name not in rows
    stats = rows[world.group_a.name].stats
    assert stats.posts == 3  # two published earlier, one approved through the workflow
    assert stats.decided == 2 and stats.approved == 1 and stats.approval_rate == 50
    assert stats.top_reasons() == [(activity.text, 1)]
    assert stats.median_review_hours is not None and stats.last_activity is not None
    assert dict(stats.categories)["Berita"] == 1 and dict(stats.categories)["UMKM"] == 1
    assert rows[world.group_b.name].stats.posts == 0
    assert report.total.posts == 3


def test_district_wide_messages_are_counted_apart_not_as_the_village_groups(
    client, world, workshop, activity
):
    PostPageFactory(
        parent=world.group_a.page,
        owner=world.editor,
        title="Vaksinasi gratis",
        is_district_message=True,
        first_published_at=timezone.now() - timedelta(days=1),
    )
    report = monev.report(period=monev.Period.default())
    stats = {row.group.name: row.stats for row in report.groups}[world.group_a.name]
    assert stats.posts == 3  # as without the message
    assert report.total.posts == 3
    assert report.district_messages == 1
    client.force_login(world.editor)
    page = client.get("/admin/monev/").content.decode()
    assert "Diskominfo" in page and "data-monev-district-messages" in page


def test_period_filter_leaves_out_older_posts(world, workshop, activity):
    today = timezone.localdate()
    report = monev.report(period=monev.Period(today - timedelta(days=10), today))
    stats = {row.group.name: row.stats for row in report.groups}[world.group_a.name]
    assert stats.posts == 2


def test_report_page_csv_and_evidence_pack(client, world, workshop, activity):
    client.force_login(world.editor)
    page = client.get("/admin/monev/").content.decode()
    assert world.group_a.name in page and "<svg" in page
    assert workshop.sandbox.name not in page
    response = client.get("/admin/monev/?format=csv&level=group")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {world.group_a.name, world.group_b.name}
    assert by_name[world.group_a.name][4] == "3"
    areas = client.get("/admin/monev/?format=csv&level=subdistrict").content.decode()
    assert "3" in areas.splitlines()[1]
    pack = client.get(f"/admin/monev/kelompok/{world.group_a.pk}/").content.decode()
    assert 'data-evidence="posts">3<' in pack and "UMKM" in pack
    assert client.get(f"/admin/monev/kelompok/{workshop.sandbox.pk}/").status_code == 404


def test_workshops_attended_count_for_the_participants_group(world, workshop):
    participant = workshop.participants.first()
    participant.home_group = world.group_b
    participant.save()
    enter(participant.user)
    report = monev.report(period=monev.Period(workshop.date, workshop.date))
    stats = {row.group.name: row.stats for row in report.groups}
    assert stats[world.group_b.name].workshops == 1
    assert stats[world.group_a.name].workshops == 0


def test_report_page_takes_the_same_queries_for_2_or_5_groups(client, world, workshop, activity):
    client.force_login(world.editor)
    addresses = ["/admin/monev/", "/admin/monev/?format=csv&level=group"]
    counts = []
    for extra in ((), ("Mekar Sari", "Tunas Harapan", "Sido Rukun")):
        for number, name in enumerate(extra, start=3):
            group = make_group(f"KIM {name}", code=f"33.13.12.200{number}")
            PostPageFactory(parent=group.page, owner=world.member)
        client.get(addresses[0])
        with CaptureQueriesContext(connection) as queries:
            for address in addresses:
                assert client.get(address).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
