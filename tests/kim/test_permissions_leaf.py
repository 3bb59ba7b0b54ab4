"""A post's delete permission, answered from the post alone, is Wagtail's answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PagePermissionTester

from kim.permissions import LeafPagePermissionTester

pytestmark = pytest.mark.django_db

USERS = ["member", "group_admin", "member_b", "editor", "administrator", "trainer"]


def posts(world):
    return {
        "member's draft": world.post(world.group_a, owner=world.member),
        "member's live post": world.post(world.group_a, owner=world.member, live=True),
        "group admin's draft": world.post(world.group_a, owner=world.group_admin),
        "other group's draft": world.post(world.group_b, owner=world.member_b),
    }


@pytest.mark.parametrize("username", USERS)
def test_leaf_answer_is_wagtails_answer(world, username):
    user = getattr(world, username)

    for name, post in posts(world).items():
        expected = PagePermissionTester(user, post).can_delete()
        assert LeafPagePermissionTester(user, post).can_delete() == expected, name


@pytest.mark.parametrize(
    ("username", "post_name", "allowed"),
    [
        ("member", "member's draft", True),
        ("member", "group admin's draft", False),
        ("member", "member's live post", False),
        ("member", "other group's draft", False),
        ("group_admin", "group admin's draft", True),
        ("group_admin", "member's draft", True),
        ("group_admin", "member's live post", False),
        ("group_admin", "other group's draft", False),
        ("member_b", "member's draft", False),
        ("editor", "member's live post", True),
        ("trainer", "member's draft", False),
    ],
)
def test_only_own_group_drafts_may_be_deleted(world, username, post_name, allowed):
    tester = LeafPagePermissionTester(getattr(world, username), posts(world)[post_name])

    assert tester.can_delete() is allowed


def test_inactive_users_may_not_delete(world):
    post = world.post(world.group_a, owner=world.member)
    world.member.is_active = False

    assert not LeafPagePermissionTester(world.member, post).can_delete()


def test_leaf_answer_asks_no_query(world):
    post = world.post(world.group_a, owner=world.member)
    tester = LeafPagePermissionTester(world.group_admin, post)

    with CaptureQueriesContext(connection) as queries:
        tester.can_delete()

    assert not queries.captured_queries


def test_pages_with_children_get_wagtails_answer(world):
    world.post(world.group_a, owner=world.member, live=True)
    group_page = world.group_a.page.specific
    group_page.refresh_from_db()

    for user in (world.group_admin, world.editor, world.member_b):
        expected = PagePermissionTester(user, group_page).can_delete()
        assert LeafPagePermissionTester(user, group_page).can_delete() == expected
