"""The moderation pre-check's checks, run on a complaint as plain functions.

They inform triage and mask public answers; they never block a complaint: a resident who
swears is still a resident with a problem.
"""

from dataclasses import dataclass

from moderation.checks.engine import Rules
from moderation.checks.personal_data import find_personal_data
from moderation.checks.types import FlagCode

MASK = "[disamarkan]"
LEFT_OUT = "[…]"
WORD_CODES = (FlagCode.HATE_SPEECH, FlagCode.PROFANITY)


@dataclass(frozen=True)
class ComplaintFlag:
    code: str
    label: str
    excerpt: str
    message: str = ""


def _spans(text, rules):
    spans = [(f.start, f.end, FlagCode.PERSONAL_DATA, f.message) for f in find_personal_data(text)]
    for code in WORD_CODES:
        for match in rules.matchers[code].find(text):
            spans.append((match.start, match.end, code, ""))
    return sorted(spans)


def complaint_flags(text, *, rules=None):
    """The flags the pre-check would raise on this text: personal data, hate, insults."""
    rules = rules or Rules.from_database()
    return [
        ComplaintFlag(code=code, label=FlagCode(code).label, excerpt=text[start:end], message=msg)
        for start, end, code, msg in _spans(text, rules)
    ]


def masked_text(text, *, rules=None):
    """The text for the public: personal data masked, insults and hate speech left out."""
    rules = rules or Rules.from_database()
    out = []
    position = 0
    for start, end, code, _message in _spans(text, rules):
        if start < position:
            continue
        out.append(text[position:start])
        out.append(MASK if code == FlagCode.PERSONAL_DATA else LEFT_OUT)
        position = end
    out.append(text[position:])
    return "".join(out)
