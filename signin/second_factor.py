"""Who must sign in with a second factor, and the devices that give it (django-otp)."""

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kim.roles import Role

# Everyone who can publish, approve, or manage accounts or groups.
ROLES_REQUIRING_SECOND_FACTOR = (Role.EDITOR, Role.ADMINISTRATOR, Role.GROUP_ADMIN, Role.TRAINER)
RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def requires_second_factor(user):
    """Whether this account may use the admin only after a second factor.

    Required of superusers and the roles above; a member who enrolled on their own is held
    to it too, so that enrolling protects them.
    """
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_requires_second_factor"):
        user._requires_second_factor = (
            user.is_superuser
            or user.groups.filter(name__in=ROLES_REQUIRING_SECOND_FACTOR).exists()
            or user_has_device(user, confirmed=True)
        )
    return user._requires_second_factor


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The authenticator being enrolled: made once, confirmed by the first correct code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def qr_svg(device):
    """The enrolment QR code as inline SVG, drawn here: the secret never leaves the page."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000")


def secret_in_groups(device):
    """The secret in base32, in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def recovery_codes_renew(*, user):
    """Replace the user's recovery codes with new ones; return them to show once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def authenticator_confirm(*, device, token):
    """Confirm a pending authenticator with a first code; return new recovery codes or None."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def second_factor_reset(*, user):
    """Remove every device of the user: they enrol again at their next sign-in."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
