"""Word-list matching for hate speech, profanity and gambling terms.

Matching is on normalised tokens: lower case, repeated letters collapsed (gooblok), digits and
signs read as letters (g0bl0k, b@ngsat), spelled-out words joined (a.n.j.i.n.g), an asterisk
read as any one letter (anj*ng), and particles or possessives dropped (goblokmu). A term is
not reported when one of its harmless context words stands near it (anjing peliharaan), or when
its rule needs a context word and none is near (slot + gacor). A term is not reported either
in a text about a harmless topic (rabies, ASF, a police raid on gambling) unless it is aimed
at someone: "dasar anjing", "kamu babi", or, for gambling, a call to sign up or deposit.

The kinds ``group``, ``hostile``, ``likened`` and ``tolerance`` are not matched here: they are
the lexicon of the SARA hostility check (``sara.py``).
"""

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import collapse, sentences, stem, tokenize

CONTEXT_WINDOW = 6
SUFFIXES = ("nya", "lah", "kah", "mu", "ku", "lu", "lo")
QUOTES = "\"'“”‘’«»„`"
# Stems that show a word is being talked about rather than hurled: "dipanggil 'bodoh'",
# "julukan 'kampret'", "kata-kata kasar seperti 'goblok'". Only applies to quoted terms.
MENTION_MARKERS = frozenset(
    "panggil sebut katai ejek juluk rundung bully bullying hina umpat maki kasar kata istilah "
    "candaan".split()
)


# An insult word is read literally, not hurled, after a counting word ("12 ekor babi", "seekor
# anjing"): nobody counts people in tails.
COUNTING_WORDS = frozenset("ekor seekor kawanan sekawanan".split())
# Stems just before an unquoted insult that show it is named, not hurled: "dengan sebutan
# bodoh", "ejekan seperti tolol", "dicap goblok".
NAMING_STEMS = frozenset(
    "sebut panggil juluk ejek label cap istilah umpat maki hina olok katai".split()
)
NEGATIONS = frozenset("tidak tak bukan nggak gak ndak enggak ora dudu tiada".split())
# Words before an insult that aim it at a person, even in a text about animals.
ADDRESS_MARKERS = frozenset(
    "kau kamu lu lo loe elu elo gue kalian sia kowe koe ente antum dasar memang emang kayak "
    "kaya kek macam ibarat cangkemmu".split()
)
ADDRESS_AFTER = frozenset("lu lo loe elu elo kau kamu kalian sia kowe koe ente".split())
# Words that make gambling words an invitation rather than news about gambling, unless the
# sentence only names the words ("spanduk bertuliskan slot gacor", "istilah maxwin").
CALL_TO_ACTION = frozenset(
    "daftar daftarkan gabung join klik buruan japri inbox dm kunjungi mampir depo deposit wd "
    "withdraw referral".split()
)
NAMING_MARKERS = frozenset(
    "istilah kata tulisan bertuliskan judul berjudul sebutan julukan memuat misalnya".split()
)


class MatchKind(models.TextChoices):
    WORD = "word", _("Whole word or phrase")
    PREFIX = "prefix", _("Word beginning")
    PATTERN = "pattern", _("Regular expression")
    GROUP = "group", _("SARA: a group of people")
    HOSTILE = "hostile", _("SARA: exclusion, violence or boycott")
    LIKENED = "likened", _("SARA: likened to animals, vermin or disease")
    TOLERANCE = "tolerance", _("SARA: tolerance context")


SARA_KINDS = frozenset({MatchKind.GROUP, MatchKind.HOSTILE, MatchKind.LIKENED, MatchKind.TOLERANCE})


def _phrase_stems(phrase):
    return tuple((stem(t.lower), t.lower) for t in tokenize(phrase))


@dataclass(frozen=True)
class WordRuleSpec:
    """A word-list entry as the checks use it (see ``moderation.models.WordRule``)."""

    term: str
    code: str
    match: str = MatchKind.WORD
    harmless_context: tuple = ()
    required_context: tuple = ()
    notes: str = ""
    pk: int | None = None
    topic_context: tuple = ()
    term_keys: tuple = field(init=False, compare=False)
    harmless: tuple = field(init=False, compare=False)
    required: tuple = field(init=False, compare=False)
    topics: tuple = field(init=False, compare=False)
    pattern: re.Pattern | None = field(init=False, compare=False)

    def __post_init__(self):
        keys = tuple(collapse(t.lower) for t in tokenize(self.term))
        set_ = object.__setattr__
        set_(self, "term_keys", keys)
        set_(self, "harmless", tuple(s for s in map(_phrase_stems, self.harmless_context) if s))
        set_(self, "required", tuple(s for s in map(_phrase_stems, self.required_context) if s))
        set_(self, "topics", tuple(s for s in map(_phrase_stems, self.topic_context) if s))
        set_(
            self,
            "pattern",
            re.compile(self.term, re.I) if self.match == MatchKind.PATTERN else None,
        )


