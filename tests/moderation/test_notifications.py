"""Who is mailed at each moderation decision, how often, and what it tells them to do next."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import GroupPagePermission, TaskState
from wagtail.users.models import UserProfile

from moderation.workflow import AccuracyReviewState, AccuracyReviewTask, UsefulnessReviewTask
from tests.factories import UserFactory
from tests.kim.conftest import World, make_group, role_user
from tests.moderation.test_workflow import (
    ACCURACY_OK,
    GAMBLING_BODY,
    GOOD_BODY,
    USEFULNESS_OK,
    act,
    current,
    draft,
    reason,
    refresh,
    submit,
)

pytestmark = pytest.mark.django_db

NIK = "3310150101010003"
PHONE = "081234567890"


class District(World):
    """The World, plus a superuser with no role and an editor of another district's pages."""

    def __init__(self):
        super().__init__()
        self.superuser = UserFactory(username="root", superuser=True)
        self.sleman = make_group("KIM Sleman Sembada", code="34.04.01.2001")
        sleman_editors = Group.objects.create(name="Editor Sleman")
        GroupPagePermission.objects.create(
            group=sleman_editors,
            page=self.sleman.page,
            permission=Permission.objects.get(codename="change_page"),
        )
        for task in (AccuracyReviewTask.objects.get(), UsefulnessReviewTask.objects.get()):
            task.groups.add(sleman_editors)
        self.sleman_editor = UserFactory(username="editor-sleman")
        self.sleman_editor.groups.add(sleman_editors)

    @property
    def reviewers(self):
        return sorted([self.editor.email, self.administrator.email])


