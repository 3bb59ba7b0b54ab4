from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from moderation.workflow import EXTRA_REVIEWER_HOOK

from . import views
from .models import Participant
from .permissions import can_create_workshops, can_see_monev, trains_sandbox_of


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("pelatihan/", views.workshop_list, name="workshops_list"),
        path("pelatihan/baru/", views.workshop_create, name="workshops_create"),
        path("pelatihan/<int:pk>/", views.workshop_detail, name="workshops_detail"),
        path(
            "pelatihan/<int:pk>/peserta/", views.participants_add, name="workshops_participants_add"
        ),
        path(
            "pelatihan/<int:pk>/sandi/",
            views.passwords_regenerate,
            name="workshops_passwords_regenerate",
        ),
        path("pelatihan/<int:pk>/pelatih/", views.trainers_set, name="workshops_trainers"),
        path("pelatihan/<int:pk>/papan/", views.board, name="workshops_board"),
        path("pelatihan/<int:pk>/papan.json", views.board_data, name="workshops_board_data"),
        path("pelatihan/<int:pk>/pindah/", views.participants_move, name="workshops_move"),
        path("pelatihan/<int:pk>/hapus-sandbox/", views.purge, name="workshops_purge"),
        path("latihan/", views.exercise_list, name="workshops_exercises"),
        path("latihan/<slug:slug>/mulai/", views.exercise_start, name="workshops_exercise_start"),
        path("panduan/", views.guide_list, name="workshops_guides"),
        path("panduan/<slug:slug>/", views.guide_detail, name="workshops_guide"),
        path("monev/", views.monev_report, name="workshops_monev"),
        path("monev/kelompok/<int:pk>/", views.monev_group, name="workshops_monev_group"),
    ]


# Wagtail's own help items open its English release notes and editor guide; the portal's
# guides (above) take their place.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def drop_wagtails_english_help(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not str(item.name).startswith(WAGTAIL_HELP_ITEMS)
    ]


@hooks.register(EXTRA_REVIEWER_HOOK)
def trainer_reviews_own_sandbox(page, user):
    """Trainers review posts in the sandboxes of the workshops they run, and nowhere else."""
    return trains_sandbox_of(user, page)


class WorkshopsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_create_workshops(request.user)


class MonevMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_monev(request.user)


class ExercisesMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            Participant.objects.in_sandbox()
            .filter(user=request.user, workshop__status="open")
            .exists()
        )


@hooks.register("register_admin_menu_item")
def register_workshops_menu_item():
    return WorkshopsMenuItem(
        _("Workshops"), reverse("workshops_list"), icon_name="group", order=240
    )


@hooks.register("register_admin_menu_item")
def register_exercises_menu_item():
    return ExercisesMenuItem(
        _("Exercises"), reverse("workshops_exercises"), icon_name="edit", order=105
    )


@hooks.register("register_admin_menu_item")
def register_guides_menu_item():
    return MenuItem(_("Guides"), reverse("workshops_guides"), icon_name="help", order=900)


@hooks.register("register_admin_menu_item")
def register_monev_menu_item():
    return MonevMenuItem(_("Monev"), reverse("workshops_monev"), icon_name="table", order=245)
