"""Writes on the complaint desk: intake, triage, answers, publication, privacy.

Each function changes one complaint (and what hangs on it) inside a transaction; e-mail and
other slow work is queued for the task worker once the transaction commits.
"""

import os
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from photos.metadata import without_metadata

from . import permissions
from .models import (
    CLOSED_STATUSES,
    Answer,
    Complaint,
    ContactView,
    LaporStatus,
    Status,
    new_reference,
)
from .precheck import masked_text


def strip_screenshot(upload):
    """Return the upload as a file without EXIF/GPS data (the photos app's stripping)."""
    if not upload:
        return upload
    upload.seek(0)
    data = upload.read()
    clean = without_metadata(data)
    if clean is None:
        upload.seek(0)
        return upload
    return ContentFile(clean, name=os.path.basename(upload.name))


def _save_new(complaint):
    """Save with a fresh reference, drawing again on the rare collision."""
    for _attempt in range(5):
        complaint.reference = new_reference()
        try:
            with transaction.atomic():
                complaint.save()
            return complaint
        except IntegrityError:
            continue
    raise IntegrityError("no free complaint reference")


@transaction.atomic
def complaint_log(
    *,
    user,
    channel,
    kind,
    text,
    channel_url="",
    region=None,
    subject="",
    screenshot=None,
    consent=False,
    reporter_name="",
    reporter_contact="",
    received_at=None,
) -> Complaint:
    """Record what arrived on a channel; the resident's name and contact only with consent."""
    complaint = Complaint(
        received_at=received_at or timezone.now(),
        channel=channel,
        channel_url=channel_url,
        kind=kind,
        text=text,
        subject=subject,
        region=region,
        region_code=region.code if region else "",
        consent=bool(consent),
        reporter_name=reporter_name if consent else "",
        reporter_contact=reporter_contact if consent else "",
        logged_by=user if user and user.is_authenticated else None,
    )
    if screenshot:
        complaint.screenshot = strip_screenshot(screenshot)
    return _save_new(complaint)


def _require_triage(user):
    if not permissions.is_triage(user):
        raise PermissionDenied


def _note(complaint, user, text):
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    line = f"[{stamp} {user.get_username() if user else '-'}] {text}"
    complaint.triage_note = f"{complaint.triage_note}\n{line}".strip()


@transaction.atomic
def complaint_verify(*, complaint, user, kind=None, subject=None, note="") -> Complaint:
    _require_triage(user)
    if kind:
        complaint.kind = kind
    if subject is not None:
        complaint.subject = subject
    complaint.status = Status.VERIFIED
    complaint.verified_at = complaint.verified_at or timezone.now()
    if note:
        _note(complaint, user, note)
    complaint.save()
    if complaint.kind == "laporan_hoaks":
        _queue(notify_fact_check_queue_id=complaint.pk)
    return complaint


@transaction.atomic
def complaint_reject(*, complaint, user, note="") -> Complaint:
    _require_triage(user)
    complaint.status = Status.REJECTED
    complaint.closed_at = timezone.now()
    _note(complaint, user, _("Rejected: %(note)s") % {"note": note} if note else _("Rejected"))
    complaint.save()
    return complaint


@transaction.atomic
def complaint_merge(*, complaint, into, user) -> Complaint:
    """Fold a repeat from another channel into the first one; it is answered with it."""
    _require_triage(user)
    if into.pk == complaint.pk:
        raise ValidationError(_("A complaint cannot be a duplicate of itself."))
    while into.merged_into_id:
        into = into.merged_into
    if into.pk == complaint.pk:
        raise ValidationError(_("A complaint cannot be a duplicate of itself."))
    complaint.merged_into = into
    complaint.status = Status.REJECTED
    complaint.closed_at = timezone.now()
    _note(complaint, user, _("Duplicate of %(reference)s") % {"reference": into.reference})
    complaint.save()
    Complaint.objects.filter(merged_into=complaint).update(merged_into=into)
    return complaint


@transaction.atomic
def complaint_route(*, complaint, agency, user, note="") -> Complaint:
    _require_triage(user)
    now = timezone.now()
    complaint.agency = agency
    complaint.status = Status.FORWARDED
    complaint.verified_at = complaint.verified_at or now
    complaint.forwarded_at = now
    _note(complaint, user, _("Routed to %(agency)s") % {"agency": agency.name} + f" {note}")
    complaint.save()
    _queue(notify_agency_id=complaint.pk)
    return complaint


@transaction.atomic
def complaint_forward_to_lapor(
    *, complaint, user, tracking, lapor_status=LaporStatus.SENT
) -> Complaint:
    """Record a forward to SP4N-LAPOR! (it has no API: triage enters it there by hand)."""
    _require_triage(user)
    now = timezone.now()
    complaint.lapor_tracking = tracking
    complaint.lapor_status = lapor_status or LaporStatus.SENT
    if complaint.status in (Status.NEW, Status.VERIFIED):
        complaint.status = Status.FORWARDED
    complaint.verified_at = complaint.verified_at or now
    complaint.forwarded_at = complaint.forwarded_at or now
    _note(complaint, user, _("SP4N-LAPOR! %(tracking)s") % {"tracking": tracking})
    complaint.save()
    return complaint


