"""Who may run workshops, see their boards, review their sandboxes and read the monev report."""

from kim.permissions import is_district_staff
from kim.roles import Role


def is_trainer(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=Role.TRAINER).exists()


def can_create_workshops(user):
    return is_trainer(user) or is_district_staff(user)


def can_run_workshop(user, workshop):
    """Open the board, print cards, move participants and purge: its trainers and editors."""
    if is_district_staff(user):
        return True
    return is_trainer(user) and workshop.trainers.filter(pk=user.pk).exists()


def workshops_visible_to(user):
    from .models import Workshop

    if is_district_staff(user):
        return Workshop.objects.all()
    if is_trainer(user):
        return Workshop.objects.trained_by(user)
    return Workshop.objects.none()


def can_see_monev(user):
    return is_trainer(user) or is_district_staff(user)


def trains_sandbox_of(user, page):
    """Is the user a trainer of the open workshop whose sandbox holds this page?"""
    from kim.models import GroupPage

    from .models import WorkshopStatus

    if not is_trainer(user):
        return False
    # The page itself or one of its ancestors: compare tree paths, one query, any page type.
    steplen = GroupPage.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return GroupPage.objects.filter(
        path__in=paths,
        is_training=True,
        contributor__workshop__trainers=user,
        contributor__workshop__status=WorkshopStatus.OPEN,
    ).exists()
