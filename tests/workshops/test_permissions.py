"""Who may run a workshop, see its board, purge it, read the monev report, and review what.

Each test walks through every role on one set-up world: the matrix stays readable and the
suite stays fast.
"""

import pytest
from wagtail.models import Workflow
from wagtail.rich_text import RichText

from kim.models import PostPage
from kim.roles import Role
from moderation.workflow import AccuracyReviewState, AccuracyReviewTask, UsefulnessReviewState
from tests.factories import PostPageFactory
from tests.kim.conftest import role_user
from tests.workshops.conftest import act, enter
from workshops import exercises
from workshops.permissions import trains_sandbox_of
from workshops.services import workshop_set_trainers

pytestmark = pytest.mark.django_db

WORKSHOP_PAGES = ["", "papan/", "papan.json", "pindah/", "hapus-sandbox/"]
RUNS_THE_WORKSHOP = {"trainer", "editor", "administrator"}
SEES_MONEV = {"trainer", "other_trainer", "editor", "administrator"}


@pytest.fixture
def people(world, workshop):
    return {
        "member": world.member,
        "group_admin": world.group_admin,
        "participant": enter(workshop.participants.first().user),
        "other_trainer": role_user("pelatih-lain", Role.TRAINER),
        "trainer": world.trainer,
        "editor": world.editor,
        "administrator": world.administrator,
    }


def test_only_the_workshops_trainers_and_editors_open_its_board_and_purge(client, workshop, people):
    for who, user in people.items():
        client.force_login(user)
        for page in WORKSHOP_PAGES:
            status = client.get(f"/admin/pelatihan/{workshop.pk}/{page}").status_code
            assert (status == 200) == (who in RUNS_THE_WORKSHOP), (who, page, status)
    for who in ("member", "group_admin", "participant", "other_trainer"):
        client.force_login(people[who])
        response = client.post(f"/admin/pelatihan/{workshop.pk}/hapus-sandbox/", {"confirm": "on"})
        assert response.status_code in (302, 403), who
        workshop.refresh_from_db()
        assert workshop.is_open, who
    client.force_login(people["trainer"])
    client.post(f"/admin/pelatihan/{workshop.pk}/hapus-sandbox/", {"confirm": "on"})
    workshop.refresh_from_db()
    assert not workshop.is_open


def test_purge_needs_the_confirmation(client, workshop, people):
    client.force_login(people["editor"])
    response = client.post(f"/admin/pelatihan/{workshop.pk}/hapus-sandbox/", {})
    assert response.status_code == 200
    workshop.refresh_from_db()
    assert workshop.is_open


def test_monev_report_is_for_editors_and_trainers(client, world, people):
    for who, user in people.items():
        client.force_login(user)
        for address in (
            "/admin/monev/",
            f"/admin/monev/kelompok/{world.group_a.pk}/",
            "/admin/monev/?format=csv",
        ):
            status = client.get(address).status_code
            assert (status == 200) == (who in SEES_MONEV), (who, address, status)


def test_workshop_list_is_for_trainers_and_editors(client, people):
    for who, user in people.items():
        client.force_login(user)
        status = client.get("/admin/pelatihan/").status_code
        assert (status == 200) == (who in SEES_MONEV), who


def test_guides_are_there_for_everyone_signed_in(client, people):
    for who, user in people.items():
        client.force_login(user)
        response = client.get("/admin/panduan/cek-dan-ricek/")
        assert response.status_code == 200, who
        assert "tabayun" in response.content.decode()
        assert "/admin/panduan/" in client.get("/admin/").content.decode(), who
    client.logout()
    assert client.get("/admin/panduan/").status_code == 302