@dataclass(frozen=True)
class WordMatch:
    rule: WordRuleSpec
    start: int
    end: int
    sentence: tuple


class WordMatcher:
    """Find word-list terms in text, with the context rules applied."""

    def __init__(self, rules):
        self.single = {}
        self.phrases = {}
        self.prefixes = []
        self.patterns = []
        for rule in rules:
            if rule.match in SARA_KINDS:
                continue
            if rule.match == MatchKind.PATTERN:
                self.patterns.append(rule)
            elif not rule.term_keys:
                continue
            elif rule.match == MatchKind.PREFIX:
                self.prefixes.append(rule)
            elif len(rule.term_keys) == 1:
                self.single.setdefault(rule.term_keys[0], []).append(rule)
            else:
                self.phrases.setdefault(rule.term_keys[0], []).append(rule)

    def __bool__(self):
        return bool(self.single or self.phrases or self.prefixes or self.patterns)

    def find(self, text, topic=frozenset()):
        """Return the matches in ``text``; ``topic`` holds the words of the whole post."""
        if not text or not self:
            return []
        tokens = tokenize(text)
        spans = sentences(text)
        stems = [None] * len(tokens)
        found = []
        for i, token in enumerate(tokens):
            keys = _token_keys(token)
            for rule in self._candidates(keys, token):
                j = self._match_end(rule, tokens, i, keys)
                if j is not None:
                    found.append((rule, i, j))
        for rule in self.patterns:
            for m in rule.pattern.finditer(text):
                i = next((k for k, t in enumerate(tokens) if t.end > m.start()), len(tokens))
                j = max(
                    i,
                    next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens)) - 1,
                )
                found.append((rule, i, j, m.start(), m.end()))
        matches = []
        seen = set()
        for item in found:
            rule, i, j = item[:3]
            start, end = item[3:] if len(item) == 5 else (tokens[i].start, tokens[j].end)
            if (rule.code, start) in seen:
                continue
            if not self._context_allows(rule, tokens, stems, i, j, text, start, end, spans):
                continue
            if rule.topics and _about(topic, rule.topics) and not _aimed(rule, tokens, i, j, spans):
                continue
            if rule.code == "profanity" and _not_hurled(rule, tokens, i, j, spans):
                continue
            seen.add((rule.code, start))
            sentence = next((s for s in spans if s[0] <= start < s[1]), (start, end))
            matches.append(WordMatch(rule, start, end, sentence))
        return sorted(matches, key=lambda m: m.start)

    def _candidates(self, keys, token):
        rules = []
        for key in keys:
            rules.extend(self.single.get(key, ()))
            rules.extend(self.phrases.get(key, ()))
        for rule in self.prefixes:
            if any(key.startswith(rule.term_keys[0]) for key in keys):
                rules.append(rule)
        if "*" in token.raw.strip("*") and not rules:
            wildcard = re.compile(
                "".join("[a-z]" if c == "*" else re.escape(c) for c in collapse(token.lower))
            )
            for key, entries in self.single.items():
                if wildcard.fullmatch(key):
                    rules.extend(entries)
        return rules

    def _match_end(self, rule, tokens, i, first_keys):
        if rule.match == MatchKind.PREFIX or len(rule.term_keys) == 1:
            return i
        if rule.term_keys[0] not in first_keys:
            return None
        for offset, key in enumerate(rule.term_keys[1:], start=1):
            if i + offset >= len(tokens) or key not in _token_keys(tokens[i + offset]):
                return None
        return i + len(rule.term_keys) - 1

    def _context_allows(self, rule, tokens, stems, i, j, text, start, end, spans):
        if rule.harmless or rule.required:
            # Context counts only within the sentence: the next one may be about something else.
            s_start, s_end = next((s for s in spans if s[0] <= start < s[1]), (0, len(text)))
            lo, hi = max(0, i - CONTEXT_WINDOW), min(len(tokens), j + 1 + CONTEXT_WINDOW)
            while lo < i and tokens[lo].start < s_start:
                lo += 1
            while hi > j + 1 and tokens[hi - 1].end > s_end:
                hi -= 1
            for k in range(lo, hi):
                if stems[k] is None:
                    stems[k] = (stem(tokens[k].lower), tokens[k].lower)
            before, after = stems[lo:i], stems[j + 1 : hi]
            if any(_contains(before, p) or _contains(after, p) for p in rule.harmless) and not (
                rule.code != "gambling" and _aimed(rule, tokens, i, j, spans)
            ):
                return False
            if rule.required and not any(
                _contains(before, p) or _contains(after, p) for p in rule.required
            ):
                return False
        if rule.code != "gambling" and _is_quoted_mention(text, start, end, spans):
            return False
        return True


