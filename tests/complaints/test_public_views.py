"""The residents' web form: on or off, a honeypot, a throttle per address, the UU PDP notice."""

import pytest
from django.urls import reverse

from complaints.models import Complaint

FORM = {
    "kind": "aduan",
    "subject": "Jalan rusak",
    "text": "Jalan desa Sengon berlubang besar.",
    "reporter_name": "",
    "reporter_contact": "",
}


def test_the_form_shows_the_personal_data_notice(client, db):
    page = client.get(reverse("complaints_public_form")).content.decode()
    assert 'id="pdp-notice"' in page
    assert "27" in page  # UU No. 27 Tahun 2022


def test_a_resident_sends_a_complaint_through_the_web_channel(client, db):
    response = client.post(
        reverse("complaints_public_form"),
        {**FORM, "reporter_name": "Ani", "reporter_contact": "0812", "consent": "on"},
    )
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.channel == "web" and complaint.logged_by is None
    assert complaint.reporter_name == "Ani" and complaint.consent
    assert complaint.reference in response.content.decode()


def test_a_contact_without_consent_is_refused_and_nothing_is_lost(client, db):
    response = client.post(reverse("complaints_public_form"), {**FORM, "reporter_contact": "0812"})
    assert response.status_code == 200
    assert not Complaint.objects.exists()
    assert FORM["text"] in response.content.decode()  # the text is still in the form


def test_the_honeypot_swallows_bots(client, db):
    response = client.post(reverse("complaints_public_form"), {**FORM, "website": "http://spam"})
    assert response.status_code == 200
    assert not Complaint.objects.exists()


def test_submissions_are_throttled_per_address(client, db, settings):
    settings.COMPLAINTS_FORM_LIMIT = 2
    url = reverse("complaints_public_form")
    for _n in range(2):
        assert client.post(url, FORM, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(url, FORM, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(url, FORM, REMOTE_ADDR="10.0.0.2").status_code == 200
    assert Complaint.objects.count() == 3


@pytest.mark.parametrize("enabled", [True, False])
def test_the_form_can_be_switched_off(client, db, settings, enabled):
    settings.COMPLAINTS_PUBLIC_FORM = enabled
    status = client.get(reverse("complaints_public_form")).status_code
    assert status == (200 if enabled else 404)
