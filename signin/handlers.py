"""How many wrong passwords lock an account, and how many an address."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SignInAttemptHandler(AxesDatabaseHandler):
    """django-axes' database handler with a higher limit for an address than for an account.

    An account is guessed at from anywhere, so it is locked after a few failures
    (SIGNIN_ACCOUNT_FAILURES). An address is shared by a whole workshop room behind one
    router, where a hundred people type temporary passwords at once, so it is locked only
    after many more (SIGNIN_ADDRESS_FAILURES). Axes compares one number with one limit: an
    address's failures are scaled down to the account limit.
    """

    def get_failures(self, request, credentials=None) -> int:
        since = get_cool_off_threshold(request)
        recent = AccessAttempt.objects.filter(attempt_time__gte=since)
        username = get_client_username(request, credentials)
        by_account = _failures(recent.filter(username=username)) if username else 0
        by_address = _failures(recent.filter(ip_address=request.axes_ip_address))
        scaled = by_address * settings.SIGNIN_ACCOUNT_FAILURES // settings.SIGNIN_ADDRESS_FAILURES
        return max(by_account, scaled)


# django-axes stores the name tried in a column of 255 characters; PostgreSQL refuses longer
# values, so a typed-in essay would answer 500 instead of "wrong password".
USERNAME_STORED_LENGTH = 255


def attempted_username(request, credentials=None):
    """The user name a sign-in tried, cut to what django-axes can store (AXES_USERNAME_CALLABLE)."""
    if credentials:
        name = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        name = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    if not isinstance(name, str):
        return name
    return name.replace("\x00", "")[:USERNAME_STORED_LENGTH]
