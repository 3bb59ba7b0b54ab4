"""One demo account per role, with passwords that are only ever meant for development."""

import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from complaints.roles import ComplaintRole
from kim.roles import Role
from signin.second_factor import recovery_codes_renew, requires_second_factor


@dataclass(frozen=True)
class AccountSpec:
    username: str
    first_name: str
    last_name: str
    role: str | None
    superuser: bool = False
    group_admin: bool = False  # For member accounts: also admin of their KIM group.
    in_group: bool = False  # Member of the demo KIM group.


ACCOUNTS = (
    AccountSpec("admin", "Admin", "Portal", Role.ADMINISTRATOR, superuser=True),
    AccountSpec("editor", "Rini", "Kurniasih", Role.EDITOR),
    AccountSpec("anggota", "Dwi", "Astuti", Role.MEMBER, in_group=True),
    AccountSpec("admin-kim", "Heru", "Santoso", Role.GROUP_ADMIN, in_group=True, group_admin=True),
    AccountSpec("pelatih", "Wahyu", "Hidayat", Role.TRAINER),
    # The complaint desk (demo/complaints.py makes them agencies' officers).
    AccountSpec("triase", "Fitri", "Handayani", ComplaintRole.TRIAGE),
    AccountSpec("admin-info", "Agus", "Prasetyo", ComplaintRole.COMMUNITY_ADMIN),
    AccountSpec("opd-capil", "Sri", "Wahyuni", ComplaintRole.AGENCY_OFFICER),
    AccountSpec("opd-dinkes", "Bambang", "Susilo", ComplaintRole.AGENCY_OFFICER),
    AccountSpec("kepala-opd", "Endang", "Lestari", ComplaintRole.AGENCY_HEAD),
)


@dataclass
class AccountResult:
    spec: AccountSpec
    user: object
    password: str | None  # None when the account already existed.
    missing_roles: list
    # Development only: one-time codes for the second factor of roles that need one.
    recovery_codes: list = field(default_factory=list)


def development_password(username):
    return f"{username}-demo"


def accounts_ensure(*, contributor_group, fixed_passwords):
    """Create the demo accounts that do not exist yet; never change an existing password."""
    User = get_user_model()
    results = []
    for spec in ACCOUNTS:
        user = User.objects.filter(username=spec.username).first()
        password = None
        if user is None:
            password = (
                development_password(spec.username)
                if fixed_passwords
                else secrets.token_urlsafe(12)
            )
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@example.org",
                is_staff=spec.superuser,
                is_superuser=spec.superuser,
            )
            user.set_password(password)
            user.save()
        missing = []
        if spec.in_group and contributor_group is not None:
            missing = demo_member_join(
                user=user, group=contributor_group, as_admin=spec.group_admin
            )
        elif spec.role:
            missing = _add_roles(user, [spec.role])
        codes = []
        if fixed_passwords and requires_second_factor(user):
            # So that a developer signs in with the printed password and one of these codes,
            # or sets up an authenticator app (Two-step sign-in in the admin menu). Fresh at
            # every load; never made without fixed (development) passwords.
            codes = recovery_codes_renew(user=user)
        results.append(AccountResult(spec, user, password, missing, codes))
    return results


def demo_member_join(*, user, group, as_admin=False):
    """Make the user a member (or group admin) of a contributor group; return missing roles.

    Real members are onboarded by kim.services.member_create, which also issues a temporary
    password; demo accounts keep their known password, so they are joined here instead.
    """
    roles = [Role.MEMBER] + ([Role.GROUP_ADMIN] if as_admin else [])
    auth_groups = [group.member_group] + ([group.admin_group] if as_admin else [])
    user.groups.add(*[g for g in auth_groups if g is not None])
    return _add_roles(user, roles)


def _add_roles(user, roles):
    found = {g.name: g for g in Group.objects.filter(name__in=roles)}
    user.groups.add(*found.values())
    return [role for role in roles if role not in found]
