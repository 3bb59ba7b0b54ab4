"""Admin views for group admins and editors: members, first-login password, coverage."""

import csv

from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel

from . import services
from .coverage import district_coverage
from .forms import AccountNameForm, MemberForm, MoveMemberForm
from .models import ContributorGroup, Region
from .permissions import can_manage_members, groups_managed_by, is_district_staff


def _managed_group(request, pk):
    group = get_object_or_404(ContributorGroup, pk=pk)
    if not can_manage_members(request.user, group):
        raise PermissionDenied
    return group


def _group_member(group, user_id):
    return get_object_or_404(get_user_model(), pk=user_id, groups=group.member_group)


def member_groups(request):
    """List the groups whose members the user manages; go straight in when there is one."""
    groups = groups_managed_by(request.user).select_related("region")
    if not is_district_staff(request.user):
        if not groups:
            raise PermissionDenied
        if len(groups) == 1:
            return redirect("kim_members", pk=groups[0].pk)
    return render(
        request,
        "kim/admin/member_groups.html",
        {"page_title": _("Members"), "header_icon": "group", "groups": groups},
    )


def member_list(request, pk):
    group = _managed_group(request, pk)
    members = (
        get_user_model()
        .objects.filter(groups=group.member_group)
        .select_related("member_profile")
        .order_by("first_name", "username")
    )
    admin_ids = set(group.admin_group.user_set.values_list("pk", flat=True))
    return render(
        request,
        "kim/admin/member_list.html",
        {
            "page_title": group.name,
            "page_subtitle": _("Members"),
            "header_icon": "group",
            "group": group,
            "members": members,
            "admin_ids": admin_ids,
            "can_move": is_district_staff(request.user),
        },
    )


def member_add(request, pk):
    group = _managed_group(request, pk)
    allow_admin = is_district_staff(request.user)
    form = MemberForm(request.POST or None, allow_admin=allow_admin)
    if request.method == "POST" and form.is_valid():
        user, password = services.member_create(
            group=group,
            full_name=form.cleaned_data["full_name"],
            username=form.cleaned_data["username"],
            phone=form.cleaned_data["phone"],
            email=form.cleaned_data["email"],
            as_admin=form.cleaned_data.get("as_admin", False),
        )
        return _show_password(request, group, user, password)
    return render(
        request,
        "kim/admin/member_form.html",
        {
            "page_title": _("Add a member"),
            "page_subtitle": group.name,
            "header_icon": "user",
            "group": group,
            "form": form,
        },
    )


def _show_password(request, group, user, password):
    # Rendered in the POST response and never stored: the password is shown only this once.
    response = render(
        request,
        "kim/admin/member_password.html",
        {
            "page_title": _("Temporary password"),
            "header_icon": "key",
            "group": group,
            "member": user,
            "password": password,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def _confirm(request, group, user, *, title, question, button, active=None):
    """Ask before an action that locks a member out of the password they know."""
    return render(
        request,
        "kim/admin/member_confirm.html",
        {
            "page_title": title,
            "page_subtitle": user.get_full_name() or user.username,
            "header_icon": "warning",
            "group": group,
            "member": user,
            "question": question,
            "button": button,
            "active": active,
        },
    )


@require_http_methods(["GET", "POST"])
def member_reset_password(request, pk, user_id):
    group = _managed_group(request, pk)
    user = _group_member(group, user_id)
    if request.method == "GET":
        return _confirm(
            request,
            group,
            user,
            title=_("New temporary password"),
            question=_(
                "%(name)s will no longer be able to sign in with their current password and "
                "must use the new temporary password. Continue?"
            )
            % {"name": user.get_full_name() or user.username},
            button=_("Yes, make a new temporary password"),
        )
    password = services.member_reset_password(user=user)
    return _show_password(request, group, user, password)


@require_http_methods(["GET", "POST"])
def member_set_active(request, pk, user_id):
    group = _managed_group(request, pk)
    user = _group_member(group, user_id)
    if user == request.user:
        raise PermissionDenied
    if request.method == "GET":
        return _confirm(
            request,
            group,
            user,
            title=_("Deactivate a member"),
            question=_(
                "%(name)s will no longer be able to sign in. Their posts stay. You can "
                "reactivate the account later. Continue?"
            )
            % {"name": user.get_full_name() or user.username},
            button=_("Yes, deactivate"),
            active="0",
        )
    active = request.POST.get("active") == "1"
    services.member_set_active(user=user, active=active)
    message = _("%(name)s can sign in again.") if active else _("%(name)s can no longer sign in.")
    messages.success(request, message % {"name": user.get_full_name() or user.username})
    return redirect("kim_members", pk=group.pk)


def member_move(request, pk, user_id):
    if not is_district_staff(request.user):
        raise PermissionDenied
    group = get_object_or_404(ContributorGroup, pk=pk)
    user = _group_member(group, user_id)
    form = MoveMemberForm(request.POST or None)
    form.fields["to_group"].queryset = form.fields["to_group"].queryset.exclude(pk=group.pk)
    if request.method == "POST" and form.is_valid():
        to_group = form.cleaned_data["to_group"]
        services.member_move(user=user, to_group=to_group)
        messages.success(
            request,
            _("%(name)s is now a member of %(group)s.")
            % {"name": user.get_full_name() or user.username, "group": to_group.name},
        )
        return redirect("kim_members", pk=to_group.pk)
    return render(
        request,
        "kim/admin/member_move.html",
        {
            "page_title": _("Move a member"),
            "page_subtitle": user.get_full_name() or user.username,
            "header_icon": "arrow-right",
            "group": group,
            "member": user,
            "form": form,
        },
    )


def first_password(request):
    """Make a member replace the temporary password before using the admin."""
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        services.password_changed(user=request.user)
        messages.success(request, _("Your new password is saved."))
        return redirect("wagtailadmin_home")
    return render(
        request,
        "kim/admin/first_password.html",
        {
            "page_title": _("Choose your own password"),
            "header_icon": "key",
            "form": form,
        },
    )


def coverage(request):
    if not is_district_staff(request.user):
        raise PermissionDenied
    districts = list(Region.objects.districts())
    code = request.GET.get("kabupaten") or (districts[0].code if districts else "")
    district = next((d for d in districts if d.code == code), None)
    report = district_coverage(district) if district else None
    if report and request.GET.get("format") == "csv":
        return _coverage_csv(report)
    return render(
        request,
        "kim/admin/coverage.html",
        {
            "page_title": _("Coverage"),
            "header_icon": "site",
            "districts": districts,
            "district": district,
            "report": report,
        },
    )


def _coverage_csv(report):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"cakupan-kim-{report.district.code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(
        [_("Code"), _("Sub-district"), _("Village"), _("Active groups"), _("Group names")]
    )
    for row in report.rows:
        writer.writerow(
            [
                row.region.code,
                row.subdistrict.name,
                row.region.name if row.region != row.subdistrict else "",
                len(row.groups),
                "; ".join(g.name for g in row.groups),
            ]
        )
    return response


class AccountNameSettingsPanel(NameEmailSettingsPanel):
    form_class = AccountNameForm


class MemberAccountView(AccountView):
    """Wagtail's account settings, with a name form that members without e-mail can save."""

    def get_panels(self):
        return [
            AccountNameSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]
