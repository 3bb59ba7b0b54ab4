"""What the checks read (a post as plain data) and what they return (flags)."""

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class FlagCode(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Personal data")
    HATE_SPEECH = "hate_speech", _("Hate speech (SARA)")
    PROFANITY = "profanity", _("Insults and profanity")
    HOAX_MATCH = "hoax_match", _("Resembles a debunked claim")
    MISSING_SOURCE = "missing_source", _("Missing source")
    SUSPICIOUS_LINK = "suspicious_link", _("Suspicious link")
    GAMBLING = "gambling", _("Online gambling")
    DUPLICATE = "duplicate", _("Duplicate of a published post")
    MISSING_ALT_TEXT = "missing_alt_text", _("Missing alternative text")
    TOO_SHORT = "too_short", _("Too short")
    HIDDEN_TEXT = "hidden_text", _("Text hidden from readers")


class Severity(models.TextChoices):
    BLOCK = "block", _("Blocks submission")
    WARN = "warn", _("Warns only")


BLOCKING_BY_DEFAULT = frozenset(
    {
        FlagCode.GAMBLING,
        FlagCode.PERSONAL_DATA,
        FlagCode.HATE_SPEECH,
        FlagCode.HOAX_MATCH,
        FlagCode.HIDDEN_TEXT,
    }
)
# Suffix of the field of a part that holds the text a field hides from readers.
HIDDEN_SUFFIX = ".hidden"


@dataclass(frozen=True)
class TextPart:
    """One piece of the post's text: a field, or one block of the body.

    ``text`` is what a reader sees; ``html`` is the stored markup, kept so that links and
    text hidden from view can be checked too. Flag offsets index into ``text``.
    ``hidden_reasons`` say how the field hides text (``display:none``, zero-width
    characters...); the hidden text itself is checked as a part of its own (``text_parts``).
    """

    field: str
    text: str
    html: str = ""
    block_index: int | None = None
    block_id: str | None = None
    hidden_text: str = ""
    hidden_reasons: tuple = ()


@dataclass(frozen=True)
class Link:
    url: str
    text: str = ""
    field: str = "body"
    block_index: int | None = None
    hidden_reason: str = ""


@dataclass(frozen=True)
class ImageRef:
    field: str
    alt: str
    block_index: int | None = None
    label: str = ""


@dataclass(frozen=True)
class SourceRef:
    title: str
    url: str = ""
    description: str = ""


@dataclass
class PostInput:
    """A post as the checks see it, independent of Wagtail."""

    title: str
    summary: str = ""
    body: list[TextPart] = field(default_factory=list)
    extra_parts: list[TextPart] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    category_slug: str = ""
    needs_source: bool = False
    page_id: int | None = None
    # How the title or summary hid text (zero-width characters...), by field name.
    hidden_reasons: dict = field(default_factory=dict)

    @property
    def text_parts(self):
        """Every part that can reach a reader: title, summary, body blocks, other fields.

        Text a field hides from view follows as a part of its own, named after the field with
        ``.hidden``, so that every check reads it as if it were shown.
        """
        reasons = self.hidden_reasons
        head = [TextPart("title", self.title, hidden_reasons=reasons.get("title", ()))]
        if self.summary:
            head.append(
                TextPart("summary", self.summary, hidden_reasons=reasons.get("summary", ()))
            )
        parts = head + list(self.body) + list(self.extra_parts)
        hidden = [
            TextPart(part.field + HIDDEN_SUFFIX, part.hidden_text, block_index=part.block_index)
            for part in parts
            if part.hidden_text.strip() and not part.field.endswith(HIDDEN_SUFFIX)
        ]
        return parts + hidden

    @property
    def body_text(self):
        return "\n".join(part.text for part in self.body)


_SPACES = re.compile(r"\s+")


def fingerprint(code, excerpt):
    """Identify a flag by its code and the text it is about, not by where the text sits.

    A dismissal keyed on this survives edits elsewhere in the post; changing the flagged text
    itself brings the flag back, which is what an editor who dismissed it would expect.
    """
    normalised = _SPACES.sub(" ", excerpt or "").strip().casefold()
    return hashlib.sha256(f"{code}\x00{normalised}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    excerpt: str = ""
    field: str = ""
    block_index: int | None = None
    start: int | None = None
    end: int | None = None
    severity: str = Severity.WARN
    related: dict = dataclasses.field(default_factory=dict, compare=False, hash=False)

    @property
    def fingerprint(self):
        return fingerprint(self.code, self.excerpt)

    @property
    def blocks(self):
        return self.severity == Severity.BLOCK

    def as_dict(self):
        """The flag as stored and shown: personal data in the quoted text is masked."""
        from .mask import mask_personal_data

        return {
            "code": str(self.code),
            "message": mask_personal_data(str(self.message)),
            "excerpt": mask_personal_data(self.excerpt),
            "field": self.field,
            "block_index": self.block_index,
            "start": self.start,
            "end": self.end,
            "severity": str(self.severity),
            "fingerprint": self.fingerprint,
        }
