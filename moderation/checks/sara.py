"""Find SARA hostility that needs no slur: a group named next to exclusion, violence or contempt.

A sentence is hostile when it names a group of people (an ethnic group, a religion, newcomers,
outsiders) and, in the same sentence, calls for expelling, attacking, boycotting or refusing
them service, or likens them to vermin, animals or disease. "Mereka" counts as the group named
in the two sentences before. The lexicon is editors' rule data (word-list entries of the kinds
``group``, ``hostile``, ``likened`` and ``tolerance``); what is fixed here is how Indonesian
negates and links words:

- hostile verbs are matched on their root (usir: mengusir, diusir, usirlah), but a noun
  derived from them (pengusiran, kebakaran, terbakar) reports an event, not a call, and is
  left out, as is a verb negated just before it ("jangan mengusir", "tidak boleh diusir");
- a likening word counts only when the sentence says the group *is* it ("pendatang itu
  seperti tikus", "dasar lintah Cina"), not when both merely occur ("warga pendatang ikut
  membersihkan sampah");
- a sentence with a tolerance word (kerukunan, diskriminasi, toleransi) is about fighting
  hostility and is not reported.
"""

from dataclasses import dataclass

from .text import collapse, sentences, stem, tokenize
from .words import SUFFIXES, MatchKind, _contains

NEGATORS = frozenset(
    "tidak tak nggak ngga gak ga enggak jangan bukan tanpa anti stop ojo ora mboten "
    "dilarang".split()
)
# Words that may stand between a group and what it is likened to: "pendatang itu seperti
# tikus", "orang Batak itu memang kelakuannya seperti anjing" (one other word is allowed).
LINKING = frozenset(
    "itu ini tu adalah ialah merupakan memang emang semua semuanya seperti kayak kaya kek "
    "bagai bagaikan bak macam ibarat laksana cuma hanya hanyalah cuman sama dengan sejenis "
    "jadi menjadi yang para orang kaum sekelompok dasar lebih dari daripada sekadar".split()
)
ANAPHORS = frozenset("mereka kalian merekalah mereka-mereka".split())
CONTEXT_WINDOW = 6
MAX_GAP = 14
DERIVED_PREFIXES = ("pe", "ke", "ter")


@dataclass(frozen=True)
class _Entry:
    spec: object
    terms: tuple  # per token: the spellings that match it


@dataclass(frozen=True)
class Hostility:
    start: int
    end: int
    group: str
    word: str
    kind: str


def _entry(spec, by_root):
    terms = []
    for token in tokenize(spec.term):
        word = collapse(token.lower)
        terms.append(frozenset({word, stem(word)}) if by_root else frozenset({word}))
    return _Entry(spec, tuple(terms)) if terms else None


