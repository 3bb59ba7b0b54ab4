"""Overdue e-mails, personal-data erasure and their commands."""

import os
from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from complaints.models import Complaint
from complaints.tasks import send_overdue_reminders
from tests.factories import ComplaintFactory


def test_overdue_complaints_are_mailed_to_the_agency_head_and_diskominfo(desk, settings):
    settings.COMPLAINTS_DISKOMINFO_EMAIL = "aduan@diskominfo.example.test"
    old = timezone.now() - timedelta(days=30)
    late = ComplaintFactory(agency=desk.agency_a, status="diteruskan", received_at=old)
    ComplaintFactory(  # answered: not overdue
        agency=desk.agency_a, status="ditanggapi", received_at=old, first_response_at=old
    )
    ComplaintFactory(agency=desk.agency_b, status="diteruskan")  # just arrived
    Complaint.objects.filter(pk=desk.complaint_a.pk).update(received_at=timezone.now())
    send_overdue_reminders.enqueue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted([desk.agency_a.head_email, "aduan@diskominfo.example.test"])
    assert late.reference in message.body


def test_overdue_complaints_are_highlighted_on_the_desk(client, desk):
    old = timezone.now() - timedelta(days=30)
    Complaint.objects.filter(pk=desk.complaint_a.pk).update(received_at=old)
    client.force_login(desk.officer_a)
    page = client.get("/admin/aduan/opd/").content.decode()
    assert "complaint-late" in page


def test_the_daily_command_runs_the_reminders_and_the_erasure(desk, settings):
    settings.COMPLAINTS_ERASE_AFTER_MONTHS = 1
    Complaint.objects.filter(pk=desk.complaint_a.pk).update(
        received_at=timezone.now() - timedelta(days=30)
    )
    Complaint.objects.filter(pk=desk.complaint_b.pk).update(
        status="selesai", closed_at=timezone.now() - timedelta(days=60)
    )
    call_command("complaints_daily", stdout=StringIO())  # tasks run at once in tests
    assert [m.to for m in mail.outbox] == [[desk.agency_a.head_email]]
    assert Complaint.objects.get(pk=desk.complaint_b.pk).reporter_contact == ""


def test_personal_data_is_erased_months_after_closure(desk, settings):
    settings.COMPLAINTS_ERASE_AFTER_MONTHS = 6
    long_ago = timezone.now() - timedelta(days=200)
    old = ComplaintFactory(
        status="selesai",
        closed_at=long_ago,
        reporter_name="Sri",
        reporter_contact="0812",
        consent=True,
    )
    old.screenshot.save("layar.png", ContentFile(b"not really a png"), save=True)
    path = old.screenshot.path
    recent = ComplaintFactory(
        status="selesai",
        closed_at=timezone.now() - timedelta(days=20),
        reporter_name="Budi",
        reporter_contact="0813",
        consent=True,
    )
    still_open = ComplaintFactory(
        status="diteruskan", closed_at=None, reporter_name="Ani", consent=True
    )
    out = StringIO()
    call_command("complaints_erase", stdout=out)
    assert "1" in out.getvalue()
    old.refresh_from_db()
    assert old.reporter_name == old.reporter_contact == ""
    assert not old.screenshot and old.personal_data_erased_at
    assert not os.path.exists(path)
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.reporter_name == "Budi" and still_open.reporter_name == "Ani"
