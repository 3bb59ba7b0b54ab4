"""The generator's bulk rows are what Wagtail and the group registry would have made."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Page, TaskState, WorkflowState

from benchdata.services import EDITOR_USERNAME
from kim.models import ContributorGroup, GroupPage, PostPage
from kim.permissions import can_manage_members
from moderation.workflow import ReviewState
from tests.factories import GroupPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(settings):
    settings.DEBUG = True
    call_command("generate_data", groups=3, members=9, posts=40, images=2, stdout=None)
    return ContributorGroup.objects.select_related("page", "member_group", "admin_group")


def test_generated_trees_pass_wagtails_own_checks(generated):
    assert Page.find_problems() == ([], [], [], [], [])
    assert Collection.find_problems() == ([], [], [], [], [])
    assert generated.count() == 3
    assert PostPage.objects.count() == 40
    for group in generated:
        assert group.page.numchild == PostPage.objects.child_of(group.page).count()


def test_generated_pages_are_served_and_listed(generated, client):
    post = PostPage.objects.published().first()
    group = GroupPage.objects.get(pk=post.group_id)

    assert client.get(post.url).status_code == 200
    assert post.title in client.get(group.url).content.decode()
    assert client.get("/").status_code == 200
    assert client.get("/cari/", {"q": post.title.split()[0]}).context["results"]


def test_generated_members_may_write_only_in_their_own_group(generated):
    first, second = generated[:2]
    member = first.member_group.user_set.first()
    group_admin = first.admin_group.user_set.get()

    assert first.page.permissions_for_user(member).can_add_subpage()
    assert not second.page.permissions_for_user(member).can_add_subpage()
    assert not first.page.permissions_for_user(member).can_publish()
    assert can_manage_members(group_admin, first)
    assert not can_manage_members(group_admin, second)


def test_editor_account_is_generated(generated, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=EDITOR_USERNAME))

    assert client.get("/admin/").status_code == 200


def test_refuses_a_database_with_real_groups(settings, region_tree):
    settings.DEBUG = True
    GroupPageFactory()

    with pytest.raises(CommandError, match="real"):
        call_command("generate_data", groups=1, members=1, posts=1, images=0)


def test_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_data", groups=1, members=1, posts=1, images=0)


def test_some_posts_wait_for_review_by_their_group_members(generated):
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)

    assert waiting.exists()
    for state in waiting:
        post = PostPage.objects.get(pk=state.object_id)
        task_state = state.current_task_state.specific
        assert isinstance(task_state, ReviewState)
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        assert task_state.revision_id == post.latest_revision_id
        assert post.get_latest_revision_as_object().title == post.title
        assert state.requested_by == post.owner
        assert post.owner.groups.filter(contributor_as_members__page=post.group_id).exists()
        assert post.workflow_in_progress


def test_recent_posts_went_through_the_workflow(generated):
    decided = WorkflowState.objects.filter(status=WorkflowState.STATUS_APPROVED)

    for state in decided:
        post = PostPage.objects.get(pk=state.object_id)
        assert post.live and post.live_revision_id == state.current_task_state.revision_id
        assert state.current_task_state.finished_at == post.first_published_at
        assert state.created_at < post.first_published_at


def test_a_post_in_review_opens_for_the_editor_with_review_actions(generated, client):
    from django.contrib.auth import get_user_model

    state = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    client.force_login(get_user_model().objects.get(username=EDITOR_USERNAME))

    response = client.get(f"/admin/pages/{state.object_id}/edit/")

    assert response.status_code == 200
    assert 'data-workflow-action-name="approve"' in response.content.decode()


def test_moderation_is_added_only_once(generated):
    with pytest.raises(CommandError, match="workflow states"):
        call_command("generate_data", moderation_only=True)