@pytest.fixture
def world(db):
    return District()


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run a step with its on-commit e-mail, and return what it sent (and only that)."""

    def run(step, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            step(*args, **kwargs)
        return list(mail.outbox)

    return run


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def no_personal_data(messages):
    digits = re.compile(r"\d")
    for message in messages:
        text = f"{message.subject}\n{message.body}"
        assert NIK not in "".join(digits.findall(text)) and PHONE not in text


def in_review(client, world, sent):
    post = draft(world)
    sent(submit, client, world.member, post)
    return refresh(post)


def test_submission_mails_each_district_reviewer_once_and_nobody_else(client, world, sent):
    post = draft(world)

    messages = sent(submit, client, world.member, post)

    assert recipients(messages) == world.reviewers
    assert len(messages) == 2
    message = next(m for m in messages if m.to == [world.editor.email])
    assert message.subject == f"Menunggu tinjauan Anda: {post.title}"
    assert "Sri Lestari mengajukan tulisan" in message.body
    assert "menunggu tahap Verifikasi akurasi" in message.body
    assert f"/admin/pages/{post.pk}/edit/" in message.body
    # Not the author, not a superuser without the role, not another district's editor.
    for user in (world.member, world.superuser, world.sleman_editor):
        assert user.email not in recipients(messages)


def test_an_editor_reviews_and_is_asked_about_their_own_districts_posts_only(world):
    task = AccuracyReviewTask.objects.get()
    sleman_post = world.post(world.sleman, owner=UserFactory(username="sleman-member"))
    klaten_post = world.post(world.group_a, owner=world.member)

    assert task.may_review(sleman_post, world.sleman_editor)
    assert world.sleman_editor in task.reviewers(sleman_post)
    assert not task.may_review(klaten_post, world.sleman_editor)
    assert world.sleman_editor not in task.reviewers(klaten_post)


def test_another_districts_editor_has_no_review_actions_here(client, world, sent):
    post = in_review(client, world, sent)
    task = current(post).task.specific
    assert task.get_actions(post, world.sleman_editor) == []
    assert task.get_actions(post, world.editor) != []
    response = act(client, world.sleman_editor, post, "approve", ACCURACY_OK)
    assert response.status_code in (302, 403)
    assert current(post).status == TaskState.STATUS_IN_PROGRESS


def test_approval_mails_the_author_once_with_the_public_page(client, world, sent):
    post = in_review(client, world, sent)
    assert sent(act, client, world.editor, post, "approve", ACCURACY_OK) == []

    messages = sent(act, client, world.editor, post, "approve", USEFULNESS_OK)

    post = refresh(post)
    assert post.live
    assert recipients(messages) == [world.member.email] and len(messages) == 1
    [message] = messages
    assert message.subject == f"Diterbitkan: {post.title}"
    assert "sudah diterbitkan. Tidak ada lagi yang perlu Anda lakukan." in message.body
    assert post.get_full_url() in message.body and "/edit/" not in message.body


def test_scheduled_approval_mails_the_author_once_with_the_time(client, world, sent):
    go_live = timezone.localtime() + timedelta(days=2)
    post = draft(world)
    sent(submit, client, world.member, post, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    sent(act, client, world.editor, post, "approve", ACCURACY_OK)

    messages = sent(act, client, world.editor, post, "approve", USEFULNESS_OK)

    assert recipients(messages) == [world.member.email] and len(messages) == 1
    [message] = messages
    assert message.subject.startswith("Disetujui, terjadwal:")
    assert "akan tayang pada" in message.body and go_live.strftime("%H:%M") in message.body
    # Not live yet: the link opens the post in the editor.
    assert f"/admin/pages/{post.pk}/edit/" in message.body


def request_changes(client, world, post, comment=f"Tanggal belum ada. Hubungi {PHONE}."):
    return act(
        client,
        world.editor,
        post,
        "reject",
        {"reasons": [reason("accuracy")], "comment": comment},
    )


def test_change_request_mails_the_author_once_to_fix_and_submit_again(client, world, sent):
    post = in_review(client, world, sent)

    messages = sent(request_changes, client, world, post)

    assert recipients(messages) == [world.member.email] and len(messages) == 1
    [message] = messages
    assert message.subject == f"Perbaiki lalu ajukan lagi: {post.title}"
    assert "perbaiki tulisan sesuai catatan di atas, lalu ajukan lagi" in message.body
    assert "Tanggal belum ada." in message.body
    assert AccuracyReviewState.objects.get().reasons.get().text in message.body
    assert f"/admin/pages/{post.pk}/edit/" in message.body
    assert "tidak akan diterbitkan" not in message.body
    no_personal_data(messages)


def test_resubmission_after_changes_mails_the_reviewers_once(client, world, sent):
    post = in_review(client, world, sent)
    sent(request_changes, client, world, post)

    messages = sent(submit, client, world.member, post, GOOD_BODY.replace("Minggu", "Sabtu"))

    assert current(post).status == TaskState.STATUS_IN_PROGRESS
    assert recipients(messages) == world.reviewers and len(messages) == 2
    message = messages[0]
    assert message.subject == f"Diajukan lagi setelah diperbaiki: {post.title}"
    assert "memperbaiki tulisan" in message.body and "mengajukannya lagi" in message.body
    # The reviewer reads what was asked last time, with the phone number masked.
    assert "Perubahan yang diminta editor sebelumnya:" in message.body
    assert "Tanggal belum ada." in message.body
    no_personal_data(messages)


def test_rejection_mails_the_author_once_and_says_they_may_submit_again(client, world, sent):
    post = in_review(client, world, sent)

    messages = sent(
        act,
        client,
        world.editor,
        post,
        "decline",
        {"verdict": "hoax", "reasons": [reason("accuracy")], "comment": f"NIK {NIK} dibantah."},
    )

    assert refresh(post).current_workflow_state is None
    assert recipients(messages) == [world.member.email] and len(messages) == 1
    [message] = messages
    assert message.subject == f"Ditolak: {post.title}"
    assert "Penilaian editor: Hoaks" in message.body
    assert "tetap tersimpan sebagai draf" in message.body
    assert "ubah tulisan lalu ajukan lagi" in message.body
    assert "tidak akan diterbitkan" not in message.body
    no_personal_data(messages)


def test_precheck_return_mails_the_author_once_and_no_editor(client, world, sent):
    post = draft(world)

    messages = sent(submit, client, world.member, post, GAMBLING_BODY)

    assert recipients(messages) == [world.member.email] and len(messages) == 1
    [message] = messages
    assert message.subject == f"Dikembalikan pemeriksaan otomatis: {post.title}"
    assert "slot gacor" in message.body.lower()
    assert "lalu ajukan lagi" in message.body


def test_a_resubmission_the_checks_send_straight_back_mails_only_the_author(client, world, sent):
    post = in_review(client, world, sent)
    sent(request_changes, client, world, post)

    messages = sent(submit, client, world.member, post, GAMBLING_BODY)

    assert recipients(messages) == [world.member.email] and len(messages) == 1
    assert messages[0].subject.startswith("Dikembalikan pemeriksaan otomatis:")


def test_an_editors_own_post_is_mailed_to_the_other_reviewers_only(client, world, sent):
    post = draft(world, owner=world.editor)

    messages = sent(submit, client, world.editor, post)

    assert recipients(messages) == [world.administrator.email]


def test_a_reviewer_who_turned_off_submission_mail_gets_none(client, world, sent):
    profile = UserProfile.get_for_user(world.administrator)
    profile.submitted_notifications = False
    profile.save()

    messages = sent(submit, client, world.member, draft(world))

    assert recipients(messages) == [world.editor.email]


def test_reviewers_are_the_editor_roles_never_members_or_superusers(world):
    post = refresh(draft(world))
    another_editor = role_user("editor2", "Diskominfo editor")

    reviewers = set(AccuracyReviewTask.objects.get().reviewers(post))

    assert reviewers == {world.editor, world.administrator, another_editor}
