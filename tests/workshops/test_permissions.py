"""Who may run a workshop, see its board, purge it, read the monev report, and review what.

Each test walks through every role on one set-up world: the matrix stays readable and the
suite stays fast.
"""

import pytest
from wagtail.models import Workflow

from kim.roles import Role
from moderation.workflow import AccuracyReviewTask
from tests.factories import PostPageFactory
from tests.kim.conftest import role_user
from tests.workshops.conftest import enter
from workshops.permissions import trains_sandbox_of

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
    assert workshop.sandbox.page.specific.permissions_for_user(world.trainer).can_publish()
    assert not world.group_a.page.specific.permissions_for_user(world.trainer).can_edit()
