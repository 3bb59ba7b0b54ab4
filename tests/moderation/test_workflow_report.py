"""Wagtail's workflow report: a page of 20, requesters found by name, each group its own."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from benchdata import services as benchdata
from kim.models import ContributorGroup, PostPage

pytestmark = pytest.mark.django_db

URL = "/admin/reports/workflow/"


@pytest.fixture
def generated(generate):
    generate(in_review=0.3, groups=3, members=12, posts=40)


@pytest.fixture
def editor():
    return get_user_model().objects.get(username=benchdata.EDITOR_USERNAME)


def listed(response):
    return list(response.context["object_list"])


def test_editor_sees_every_workflow_twenty_at_a_time(generated, client, editor):
    client.force_login(editor)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["paginator"].per_page == 20
    assert response.context["paginator"].count == WorkflowState.objects.count()


def test_requesters_are_found_by_name_not_listed(generated, client, editor):
    requester = WorkflowState.objects.exclude(requested_by=None).first().requested_by
    client.force_login(editor)

    response = client.get(URL, {"requested_by": requester.username})

    assert 'name="requested_by"' in response.content.decode()
    assert "<option" not in response.content.decode().split('name="requested_by"')[1][:200]
    assert {state.requested_by_id for state in listed(response)} == {requester.pk}


def test_group_admin_sees_only_their_groups_workflows(generated, client):
    group = ContributorGroup.objects.order_by("pk").first()
    others = get_user_model().objects.exclude(groups=group.member_group)
    client.force_login(group.admin_group.user_set.first())

    response = client.get(URL, {"status": ""})
    html = response.content.decode()

    own_posts = set(PostPage.objects.child_of(group.page).values_list("pk", flat=True))
    assert response.status_code == 200
    assert {int(state.object_id) for state in listed(response)} <= own_posts
    assert not any(
        f">{user.username}<" in html for user in others.filter(requested_workflows__isnull=False)
    )
