"""District staff review from the queue; Wagtail's unbounded review list is left out."""

import pytest
from django.contrib.auth import get_user_model

from benchdata import services as benchdata
from kim.models import ContributorGroup

pytestmark = pytest.mark.django_db

WAGTAIL_REVIEW_LIST = "workflow_objects_to_moderate"


@pytest.fixture
def generated(generate):
    generate(in_review=0.2, groups=2, members=6, posts=30)


def panel_names(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return [panel.name for panel in response.context["panels"]], response.content.decode()


def test_editor_gets_the_queue_instead_of_wagtails_review_list(generated, client):
    editor = get_user_model().objects.get(username=benchdata.EDITOR_USERNAME)

    names, html = panel_names(client, editor)

    assert "moderation_queue" in names
    assert WAGTAIL_REVIEW_LIST not in names
    assert "data-queue-item" in html


def test_group_admin_keeps_wagtails_panels_and_sees_no_queue(generated, client):
    group_admin = ContributorGroup.objects.first().admin_group.user_set.first()

    names, html = panel_names(client, group_admin)

    assert WAGTAIL_REVIEW_LIST in names
    assert "moderation_queue" not in names
    assert "data-queue-item" not in html


def test_queue_heading_counts_every_waiting_post_though_it_lists_the_oldest(
    generated, client, monkeypatch
):
    from wagtail.models import TaskState

    from moderation import panels
    from moderation.workflow import ReviewState

    waiting = ReviewState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count()
    assert waiting > 2
    monkeypatch.setattr(panels, "QUEUE_LENGTH", 2)
    editor = get_user_model().objects.get(username=benchdata.EDITOR_USERNAME)

    _, html = panel_names(client, editor)

    assert f"Tulisan yang menunggu tinjauan ({waiting})" in html
    assert html.count("data-queue-item=") == 2
    assert "Di sini tercantum 2 tulisan yang paling lama menunggu." in html
    # The rest are a click away, in the workflow report's "awaiting my review".
    assert 'href="/admin/reports/workflow/?reviewable=true"' in html
    report = client.get("/admin/reports/workflow/?reviewable=true")
    assert report.context["paginator"].count == waiting
