"""Admin views: the second factor (enrol, verify, recovery codes) and sign-in lockouts."""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from wagtail.admin import messages
from wagtail.log_actions import log

from kim.permissions import groups_managed_by, is_district_staff

from . import second_factor
from .forms import CodeForm, EnrolForm


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "/admin/"


def _account(request):
    """The signed-in user as a model instance (the audit log needs one, not a lazy object)."""
    return get_user_model()._default_manager.get(pk=request.user.pk)


def verify(request):
    """Ask an enrolled user for a code from their app, or a recovery code."""
    if not second_factor.is_enrolled(request.user):
        return redirect("signin_enrol")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right, or was already used. Try the newest."))
    return render(
        request,
        "signin/verify.html",
        {
            "page_title": _("Two-step sign-in"),
            "header_icon": "key",
            "form": form,
            "next": _next_url(request),
        },
    )


def enrol(request):
    """Set up an authenticator app: scan, type its first code, keep the recovery codes."""
    if second_factor.is_enrolled(request.user) and not request.user.is_verified():
        return redirect("signin_verify")
    device = second_factor.pending_authenticator(request.user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.authenticator_confirm(device=device, token=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            log(instance=device.user, action="signin.second_factor_enrolled", user=device.user)
            return _show_recovery_codes(request, codes)
        form.add_error("code", _("That code is not right. Check the phone's clock and try again."))
    return render(
        request,
        "signin/enrol.html",
        {
            "page_title": _("Set up two-step sign-in"),
            "header_icon": "key",
            "form": form,
            "qr_svg": second_factor.qr_svg(device),
            "secret": second_factor.secret_in_groups(device),
            "required": second_factor.requires_second_factor(request.user),
            "next": _next_url(request),
        },
    )


def _show_recovery_codes(request, codes):
    return render(
        request,
        "signin/recovery_codes.html",
        {
            "page_title": _("Your recovery codes"),
            "header_icon": "key",
            "codes": codes,
            "next": _next_url(request),
        },
    )


def manage(request):
    """The user's own two-step sign-in: state, and new recovery codes."""
    enrolled = second_factor.is_enrolled(request.user)
    if request.method == "POST" and enrolled:
        codes = second_factor.recovery_codes_renew(user=request.user)
        account = _account(request)
        log(instance=account, action="signin.recovery_codes_renewed", user=account)
        return _show_recovery_codes(request, codes)
    return render(
        request,
        "signin/manage.html",
        {
            "page_title": _("Two-step sign-in"),
            "header_icon": "key",
            "enrolled": enrolled,
            "required": second_factor.requires_second_factor(request.user),
        },
    )


def _visible_usernames(user):
    """The accounts whose sign-in this user may unlock: everyone for district staff."""
    if is_district_staff(user):
        return None
    groups = groups_managed_by(user)
    return set(
        get_user_model()
        .objects.filter(groups__contributor_as_members__in=groups)
        .values_list("username", flat=True)
    )


def lockouts(request):
    """Accounts (and, for district staff, addresses) locked after wrong passwords."""
    visible = _visible_usernames(request.user)
    if visible is not None and not groups_managed_by(request.user).exists():
        raise PermissionDenied
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    accounts = (
        recent.exclude(username=None)
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.SIGNIN_ACCOUNT_FAILURES)
        .order_by("username")
    )
    if visible is not None:
        accounts = accounts.filter(username__in=visible)
    addresses = []
    if visible is None:
        addresses = (
            recent.values("ip_address")
            .annotate(failures=Sum("failures_since_start"))
            .filter(failures__gte=settings.SIGNIN_ADDRESS_FAILURES)
            .order_by("ip_address")
        )
    return render(
        request,
        "signin/lockouts.html",
        {
            "page_title": _("Sign-in lockouts"),
            "header_icon": "lock",
            "accounts": accounts,
            "addresses": addresses,
        },
    )


@require_POST
def unlock_account(request):
    username = request.POST.get("username", "")
    visible = _visible_usernames(request.user)
    if visible is not None and username not in visible:
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), username=username)
    reset(username=username)
    log(instance=account, action="signin.unlocked", user=request.user)
    messages.success(request, _("%(username)s can sign in again.") % {"username": username})
    return redirect("signin_lockouts")


@require_POST
def unlock_address(request):
    if not is_district_staff(request.user):
        raise PermissionDenied
    address = request.POST.get("ip_address", "")
    reset(ip=address)
    log(
        instance=_account(request),
        action="signin.address_unlocked",
        user=request.user,
        data={"ip_address": address},
    )
    messages.success(request, _("Sign-in from %(address)s is open again.") % {"address": address})
    return redirect("signin_lockouts")


@require_POST
def reset_second_factor(request, user_id):
    """Let an editor clear a colleague's lost phone: they enrol again at next sign-in."""
    if not is_district_staff(request.user):
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), pk=user_id)
    if account.pk == request.user.pk:
        raise PermissionDenied
    second_factor.second_factor_reset(user=account)
    log(instance=account, action="signin.second_factor_reset", user=request.user)
    messages.success(
        request,
        _("%(username)s sets up two-step sign-in again at the next sign-in.")
        % {"username": account.get_username()},
    )
    return redirect(_next_url(request))
