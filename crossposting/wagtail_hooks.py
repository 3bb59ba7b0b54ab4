"""Attach cross-posting to Wagtail's admin: menu, post buttons, unpublish offer, dashboard."""

from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from kim.models import PostPage
from kim.permissions import is_district_staff

from . import views
from .models import CrossPostPlan, Delivery, SocialAccount
from .permissions import accounts_managed_by, admin_groups, can_crosspost


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("crossposting/accounts/", views.account_list, name="crossposting_accounts"),
        path("crossposting/accounts/add/", views.account_edit, name="crossposting_account_add"),
        path(
            "crossposting/accounts/<int:pk>/", views.account_edit, name="crossposting_account_edit"
        ),
        path("crossposting/posts/<int:page_id>/", views.post_crosspost, name="crossposting_post"),
        path(
            "crossposting/posts/<int:page_id>/shared/<int:account_id>/",
            views.manual_share,
            name="crossposting_manual_share",
        ),
        path(
            "crossposting/posts/<int:page_id>/unpublished/",
            views.post_unpublished,
            name="crossposting_unpublished",
        ),
        path(
            "crossposting/deliveries/<int:pk>/<slug:action>/",
            views.delivery_action,
            name="crossposting_delivery_action",
        ),
        path(
            "crossposting/district-messages/",
            views.district_messages,
            name="crossposting_district_messages",
        ),
    ]


class AccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_district_staff(request.user) or admin_groups(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_accounts_menu_item():
    return AccountsMenuItem(
        _("Social accounts"), reverse("crossposting_accounts"), icon_name="site", order=240
    )


def _crosspost_button(page, user, priority):
    if not isinstance(page.specific_deferred, PostPage):
        return None
    post = page.specific_deferred
    if not can_crosspost(user, post):
        return None
    return Button(
        _("Cross-post"),
        reverse("crossposting_post", args=[page.pk]),
        icon_name="link",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    if button := _crosspost_button(page, user, priority=62):
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    if button := _crosspost_button(page, user, priority=45):
        yield button


@hooks.register("after_unpublish_page")
def offer_remote_deletion(request, page):
    if not isinstance(page.specific_deferred, PostPage):
        return None
    if Delivery.objects.filter(post_id=page.pk).may_exist().exists():
        return redirect("crossposting_unpublished", page_id=page.pk)
    return None


class CrosspostingPanel(Component):
    """Dashboard panel: accounts to reconnect, and district messages for group admins."""

    name = "crossposting"
    order = 90

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        broken = accounts_managed_by(user).needing_reconnect().select_related("group")
        messages = []
        if admin_groups(user).exists():
            offered = SocialAccount.objects.filter(group__in=admin_groups(user), enabled=True)
            messages = list(
                PostPage.objects.live()
                .filter(is_district_message=True)
                .exclude(deliveries__account__in=offered)
                .order_by("-first_published_at")[:5]
            )
        if not broken and not messages:
            return ""
        return render_to_string(
            "crossposting/dashboard_panel.html",
            {"broken": broken, "district_messages": messages},
            request=self.request,
        )


@hooks.register("construct_homepage_panels")
def add_crossposting_panel(request, panels):
    panels.append(CrosspostingPanel(request))


@hooks.register("moderation_precheck_texts")
def texts_for_precheck(page):
    """The texts kept for each network, so the pre-check reads what networks will get.

    A network without a kept text gets the default (services.text_for), made of the
    post's title, summary and tags, which the pre-check reads already.
    """
    if not isinstance(page, PostPage) or not page.pk:
        return []
    plan = CrossPostPlan.objects.filter(post_id=page.pk).first()
    if plan is None:
        return []
    return [
        (f"crosspost.{network}", text)
        for network, text in sorted(plan.texts.items())
        if text and text.strip()
    ]
