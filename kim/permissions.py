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


def publishes_through_review(page_class):
    """Whether pages of this class go live only when the moderation workflow approves them."""
    return bool(page_class and getattr(page_class, "publish_through_review", False))


class ReviewedPagePermissionTester(PagePermissionTester):
    """Nobody publishes a reviewed page type directly, superusers included.

    Posts and group pages go live only when their moderation workflow finishes, which
    publishes without asking for this right (moderation.publishing). Everything else the
    "publish" right gives stays: unpublishing, deleting or moving a live page, view
    restrictions, unscheduling. Every publish route of Wagtail's admin asks this object: the
    edit and create views, revisions (revert), bulk publish, copies with "publish copies" and
    aliases (through can_publish_subpage on the parent).
    """

    def can_publish(self):
        if publishes_through_review(self.page.specific_class):
            return False
        return super().can_publish()

    def can_publish_subpage(self):
        specific_class = self.page.specific_class
        if specific_class and any(
            publishes_through_review(model) for model in specific_class.creatable_subpage_models()
        ):
            return False
        return super().can_publish_subpage()

    def can_set_view_restrictions(self):
        return PagePermissionTester.can_publish(self)

    def can_unschedule(self):
        return PagePermissionTester.can_publish(self)


class LeafPagePermissionTester(ReviewedPagePermissionTester):
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
