"""Pages ask the database a fixed number of questions, however many rows they show."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, TaskState, WorkflowState

from benchdata import services as benchdata
from benchdata.services import EDITOR_USERNAME
from kim.models import ContributorGroup, PostPage

pytestmark = pytest.mark.django_db

PER_ROW_PERMISSION_TABLES = ('"crossposting_socialaccount"', '"auth_group"')


@pytest.fixture
def groups(settings):
    settings.DEBUG = True
    call_command("generate_data", groups=4, members=8, posts=60, images=2, stdout=None)
    groups = ContributorGroup.objects.select_related("page", "admin_group").order_by(
        "page__numchild"
    )
    smallest, largest = groups.first(), groups.last()
    assert largest.page.numchild >= smallest.page.numchild + 5
    return smallest, largest


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_public_group_pages_query_the_same_however_many_posts(groups, client):
    smallest, largest = groups

    assert len(queries(client, largest.page.url)) == len(queries(client, smallest.page.url))


def test_explorer_for_an_editor_queries_the_same_however_many_posts(groups, client):
    smallest, largest = groups
    client.force_login(get_user_model().objects.get(username=EDITOR_USERNAME))

    assert len(queries(client, f"/admin/pages/{largest.page.pk}/")) == len(
        queries(client, f"/admin/pages/{smallest.page.pk}/")
    )


def test_explorer_rows_ask_no_role_or_account_question_each(groups, client):
    _, largest = groups
    client.force_login(largest.admin_group.user_set.first())

    asked = [
        sql
        for sql in queries(client, f"/admin/pages/{largest.page.pk}/")
        if any(table in sql.split(" WHERE ")[0] for table in PER_ROW_PERMISSION_TABLES)
    ]

    assert len(asked) < largest.page.numchild


@pytest.mark.skipif(
    PostPage.permissions_for_user is Page.permissions_for_user,
    reason="PostPage.permissions_for_user does not return a LeafPagePermissionTester yet",
)
def test_explorer_for_a_group_admin_queries_the_same_however_many_posts(groups, client):
    smallest, largest = groups
    client.force_login(smallest.admin_group.user_set.first())
    few = len(queries(client, f"/admin/pages/{smallest.page.pk}/"))
    client.force_login(largest.admin_group.user_set.first())

    assert len(queries(client, f"/admin/pages/{largest.page.pk}/")) == few


@pytest.fixture
def many_in_review(settings, monkeypatch):
    settings.DEBUG = True
    # Enough posts in review to tell one query per review from a fixed number.
    monkeypatch.setattr(benchdata, "IN_REVIEW_SHARE", 0.2)
    call_command("generate_data", groups=4, members=8, posts=60, images=2, stdout=None)
    return WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)


def test_editor_dashboard_queries_the_same_however_many_posts_wait(many_in_review, client):
    client.force_login(get_user_model().objects.get(username=EDITOR_USERNAME))
    assert many_in_review.count() >= 10
    many = len(queries(client, "/admin/"))

    cancelled = list(many_in_review.values_list("pk", flat=True)[2:])
    TaskState.objects.filter(
        workflow_state__in=cancelled, status=TaskState.STATUS_IN_PROGRESS
    ).update(status=TaskState.STATUS_CANCELLED)
    WorkflowState.objects.filter(pk__in=cancelled).update(status=WorkflowState.STATUS_CANCELLED)

    assert len(queries(client, "/admin/")) == many
