"""The page explorer: a page of rows at a time, filters scoped to the pages listed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim.wagtail_hooks import ExplorerViewSet

pytestmark = pytest.mark.django_db


def owner_choices(response):
    return set(map(int, re.findall(r'name="owner" value="(\d+)"', response.content.decode())))


def test_group_explorer_offers_only_its_own_posts_owners(client, world):
    world.post(world.group_a, owner=world.member)
    world.post(world.group_b, owner=world.member_b)
    client.force_login(world.group_admin)

    response = client.get(f"/admin/pages/{world.group_a.page.pk}/")

    assert response.status_code == 200
    assert owner_choices(response) == {world.member.pk}
    assert "Wati" not in response.content.decode()


def test_editor_sees_each_groups_owners_in_its_own_explorer(client, world):
    world.post(world.group_a, owner=world.member)
    world.post(world.group_b, owner=world.member_b)
    client.force_login(world.editor)

    assert owner_choices(client.get(f"/admin/pages/{world.group_b.page.pk}/")) == {
        world.member_b.pk
    }


def test_group_admin_cannot_explore_another_group(client, world):
    post = world.post(world.group_b, owner=world.member_b)
    client.force_login(world.group_admin)

    response = client.get(f"/admin/pages/{world.group_b.page.pk}/", follow=True)

    assert post.title not in response.content.decode()


def test_owner_filter_still_filters(client, world):
    mine = world.post(world.group_a, owner=world.member)
    theirs = world.post(world.group_a, owner=world.group_admin)
    client.force_login(world.editor)

    response = client.get(f"/admin/pages/{world.group_a.page.pk}/", {"owner": world.member.pk})

    assert [page.pk for page in response.context["pages"]] == [mine.pk]
    assert theirs.pk not in {page.pk for page in response.context["pages"]}


def test_explorer_lists_a_group_posts_a_page_at_a_time(client, world):
    client.force_login(world.editor)

    response = client.get(f"/admin/pages/{world.group_a.page.pk}/")

    assert response.context["paginator"].per_page == ExplorerViewSet.list_per_page == 25


def test_rows_in_review_ask_no_query_each(client, world):
    # Published posts whose changes wait for review: the unpublish button asks about them.
    posts = [world.post(world.group_a, owner=world.member, live=True) for _ in range(4)]
    workflow = world.group_a.page.get_workflow()
    workflow.start(posts[0], world.member)
    client.force_login(world.editor)
    url = f"/admin/pages/{world.group_a.page.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one_in_review:
        client.get(url)

    for post in posts[1:]:
        workflow.start(post, world.member)
    client.get(url)
    with CaptureQueriesContext(connection) as all_in_review:
        client.get(url)

    assert all(post.workflow_in_progress for post in posts)
    assert len(all_in_review) == len(one_in_review)
