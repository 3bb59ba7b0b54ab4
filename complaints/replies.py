"""The ready-to-paste reply an admin posts back on the channel the complaint came from."""

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _


def channel_reply(complaint):
    """Indonesian text with the agency's answer and, once published, the link to it."""
    from .tasks import public_url

    source = complaint.answered_by_link or complaint
    answer = source.public_answer
    with translation.override(settings.LANGUAGE_CODE):
        if answer is None:
            return ""
        agency = source.agency.name if source.agency else _("the district government")
        text = _(
            "Hello, thank you for your report (%(reference)s). The answer from %(agency)s: "
            "%(answer)s"
        ) % {
            "reference": complaint.reference,
            "agency": agency,
            "answer": Truncator(" ".join(answer.text.split())).chars(400),
        }
        if source.published_at:
            text += " " + _("Read it in full: %(url)s") % {"url": public_url(source)}
        return text
