"""Login cards: a QR code of the login address as inline SVG, and the cards as CSV."""

import csv
import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def login_url(request):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or request.build_absolute_uri("/")
    return base.rstrip("/") + reverse("wagtailadmin_login")


# ISO/IEC 18004 asks for a quiet zone of four modules around the code; phone scanners
# fail on a printed code that has less.
QUIET_ZONE = 4


def qr_svg(url):
    """An SVG QR code (segno writes it; no outside service), safe to inline.

    It carries only a viewBox, no width or height, so CSS sizes the whole code, quiet zone
    included, instead of cropping a fixed-size drawing.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        border=QUIET_ZONE,
        svgclass="ws-qr",
    )
    return mark_safe(buffer.getvalue().decode())  # noqa: S308 (segno's own markup)


def cards_csv(workshop, credentials, url):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Number"),
            _("Name"),
            _("Username"),
            _("Temporary password"),
            _("Login address"),
            _("Workshop"),
        ]
    )
    for credential in credentials:
        participant = credential.participant
        writer.writerow(
            [
                participant.number,
                participant.full_name,
                participant.username,
                credential.password,
                url,
                str(workshop),
            ]
        )
    return out.getvalue()
