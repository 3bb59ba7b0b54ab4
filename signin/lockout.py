"""The answer to a sign-in refused because the account or the address is locked."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import LoginForm


def lockout_response(request, original_response=None, credentials=None):
    """Show the sign-in page again, with why it is refused and what to do, as 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many wrong passwords: signing in to this account or from this address is locked "
        "for %(minutes)d minutes. Ask your group admin or a Diskominfo editor to unlock it "
        "sooner."
    ) % {"minutes": minutes}
    form = LoginForm(request=request)
    return render(
        request,
        "signin/login_locked.html",
        {"form": form, "lockout_message": message, "next": request.POST.get("next", "")},
        status=429,
    )