def topic_words(texts):
    """Return the words and stems of a whole post, to test rules' harmless topics against."""
    words = set()
    for text in texts:
        for token in tokenize(text or ""):
            words.add(token.lower)
            words.add(stem(token.lower))
    return frozenset(words)


def _about(topic, phrases):
    return any(all(s in topic or w in topic for s, w in phrase) for phrase in phrases)


def _aimed(rule, tokens, i, j, spans):
    """Say whether a term is aimed at someone (insults) or an invitation (gambling)."""
    if rule.code == "gambling":
        s_start, s_end = next(
            (s for s in spans if s[0] <= tokens[i].start < s[1]), (0, tokens[-1].end)
        )
        if any(t.lower in NAMING_MARKERS for t in tokens if s_start <= t.start < s_end):
            return False
        return any(t.lower in CALL_TO_ACTION for t in tokens)
    before = {t.lower for t in tokens[max(0, i - 3) : i]}
    after = {t.lower for t in tokens[j + 1 : j + 2]}
    return bool(before & ADDRESS_MARKERS or after & ADDRESS_AFTER)


def _not_hurled(rule, tokens, i, j, spans):
    """Say whether an insult word is counted, named or denied rather than aimed at someone.

    "12 ekor babi", "ejekan seperti tolol", "dengan sebutan bodoh", "tidak ada anak yang
    bodoh", "dia bukan bodoh". Words aimed at someone ("dasar", "kamu") still count.
    """
    if _aimed(rule, tokens, i, j, spans):
        return False
    s_start = next((s[0] for s in spans if s[0] <= tokens[i].start < s[1]), 0)
    before = [t.lower for t in tokens[max(0, i - 4) : i] if t.start >= s_start]
    if before and before[-1] in COUNTING_WORDS:
        return True
    if any(stem(word) in NAMING_STEMS or word in NAMING_STEMS for word in before):
        return True
    if before and before[-1] in NEGATIONS:
        return True
    # "tidak ada anak yang bodoh", "bukan orang yang bodoh"
    return len(before) >= 2 and before[-1] == "yang" and any(w in NEGATIONS for w in before)


def _token_keys(token):
    keys = set(token.keys)
    for key in token.keys:
        for suffix in SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 4:
                keys.add(key[: -len(suffix)])
    return keys


def _same_word(window_word, context_word):
    """Compare (stem, lower-case word) pairs loosely: 'peternakan' is about 'ternak'."""
    (window_stem, window_lower), (context_stem, context_lower) = window_word, context_word
    return (
        window_stem == context_stem
        or window_lower == context_lower
        or (len(context_stem) >= 4 and window_stem.startswith(context_stem))
        or (len(context_lower) >= 5 and context_lower in window_lower)
    )


def _contains(window, phrase):
    n = len(phrase)
    return any(
        all(_same_word(window[k + m], phrase[m]) for m in range(n))
        for k in range(len(window) - n + 1)
    )


def _is_quoted_mention(text, start, end, spans):
    left = start - 1
    while left >= 0 and text[left] == " ":
        left -= 1
    right = end
    while right < len(text) and text[right] in " ?!.,":
        right += 1
    if left < 0 or right >= len(text) or text[left] not in QUOTES or text[right] not in QUOTES:
        return False
    sentence = next((s for s in spans if s[0] <= start < s[1]), (0, len(text)))
    words = {stem(t.lower) for t in tokenize(text[sentence[0] : sentence[1]])}
    words |= {t.lower for t in tokenize(text[sentence[0] : sentence[1]])}
    return bool(words & MENTION_MARKERS)
