"""The desk through its pages: intake, triage, the agency's answer, the reply back, publication."""

from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from complaints.models import Complaint, ContactView
from tests.factories import ComplaintFactory, RegionFactory


def jpeg_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 1"  # Model
    out = BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG", exif=exif)
    return out.getvalue()


def post_action(client, complaint, name, data=None):
    return client.post(reverse("complaints_action", args=[complaint.pk, name]), data or {})


def test_intake_logs_a_complaint_without_contact_when_there_is_no_consent(client, desk):
    region = RegionFactory(code="33.10.01", name="Prambanan", level="subdistrict")
    client.force_login(desk.admin)
    response = client.post(
        reverse("complaints_intake"),
        {
            "channel": "facebook_group",
            "channel_url": "https://facebook.com/groups/info/posts/1",
            "text": "Lampu jalan mati di Prambanan.",
            "kind": "aduan",
            "region": region.pk,
            "reporter_name": "",
            "reporter_contact": "",
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get(text="Lampu jalan mati di Prambanan.")
    assert complaint.logged_by == desk.admin
    assert complaint.status == "baru"
    assert complaint.region == region
    assert complaint.reference.startswith("ADU-")


def test_intake_refuses_a_contact_without_consent(client, desk):
    client.force_login(desk.admin)
    response = client.post(
        reverse("complaints_intake"),
        {
            "channel": "whatsapp",
            "text": "Jalan berlubang.",
            "kind": "aduan",
            "reporter_contact": "0812000",
        },
    )
    assert response.status_code == 200
    assert not Complaint.objects.filter(text="Jalan berlubang.").exists()
    assert (
        "consent" in response.context["form"].non_field_errors()[0]
        or response.context["form"].non_field_errors()
    )


def test_intake_strips_exif_from_the_screenshot(client, desk):
    client.force_login(desk.admin)
    upload = SimpleUploadedFile("layar.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        reverse("complaints_intake"),
        {"channel": "instagram", "text": "Foto banjir.", "kind": "aduan", "screenshot": upload},
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get(text="Foto banjir.")
    with Image.open(complaint.screenshot.path) as image:
        assert not image.getexif()


def test_triage_shows_flags_but_never_blocks(client, desk):
    complaint = ComplaintFactory(text="Petugas goblok! Hubungi 081234567890.", status="baru")
    client.force_login(desk.triage)
    page = client.get(reverse("complaints_detail", args=[complaint.pk])).content.decode()
    assert "081234567890" in page  # shown in the flags for triage to see
    response = post_action(client, complaint, "route", {"agency": desk.agency_a.pk})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "diteruskan" and complaint.agency == desk.agency_a
    assert complaint.verified_at is not None


def test_route_emails_the_agency_officers(client, desk, django_capture_on_commit_callbacks):
    complaint = ComplaintFactory(status="baru")
    client.force_login(desk.triage)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, complaint, "route", {"agency": desk.agency_b.pk})
    assert [m.to for m in mail.outbox] == [[desk.officer_b.email]]


def test_triage_merges_a_repeat_from_another_channel(
    client, desk, django_capture_on_commit_callbacks
):
    repeat = ComplaintFactory(channel="instagram", status="baru", logged_by=desk.other_admin)
    client.force_login(desk.triage)
    post_action(client, repeat, "merge", {"into": desk.complaint_a.reference})
    repeat.refresh_from_db()
    assert repeat.merged_into == desk.complaint_a
    assert repeat.status == "ditolak"
    # Its admin is told when the first one is answered.
    client.force_login(desk.officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, desk.complaint_a, "answer", {"text": "Blangko tersedia Senin."})
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([desk.admin.email, desk.other_admin.email])


def test_merge_into_itself_is_refused(client, desk):
    client.force_login(desk.triage)
    post_action(client, desk.complaint_a, "merge", {"into": desk.complaint_a.reference})
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.merged_into is None


def test_forward_to_lapor_records_the_tracking_number(client, desk):
    complaint = ComplaintFactory(status="baru")
    client.force_login(desk.triage)
    post_action(client, complaint, "lapor", {"tracking": "LPR-123", "lapor_status": "terkirim"})
    complaint.refresh_from_db()
    assert complaint.lapor_tracking == "LPR-123"
    assert complaint.lapor_status == "terkirim"
    assert complaint.status == "diteruskan"


def test_officer_answers_then_resolves_with_evidence(client, desk):
    client.force_login(desk.officer_a)
    post_action(client, desk.complaint_a, "answer", {"text": "Kami cek stok blangko."})
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.status == "ditanggapi"
    first = desk.complaint_a.first_response_at
    assert first is not None
    evidence = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti", content_type="application/pdf")
    client.post(
        reverse("complaints_action", args=[desk.complaint_a.pk, "answer"]),
        {"text": "Blangko sudah tersedia.", "resolves": "on", "attachment": evidence},
    )
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.status == "selesai"
    assert desk.complaint_a.first_response_at == first
    assert desk.complaint_a.resolved_at is not None
    assert desk.complaint_a.answers.last().attachment


def test_officer_sends_back_for_rerouting(client, desk):
    client.force_login(desk.officer_a)
    response = post_action(client, desk.complaint_a, "send_back", {"reason": "Urusan Dinkes"})
    assert response.status_code == 302
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.agency is None
    assert desk.complaint_a.status == "diverifikasi"
    # Back in the triage queue, out of the agency's sight.
    assert client.get(reverse("complaints_detail", args=[desk.complaint_a.pk])).status_code == 404
    client.force_login(desk.triage)
    assert desk.complaint_a.reference in client.get(reverse("complaints_triage")).content.decode()


def test_the_admin_gets_a_ready_reply_and_records_posting_it_back(client, desk):
    client.force_login(desk.officer_a)
    post_action(client, desk.complaint_a, "answer", {"text": "Blangko tersedia Senin."})
    client.force_login(desk.admin)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert desk.complaint_a.reference in home  # the dashboard panel
    page = client.get(reverse("complaints_detail", args=[desk.complaint_a.pk]))
    reply = page.context["reply"]
    assert "Blangko tersedia Senin." in reply and "Disdukcapil" in reply
    post_action(client, desk.complaint_a, "posted_back")
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.posted_back_at is not None
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert desk.complaint_a.reference not in home


def test_publication_needs_an_editor_and_masks_personal_data(client, desk):
    complaint = desk.complaint_a
    complaint.text = "Blangko habis, petugas goblok. Hubungi saya di 081234567890."
    complaint.save()
    client.force_login(desk.officer_a)
    post_action(client, complaint, "answer", {"text": "Blangko tersedia Senin.", "resolves": "on"})
    post_action(client, complaint, "publish", {"question": ""})
    complaint.refresh_from_db()
    assert complaint.published_at is None
    client.force_login(desk.editor)
    post_action(client, complaint, "publish", {"question": ""})
    complaint.refresh_from_db()
    assert complaint.published_at is not None
    assert "081234567890" not in complaint.public_question
    assert "[disamarkan]" in complaint.public_question
    client.logout()
    page = client.get(reverse("complaints_public_detail", args=[complaint.reference]))
    body = page.content.decode()
    assert "Blangko tersedia Senin." in body and "Disdukcapil" in body
    assert "081234567890" not in body and "Sri Lestari" not in body
    listing = client.get(reverse("complaints_public_list"), {"q": "blangko"}).content.decode()
    assert complaint.reference in listing
    assert complaint.reference in client.get("/sitemap.xml").content.decode()


def test_unpublished_answers_are_not_public(client, desk):
    assert (
        client.get(
            reverse("complaints_public_detail", args=[desk.complaint_a.reference])
        ).status_code
        == 404
    )


def test_a_new_question_is_linked_to_an_existing_answer(client, desk):
    published = ComplaintFactory(agency=desk.agency_a, status="selesai")
    published.answers.create(agency=desk.agency_a, text="Blangko tersedia di kecamatan.")
    from django.utils import timezone

    published.published_at = timezone.now()
    published.public_question = "Blangko KTP habis?"
    published.save()
    question = ComplaintFactory(kind="pertanyaan", logged_by=desk.admin)
    client.force_login(desk.triage)
    post_action(client, question, "link", {"answered_by": published.reference})
    question.refresh_from_db()
    assert question.answered_by_link == published
    assert question.status == "selesai"
    client.force_login(desk.admin)
    reply = client.get(reverse("complaints_detail", args=[question.pk])).context["reply"]
    assert "Blangko tersedia di kecamatan." in reply
    assert reverse("complaints_public_detail", args=[published.reference]) in reply


def test_a_contact_view_is_recorded_once_per_look(client, desk):
    client.force_login(desk.triage)
    for _look in range(2):
        client.post(reverse("complaints_contact", args=[desk.complaint_a.pk]))
    assert ContactView.objects.filter(complaint=desk.complaint_a).count() == 2
    page = client.get(reverse("complaints_detail", args=[desk.complaint_a.pk]))
    assert len(page.context["contact_views"]) == 2


@pytest.mark.parametrize("scope", ["complaints_triage", "complaints_all", "complaints_desk"])
def test_lists_take_the_same_queries_for_few_and_many(client, desk, scope):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = desk.officer_a if scope == "complaints_desk" else desk.triage
    client.force_login(user)
    ComplaintFactory(agency=desk.agency_a, region=RegionFactory())
    client.get(reverse(scope))  # warm the session and the holiday calendar

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(scope)).status_code == 200
        return len(queries)

    few = count()
    for _n in range(15):
        ComplaintFactory(agency=desk.agency_a, region=RegionFactory())
    assert count() == few


def test_screenshots_are_served_only_to_those_who_see_the_complaint(client, desk):
    client.force_login(desk.admin)
    upload = SimpleUploadedFile("layar.jpg", jpeg_with_gps(), content_type="image/jpeg")
    client.post(
        reverse("complaints_intake"),
        {"channel": "instagram", "text": "Foto jalan.", "kind": "aduan", "screenshot": upload},
    )
    complaint = Complaint.objects.get(text="Foto jalan.")
    assert "layar" not in complaint.screenshot.name  # an unguessable name
    complaint.agency = desk.agency_a
    complaint.save()
    url = reverse("complaints_screenshot", args=[complaint.pk])
    for user, status in ((desk.triage, 200), (desk.officer_a, 200), (desk.officer_b, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status
        if status == 200:
            assert "private" in response["Cache-Control"]
            b"".join(response.streaming_content)


def test_triage_verifies_and_reclassifies(client, desk):
    complaint = ComplaintFactory(kind="aduan", status="baru")
    client.force_login(desk.triage)
    post_action(client, complaint, "verify", {"kind": "pertanyaan", "subject": "Blangko"})
    complaint.refresh_from_db()
    assert complaint.status == "diverifikasi" and complaint.kind == "pertanyaan"
    assert complaint.subject == "Blangko" and complaint.verified_at


def test_triage_rejects_with_a_reason(client, desk):
    complaint = ComplaintFactory(status="baru")
    client.force_login(desk.triage)
    post_action(client, complaint, "reject", {"note": "Spam"})
    complaint.refresh_from_db()
    assert complaint.status == "ditolak" and complaint.closed_at
    assert "Spam" in complaint.triage_note


def test_a_form_error_keeps_what_was_typed(client, desk):
    client.force_login(desk.officer_a)
    response = post_action(client, desk.complaint_a, "send_back", {"reason": ""})
    assert response.status_code == 200
    assert response.context["send_back_form"].errors


def test_the_report_page_draws_charts_and_exports_csv(client, desk):
    from django.utils import timezone

    client.force_login(desk.head_a)
    today = timezone.localdate().isoformat()
    page = client.get(reverse("complaints_reports"), {"from": "2020-01-01", "to": today})
    body = page.content.decode()
    assert body.count("<svg") >= 3
    assert page.context["report"]["received"] == 2
    csv_response = client.get(
        reverse("complaints_reports"), {"from": "2020-01-01", "to": today, "format": "csv"}
    )
    assert csv_response["Content-Type"].startswith("text/csv")
    text = csv_response.content.decode()
    assert "by_channel,facebook,2" in text
    assert "dukcapil,1,0,1,0,," in text and "dinkes,1,0,1,0,," in text
