from django.utils import timezone

from complaints.models import Agency, Complaint, Status
from demo.accounts import ACCOUNTS
from demo.complaints import complaints_ensure
from tests.factories import UserFactory


def test_demo_has_agencies_with_officers_and_complaints_in_every_state(db):
    users = {spec.username: UserFactory(username=spec.username) for spec in ACCOUNTS}
    complaints_ensure(users=users, now=timezone.now())
    complaints_ensure(users=users, now=timezone.now())  # safe to run again
    assert set(Complaint.objects.values_list("status", flat=True)) == set(Status.values)
    assert Complaint.objects.count() == 9
    assert Agency.objects.get(slug="disdukcapil").officers.filter(username="opd-capil").exists()
    assert Complaint.objects.published().exists()
    roles = {spec.username: spec.role for spec in ACCOUNTS}
    assert roles["triase"] == "Complaint triage officer"
    assert roles["admin-info"] == "Community admin"
