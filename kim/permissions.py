"""Who may manage which group's members and registry data."""

from .models import ContributorGroup
from .roles import Role

DISTRICT_ROLES = (Role.EDITOR, Role.ADMINISTRATOR)


def is_district_staff(user):
    """Diskominfo editors and administrators act across the whole district."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=DISTRICT_ROLES).exists()


def groups_managed_by(user):
    """The contributor groups whose members this user may manage."""
    if is_district_staff(user):
        return ContributorGroup.objects.all()
    if not user.is_authenticated or not user.is_active:
        return ContributorGroup.objects.none()
    return ContributorGroup.objects.filter(admin_group__user=user)


def can_manage_members(user, group):
    return groups_managed_by(user).filter(pk=group.pk).exists()
