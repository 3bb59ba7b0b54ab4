"""Who sees which complaint and whose contact: allowed and denied, through the admin pages."""

import pytest
from django.urls import reverse

from complaints import permissions
from complaints.models import Complaint, ContactView


def denied(response):
    """Wagtail's admin answers a permission error with a redirect to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


# user -> (sees complaint A, sees complaint B, sees A's contact, sees B's contact)
MATRIX = {
    "triage": (True, True, True, True),
    "officer_a": (True, False, True, False),
    "head_a": (True, False, True, False),
    "officer_b": (False, True, False, True),
    # The admin who logged A sees A (to post the answer back), never the resident's contact.
    "admin": (True, False, False, False),
    "other_admin": (False, True, False, False),
    "editor": (False, False, False, False),
    "member": (False, False, False, False),
}


@pytest.mark.parametrize("who", MATRIX)
def test_complaint_pages_follow_the_matrix(client, desk, who):
    sees_a, sees_b, _contact_a, _contact_b = MATRIX[who]
    client.force_login(getattr(desk, who))
    for complaint, allowed in ((desk.complaint_a, sees_a), (desk.complaint_b, sees_b)):
        response = client.get(reverse("complaints_detail", args=[complaint.pk]))
        assert response.status_code == (200 if allowed else 404), complaint.reference
        if allowed:
            assert complaint.text in response.content.decode()


@pytest.mark.parametrize("who", MATRIX)
def test_contacts_follow_the_matrix_and_each_view_is_recorded(client, desk, who):
    _a, _b, contact_a, contact_b = MATRIX[who]
    user = getattr(desk, who)
    client.force_login(user)
    for complaint, allowed in ((desk.complaint_a, contact_a), (desk.complaint_b, contact_b)):
        page = client.get(reverse("complaints_detail", args=[complaint.pk]))
        # Never on the page until asked for, and then recorded.
        assert complaint.reporter_contact not in page.content.decode()
        response = client.post(reverse("complaints_contact", args=[complaint.pk]))
        views = ContactView.objects.filter(complaint=complaint, user=user)
        if allowed:
            assert response.status_code == 200
            assert complaint.reporter_contact in response.content.decode()
            assert views.count() == 1
        else:
            assert denied(response)
            assert complaint.reporter_contact not in response.content.decode()
            assert not views.exists()


def test_agency_desk_lists_only_the_agencys_complaints(client, desk):
    client.force_login(desk.officer_a)
    body = client.get(reverse("complaints_desk")).content.decode()
    assert desk.complaint_a.reference in body
    assert desk.complaint_b.reference not in body


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("triage", True), ("officer_a", False), ("admin", False), ("editor", False)],
)
def test_only_triage_opens_the_triage_queue(client, desk, who, allowed):
    client.force_login(getattr(desk, who))
    response = client.get(reverse("complaints_triage"))
    assert response.status_code == 200 if allowed else denied(response)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("triage", True), ("admin", True), ("officer_a", False), ("member", False)],
)
def test_who_may_log_a_complaint(client, desk, who, allowed):
    client.force_login(getattr(desk, who))
    response = client.get(reverse("complaints_intake"))
    assert response.status_code == 200 if allowed else denied(response)


def test_an_officer_cannot_answer_another_agencys_complaint(client, desk):
    client.force_login(desk.officer_b)
    url = reverse("complaints_action", args=[desk.complaint_a.pk, "answer"])
    response = client.post(url, {"text": "Bukan urusan kami"})
    assert response.status_code == 404
    assert not desk.complaint_a.answers.exists()


def test_an_officer_cannot_route_complaints(client, desk):
    client.force_login(desk.officer_a)
    url = reverse("complaints_action", args=[desk.complaint_a.pk, "route"])
    response = client.post(url, {"agency": desk.agency_a.pk})
    assert denied(response)
    desk.complaint_a.refresh_from_db()
    assert desk.complaint_a.status == "diteruskan"


def test_visible_to_matches_can_view(desk):
    for who in MATRIX:
        user = getattr(desk, who)
        visible = set(Complaint.objects.visible_to(user))
        for complaint in (desk.complaint_a, desk.complaint_b):
            assert (complaint in visible) == permissions.can_view(user, complaint), who


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("triage", True), ("head_a", True), ("editor", True), ("officer_a", False), ("admin", False)],
)
def test_reports_page_is_for_the_head_of_office_and_editors(client, desk, who, allowed):
    client.force_login(getattr(desk, who))
    response = client.get(reverse("complaints_reports"))
    assert response.status_code == 200 if allowed else denied(response)