class HostilityMatcher:
    """The SARA lexicon compiled for matching; ``find(text)`` returns ``Hostility`` spans."""

    def __init__(self, rules=()):
        self.groups, self.hostile, self.likened, self.tolerance = [], [], [], []
        lists = {
            MatchKind.GROUP: (self.groups, False),
            MatchKind.HOSTILE: (self.hostile, True),
            MatchKind.LIKENED: (self.likened, False),
            MatchKind.TOLERANCE: (self.tolerance, True),
        }
        for spec in rules:
            if spec.match in lists:
                target, by_root = lists[spec.match]
                entry = _entry(spec, by_root)
                if entry:
                    target.append(entry)

    def __bool__(self):
        return bool(self.groups and (self.hostile or self.likened))

    def find(self, text):
        if not text or not self:
            return []
        found = []
        recent_group = None  # (sentence index, group term) of the last group named
        for index, (s_start, s_end) in enumerate(sentences(text)):
            words = [_Word(t) for t in tokenize(text[s_start:s_end])]
            if not words:
                continue
            groups = self._groups(words)
            if groups:
                recent_group = (index, groups[-1][2])
            elif recent_group and index - recent_group[0] <= 2:
                groups = [
                    (k, k, recent_group[1]) for k, w in enumerate(words) if w.lower in ANAPHORS
                ]
                if groups:
                    recent_group = (index, recent_group[1])
            if not groups or self._matches(self.tolerance, words, stemmed=True):
                continue
            hit = self._hostile(words, groups) or self._likened(words, groups)
            if hit:
                k, group, word, kind = hit
                start = s_start + words[min(k, groups[0][0])].start
                found.append(Hostility(start, s_start + words[-1].end, group, word, kind))
        return found

    # --- matching ------------------------------------------------------------------------

    def _matches(self, entries, words, stemmed):
        """Yield (first, last, entry) for each entry found; phrase words may have 2 between."""
        hits = []
        for entry in entries:
            for i, word in enumerate(words):
                if not word.matches(entry.terms[0], stemmed):
                    continue
                last = i
                for term in entry.terms[1:]:
                    nxt = next(
                        (
                            k
                            for k in range(last + 1, min(len(words), last + 4))
                            if words[k].matches(term, stemmed)
                        ),
                        None,
                    )
                    if nxt is None:
                        break
                    last = nxt
                else:
                    hits.append((i, last, entry))
        return hits

    def _groups(self, words):
        groups = []
        pairs = [(w.stem, w.lower) for w in words]
        for i, last, entry in self._matches(self.groups, words, stemmed=False):
            spec = entry.spec
            if _near(pairs, i, last, spec.harmless):
                continue
            if spec.required and not _near(pairs, i, last, spec.required):
                continue
            groups.append((i, last, " ".join(w.raw for w in words[i : last + 1])))
        return groups

    def _hostile(self, words, groups):
        pairs = [(w.stem, w.lower) for w in words]
        for i, last, entry in self._matches(self.hostile, words, stemmed=True):
            first = words[i]
            if first.derived(entry.terms[0]):
                continue
            if _near(pairs, i, last, entry.spec.harmless):
                continue
            negated = any(w.lower in NEGATORS for w in words[max(0, i - 3) : i])
            if negated and not (entry.terms[0] & NEGATORS):
                continue
            for g_first, g_last, group in groups:
                if min(abs(i - g_last), abs(g_first - last)) <= MAX_GAP:
                    raw = " ".join(w.raw for w in words[i : last + 1])
                    return i, group, raw, MatchKind.HOSTILE
        return None

    def _likened(self, words, groups):
        for i, last, _entry in self._matches(self.likened, words, stemmed=False):
            for g_first, g_last, group in groups:
                if g_last < i:
                    between = words[g_last + 1 : i]
                    others = [w for w in between if w.lower not in LINKING]
                    negated = any(w.lower in NEGATORS for w in between)
                    if len(between) <= 5 and len(others) <= 1 and not negated:
                        return i, group, words[i].raw, MatchKind.LIKENED
                elif g_first > last and g_first - last <= 3:
                    return i, group, words[i].raw, MatchKind.LIKENED
        return None


def _near(pairs, first, last, phrases):
    """Say whether one of ``phrases`` stands within the context window of a match."""
    before = pairs[max(0, first - CONTEXT_WINDOW) : first]
    after = pairs[last + 1 : last + 1 + CONTEXT_WINDOW]
    return any(_contains(before, p) or _contains(after, p) for p in phrases)


class _Word:
    __slots__ = ("raw", "lower", "start", "end", "keys", "stem")

    def __init__(self, token):
        self.raw = token.raw
        self.lower = token.lower
        self.start = token.start
        self.end = token.end
        keys = set(token.keys)
        for key in token.keys:
            for suffix in SUFFIXES:
                if key.endswith(suffix) and len(key) - len(suffix) >= 4:
                    keys.add(key[: -len(suffix)])
        self.keys = keys
        self.stem = stem(self.lower)

    def matches(self, spellings, stemmed):
        return bool(self.keys & spellings) or (stemmed and self.stem in spellings)

    def derived(self, spellings):
        """Say whether the word only shares a root with the term as a derived noun."""
        if self.keys & spellings:
            return False
        return self.lower.startswith(DERIVED_PREFIXES) and not any(
            s.startswith(DERIVED_PREFIXES) for s in spellings
        )