def test_trainer_reviews_the_sandbox_but_not_real_groups(world, workshop, people):
    participant = people["participant"]
    sandbox_post = PostPageFactory(parent=workshop.sandbox.page, owner=participant, live=False)
    real_post = PostPageFactory(parent=world.group_a.page, owner=world.member, live=False)
    workflow = Workflow.objects.get(name="Moderasi KIM")
    task = AccuracyReviewTask.objects.get()
    for post, author in ((sandbox_post, participant), (real_post, world.member)):
        post.save_revision(user=author)
        workflow.start(post, author)
    assert trains_sandbox_of(world.trainer, sandbox_post)
    assert not trains_sandbox_of(world.trainer, real_post)
    assert task.get_actions(sandbox_post, world.trainer)
    assert not task.get_actions(real_post, world.trainer)
    assert task.user_can_access_editor(sandbox_post, world.trainer)
    assert task.locked_for_user(real_post, world.trainer)
    assert not task.get_actions(sandbox_post, people["other_trainer"])
    assert not task.get_actions(sandbox_post, participant)  # nobody reviews their own post
    # Outside the workflow too, the trainer's rights stop at the sandbox.
    sandbox_rights = workshop.sandbox.page.specific.permissions_for_user(world.trainer)
    assert sandbox_rights.can_edit()
    assert not sandbox_rights.can_publish()  # only a finished review publishes
    assert not world.group_a.page.specific.permissions_for_user(world.trainer).can_edit()


ACCURACY_OK = dict.fromkeys(AccuracyReviewState.CHECKLIST, "on")
USEFULNESS_OK = dict.fromkeys(UsefulnessReviewState.CHECKLIST, "on")


def submitted(parent, author):
    """A post with sound exercise material, submitted to the moderation workflow."""
    material = exercises.BY_SLUG["kerja-bakti"]
    post = PostPage(
        title=material.material_title,
        slug=f"kerja-bakti-{author.pk}",
        owner=author,
        live=False,
        summary=material.summary,
        body=[("paragraph", RichText(p)) for p in material.body_html],
    )
    parent.add_child(instance=post)
    post.save_revision(user=author)
    Workflow.objects.get(name="Moderasi KIM").start(post, author)
    return post


def test_trainers_last_approval_publishes_a_sandbox_post(client, world, workshop, people):
    # The finished workflow publishes, although trainers (like everyone) may not publish.
    post = submitted(workshop.sandbox.page, people["participant"])
    assert act(client, world.trainer, post, "approve", ACCURACY_OK).status_code == 200
    assert act(client, world.trainer, post, "approve", USEFULNESS_OK).status_code == 200
    post = PostPage.objects.get(pk=post.pk)
    assert post.live and not post.workflow_in_progress
    assert client.get(post.url).status_code == 404  # published in the sandbox, still hidden


def test_trainer_cannot_approve_a_real_groups_post(client, world, workshop, people):
    post = submitted(world.group_a.page, world.member)
    state = PostPage.objects.get(pk=post.pk).current_workflow_task_state

    response = act(client, world.trainer, post, "approve", ACCURACY_OK)

    assert response.status_code == 403
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert not PostPage.objects.get(pk=post.pk).live
    assert not world.group_a.page.specific.permissions_for_user(world.trainer).can_publish()
    # An editor still can.
    assert act(client, world.editor, post, "approve", ACCURACY_OK).status_code == 200


def test_only_the_workshops_current_trainers_complete_its_reviews(client, world, workshop, people):
    other = people["other_trainer"]
    first = submitted(workshop.sandbox.page, people["participant"])
    assert act(client, other, first, "approve", ACCURACY_OK).status_code == 403

    workshop_set_trainers(workshop=workshop, trainers=[world.trainer, other])
    act(client, other, first, "approve", ACCURACY_OK)
    act(client, other, first, "approve", USEFULNESS_OK)
    assert PostPage.objects.get(pk=first.pk).live

    workshop_set_trainers(workshop=workshop, trainers=[other])
    second = submitted(workshop.sandbox.page, enter(workshop.participants.last().user))
    assert act(client, world.trainer, second, "approve", ACCURACY_OK).status_code == 403
    sandbox_page = workshop.sandbox.page.specific
    assert not sandbox_page.permissions_for_user(world.trainer).can_edit()
    assert sandbox_page.permissions_for_user(other).can_edit()


def test_saving_the_trainers_gives_an_older_workshop_its_trainer_rights(world, workshop):
    workshop.trainer_group.delete()  # as for a workshop made before trainers had a group
    workshop.refresh_from_db()
    sandbox_page = workshop.sandbox.page.specific
    assert not sandbox_page.permissions_for_user(world.trainer).can_edit()

    workshop_set_trainers(workshop=workshop, trainers=[world.trainer])

    trainer = type(world.trainer).objects.get(pk=world.trainer.pk)  # Wagtail caches rights
    assert sandbox_page.permissions_for_user(trainer).can_edit()
    assert not world.group_a.page.specific.permissions_for_user(trainer).can_edit()
