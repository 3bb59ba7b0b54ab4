"""Who may see and do what on the complaint desk; one place, tested as a matrix."""


def is_triage(user):
    """Diskominfo's triage officers (and superusers) see every complaint."""
    return user.is_active and user.has_perm("complaints.triage_complaint")


def is_officer_of(user, agency):
    if agency is None or not user.is_authenticated:
        return False
    return agency.officers.filter(pk=user.pk).exists()


def can_log(user):
    return user.is_active and (
        user.has_perm("complaints.log_complaint") or user.has_perm("complaints.triage_complaint")
    )


def can_view(user, complaint):
    if not user.is_authenticated:
        return False
    return (
        is_triage(user)
        or is_officer_of(user, complaint.agency)
        or (complaint.logged_by_id is not None and complaint.logged_by_id == user.pk)
        or (can_approve_public(user) and editor_may_see(complaint))
    )


def editor_may_see(complaint):
    """Editors approve answers for publication and check hoax reports: only those."""
    return complaint.first_response_at is not None or complaint.kind == "laporan_hoaks"


def can_view_contact(user, complaint):
    """Residents' contacts: triage and the assigned agency only (not the admin who logged it)."""
    if not user.is_authenticated:
        return False
    return is_triage(user) or is_officer_of(user, complaint.agency)


def can_answer(user, complaint):
    return is_officer_of(user, complaint.agency) and not complaint.is_closed


def can_approve_public(user):
    return user.is_active and user.has_perm("complaints.approve_public_answer")


def can_see_reports(user):
    return user.is_active and user.has_perm("complaints.view_complaint_reports")
