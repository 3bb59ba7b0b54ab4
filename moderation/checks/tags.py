"""Gambling terms glued into one word, as in tags and hashtags (#SlotGacor, slotgacor)."""

import re

from .links import GAMBLING_WORDS
from .text import collapse

HASHTAG = re.compile(r"#(\w{4,})")
WORD = re.compile(r"\w{4,}")
# Words glued to "slot" in gambling promotion; "slot" alone is a time slot.
SLOT_PARTNERS = ("gacor", "online", "maxwin", "88", "777", "4d", "gampang", "jp", "resmi")
# Campaigns against gambling glue their words too: #StopJudiOnline, #BerantasJudol.
AGAINST = (
    "stop",
    "anti",
    "tolak",
    "berantas",
    "lawan",
    "bahaya",
    "tangkap",
    "cegah",
    "waspada",
    "sayno",
    "bukan",
    "jauhi",
    "hindari",
    "perangi",
    "basmi",
)


def _glued_term(word):
    lower = collapse(word.lower())
    if any(word in lower for word in AGAINST):
        return ""
    for term in GAMBLING_WORDS:
        if term in lower and lower != term:
            return term
    if lower.startswith("slot") and lower.removeprefix("slot").startswith(SLOT_PARTNERS):
        return "slot"
    return ""


def find_glued_gambling(text, *, every_word=False):
    """Return (start, end) of each hashtag, or each word when ``every_word``, hiding a term.

    Word lists match whole words, so "slotgacor" passes them; a tag or hashtag is one word
    by nature, so within them a gambling term is looked for inside the word.
    """
    pattern = WORD if every_word else HASHTAG
    found = []
    for match in pattern.finditer(text or ""):
        word = match.group(match.lastindex or 0)
        if _glued_term(word):
            found.append((match.start(), match.end()))
    return found
