"""Who may manage which group's members and registry data, and who may delete a post."""

from wagtail.models import PagePermissionTester

from .models import ContributorGroup
from .roles import Role

DISTRICT_ROLES = (Role.EDITOR, Role.ADMINISTRATOR)


def is_district_staff(user):
    """Diskominfo editors and administrators act across the whole district."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Asked once per row by admin listing hooks: remember the answer on this user object, as
    # Django's ModelBackend does with permissions (a request's user lives for that request).
    if not hasattr(user, "_is_district_staff"):
        user._is_district_staff = user.groups.filter(name__in=DISTRICT_ROLES).exists()
    return user._is_district_staff


def groups_managed_by(user):
    """The contributor groups whose members this user may manage."""
    if is_district_staff(user):
        return ContributorGroup.objects.all()
    if not user.is_authenticated or not user.is_active:
        return ContributorGroup.objects.none()
    return ContributorGroup.objects.filter(admin_group__user=user)


def can_manage_members(user, group):
    return groups_managed_by(user).filter(pk=group.pk).exists()


class LeafPagePermissionTester(PagePermissionTester):
    """Answer whether a leaf page may be deleted from the page itself, without a query.

    Wagtail asks whether any page in the subtree is live (or owned by someone else) with one
    query per page; a page list asks it for every row. Posts have no children, so the subtree
    is the page alone.
    """

    def can_delete(self, ignore_bulk=False):
        if self.page.numchild or self.page_is_root or not self.user.is_active:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if self.user.is_superuser:
            return True
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            owned = self.page.owner_id == self.user.pk
            return owned if "publish" in self.permissions else owned and not self.page.live
        return False