@transaction.atomic
def answer_add(*, complaint, user, text, attachment=None, resolves=False) -> Answer:
    """An agency's official answer; with ``resolves`` it closes the complaint with evidence."""
    if not permissions.can_answer(user, complaint):
        raise PermissionDenied
    now = timezone.now()
    answer = Answer.objects.create(
        complaint=complaint,
        agency=complaint.agency,
        author=user,
        text=text,
        attachment=attachment or "",
        resolves=resolves,
        created_at=now,
    )
    complaint.first_response_at = complaint.first_response_at or now
    if resolves:
        complaint.status = Status.RESOLVED
        complaint.resolved_at = now
        complaint.closed_at = now
    else:
        complaint.status = Status.ANSWERED
    complaint.save()
    _queue(notify_logger_id=complaint.pk)
    return answer


@transaction.atomic
def complaint_send_back(*, complaint, user, reason) -> Complaint:
    """The agency says it is not theirs: back to triage for routing elsewhere."""
    if not permissions.can_answer(user, complaint):
        raise PermissionDenied
    agency = complaint.agency
    complaint.agency = None
    complaint.status = Status.VERIFIED
    _note(
        complaint,
        user,
        _("Sent back by %(agency)s: %(reason)s") % {"agency": agency.name, "reason": reason},
    )
    complaint.save()
    return complaint


@transaction.atomic
def complaint_mark_posted_back(*, complaint, user) -> Complaint:
    if not permissions.can_view(user, complaint):
        raise PermissionDenied
    complaint.posted_back_at = timezone.now()
    complaint.save(update_fields=["posted_back_at", "updated_at"])
    return complaint


@transaction.atomic
def public_answer_publish(*, complaint, user, question=None) -> Complaint:
    """Publish the question and its answer on "Tanggapan", personal data masked."""
    if not permissions.can_approve_public(user):
        raise PermissionDenied
    if complaint.public_answer is None:
        raise ValidationError(_("Only an answered complaint can be published."))
    complaint.public_question = masked_text(question or complaint.text)
    complaint.published_at = timezone.now()
    complaint.published_by = user
    complaint.save()
    return complaint


@transaction.atomic
def public_answer_withdraw(*, complaint, user) -> Complaint:
    if not permissions.can_approve_public(user):
        raise PermissionDenied
    complaint.published_at = None
    complaint.save(update_fields=["published_at", "updated_at"])
    return complaint


@transaction.atomic
def complaint_link_answer(*, complaint, answered_by, user) -> Complaint:
    """Answer a repeat question with an answer already published."""
    _require_triage(user)
    if answered_by.published_at is None:
        raise ValidationError(_("Link only to a published answer."))
    now = timezone.now()
    complaint.answered_by_link = answered_by
    complaint.agency = complaint.agency or answered_by.agency
    complaint.status = Status.RESOLVED
    complaint.verified_at = complaint.verified_at or now
    complaint.first_response_at = complaint.first_response_at or now
    complaint.resolved_at = now
    complaint.closed_at = now
    _note(complaint, user, _("Answered by %(reference)s") % {"reference": answered_by.reference})
    complaint.save()
    _queue(notify_logger_id=complaint.pk)
    return complaint


def contact_view(*, complaint, user):
    """Return the resident's name and contact, recording who looked."""
    if not permissions.can_view_contact(user, complaint):
        raise PermissionDenied
    ContactView.objects.create(complaint=complaint, user=user)
    return {"name": complaint.reporter_name, "contact": complaint.reporter_contact}


def erase_due_personal_data(*, now=None, months=None) -> int:
    """Erase residents' names, contacts and screenshots N months after closure."""
    now = now or timezone.now()
    months = settings.COMPLAINTS_ERASE_AFTER_MONTHS if months is None else months
    cutoff = now - timedelta(days=round(months * 30.44))
    due = Complaint.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__lt=cutoff, personal_data_erased_at__isnull=True
    )
    count = 0
    for complaint in due.iterator():
        with transaction.atomic():
            if complaint.screenshot:
                complaint.screenshot.delete(save=False)
            complaint.reporter_name = ""
            complaint.reporter_contact = ""
            complaint.screenshot = ""
            complaint.personal_data_erased_at = now
            complaint.save()
            count += 1
    return count


def _queue(**kwargs):
    from . import tasks

    for name, pk in kwargs.items():
        job = {
            "notify_logger_id": tasks.notify_logger,
            "notify_agency_id": tasks.notify_agency,
            "notify_fact_check_queue_id": tasks.notify_fact_check_queue,
        }[name]
        transaction.on_commit(lambda job=job, pk=pk: job.enqueue(pk))
