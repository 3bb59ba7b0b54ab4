from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from kim.permissions import groups_managed_by

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Pages under dua-langkah/ are reachable before the second factor is given.
    return [
        path("dua-langkah/", views.verify, name="signin_verify"),
        path("dua-langkah/daftar/", views.enrol, name="signin_enrol"),
        path("akun/dua-langkah/", views.manage, name="signin_manage"),
        path(
            "akun/dua-langkah/atur-ulang/<int:user_id>/",
            views.reset_second_factor,
            name="signin_reset_second_factor",
        ),
        path("kunci-masuk/", views.lockouts, name="signin_lockouts"),
        path("kunci-masuk/akun/", views.unlock_account, name="signin_unlock_account"),
        path("kunci-masuk/alamat/", views.unlock_address, name="signin_unlock_address"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return groups_managed_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"), reverse("signin_lockouts"), icon_name="lock", order=225
    )


@hooks.register("register_admin_menu_item")
def register_second_factor_menu_item():
    return MenuItem(_("Two-step sign-in"), reverse("signin_manage"), icon_name="key", order=10_000)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("signin.unlocked", _("Sign-in unlocked"), _("Sign-in unlocked"))
    actions.register_action(
        "signin.address_unlocked", _("Sign-in address unlocked"), _("Sign-in address unlocked")
    )
    actions.register_action(
        "signin.second_factor_enrolled",
        _("Two-step sign-in set up"),
        _("Two-step sign-in set up"),
    )
    actions.register_action(
        "signin.recovery_codes_renewed",
        _("Recovery codes renewed"),
        _("Recovery codes renewed"),
    )
    actions.register_action(
        "signin.second_factor_reset",
        _("Two-step sign-in reset"),
        _("Two-step sign-in reset"),
    )
