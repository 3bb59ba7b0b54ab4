from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from complaints.roles import ComplaintRole
from kim.roles import Role
from tests.factories import AgencyFactory, ComplaintFactory, UserFactory


def user_in(username, *roles):
    user = UserFactory(username=username)
    user.groups.add(*[Group.objects.get(name=role) for role in roles])
    return user


@pytest.fixture
def desk(db):
    """Two agencies with an officer each, triage, a community admin, an editor, a head."""
    officer_a = user_in("petugas-a", ComplaintRole.AGENCY_OFFICER)
    officer_b = user_in("petugas-b", ComplaintRole.AGENCY_OFFICER)
    head_a = user_in("kepala-a", ComplaintRole.AGENCY_HEAD)
    agency_a = AgencyFactory(slug="dukcapil", name="Disdukcapil", officers=[officer_a, head_a])
    agency_b = AgencyFactory(slug="dinkes", name="Dinas Kesehatan", officers=[officer_b])
    world = SimpleNamespace(
        agency_a=agency_a,
        agency_b=agency_b,
        officer_a=officer_a,
        officer_b=officer_b,
        head_a=head_a,
        triage=user_in("triase", ComplaintRole.TRIAGE),
        admin=user_in("admin-medsos", ComplaintRole.COMMUNITY_ADMIN),
        other_admin=user_in("admin-lain", ComplaintRole.COMMUNITY_ADMIN),
        editor=user_in("editor", Role.EDITOR),
        member=user_in("anggota", Role.MEMBER),
    )
    world.complaint_a = ComplaintFactory(
        agency=agency_a,
        status="diteruskan",
        logged_by=world.admin,
        consent=True,
        reporter_name="Sri Lestari",
        reporter_contact="0812-1111-2222",
        text="Blangko KTP habis di kecamatan.",
    )
    world.complaint_b = ComplaintFactory(
        agency=agency_b,
        status="diteruskan",
        logged_by=world.other_admin,
        consent=True,
        reporter_name="Budi",
        reporter_contact="0813-3333-4444",
        text="Puskesmas tutup siang hari.",
    )
    return world
