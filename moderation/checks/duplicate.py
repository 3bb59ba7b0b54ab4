"""Find reposts of published posts by the facts and rare words a rewrite keeps.

A member who reposts a published post rewrites its sentences, reorders them, shortens them or
puts them in regional wording, but keeps what the post is about: its dates and figures, the
names of places and people, and its rarer words. Each post is reduced to a ``Fingerprint`` of
those features (hashed), and two posts are compared by the rare words they share (weighted
by how rare each word is among the published posts), tempered by whether their facts agree:
two posyandu schedules with other dates, or two road repairs in other villages, share their
words but not their facts, and are different posts.

The fingerprint is plain data, so published posts keep theirs in the database
(``moderation.models.PublishedFingerprint``) and a submission is compared with the few posts
that share its rarest features (``moderation.fingerprints``); ``DuplicateIndex`` does the same
in memory for a file's published lines.
"""

import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .text import stem, stop_words

DEFAULT_THRESHOLD = 0.5
CANDIDATES = 20
# A submission looks up candidates by its rarest features, as many as fit in this many index
# rows (the number of posts having each), and at most this many features.
LOOKUP_ROWS = 5_000
MAX_LOOKUP_FEATURES = 1000
# Features stored per post for candidate lookup: its names, facts and rarest words.
INDEXED_FEATURES = 48
# Pretend the corpus holds this many more posts, none with the feature: a handful of published
# posts must not make every shared word look rare.
IDF_PRIOR = 20
CHAR_SKETCH = 64
CHAR_GRAM = 5
SHINGLE_PREFIX = zlib.crc32(b"c:")
# The corpus size is kept under this feature, which no real feature hashes to.
CORPUS_SIZE_FEATURE = 0

TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*")
SENTENCE_BREAK = re.compile(r"[.!?:;]\s+|[.!?]$|\n|[\"“”()]")

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
}
DAYS = {
    "senin": "senin",
    "selasa": "selasa",
    "rabu": "rabu",
    "kamis": "kamis",
    "jumat": "jumat",
    "jum'at": "jumat",
    "sabtu": "sabtu",
    "minggu": "minggu",
    "ahad": "minggu",
}
NUMBER_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}
MULTIPLIERS = {"ribu": 1000, "juta": 1_000_000, "miliar": 1_000_000_000, "puluh": 10}
# Words that start sentences or titles in capitals without naming anyone.
NOT_NAMES = frozenset(
    {
        "desa",
        "dusun",
        "kecamatan",
        "kabupaten",
        "kota",
        "provinsi",
        "kelurahan",
        "warga",
        "pemerintah",
        "kepala",
        "bapak",
        "ibu",
        "pak",
        "bu",
        "mas",
        "mbak",
        "dinas",
        "jalan",
        "rt",
        "rw",
        "kim",
        "info",
        "pengumuman",
        "berita",
    }
)
# Weight of each kind of feature in the comparison of words.
NAME_WEIGHT = 1.5
# Weights of facts: a day and month names one occasion; a year or a time of day many.
# Shared facts add up to this much to the score, in full from this weight of them (a date,
# a time and two figures), once the posts share this share of their words.
FACT_EVIDENCE = 0.3
FULL_FACT_WEIGHT = 5.0
MIN_WORDS_FOR_FACTS = 0.2
# Two posts whose dates all differ are about two occasions (next month's schedule).
OTHER_DATES_FACTOR = 0.4
FACT_WEIGHTS = {"d": 2.0, "n": 1.0, "t": 0.5, "m": 0.5, "y": 0.3, "w": 0.3}


def feature_hash(kind, value):
    """Return a positive 31-bit hash of a feature, stable across processes and databases."""
    return (zlib.crc32(f"{kind}:{value}".encode()) & 0x7FFFFFFF) or 1


@dataclass(frozen=True)
class Fingerprint:
    """What a repost keeps of a post, hashed: rare-word candidates, names, facts, shingles."""

    words: frozenset = frozenset()
    names: frozenset = frozenset()
    facts: tuple = ()  # (hash, kind) pairs
    chars: frozenset = frozenset()  # bottom-k sketch of character shingles

    @property
    def vocabulary(self):
        """Every feature counted for rarity: words, names and facts."""
        return self.words | self.names | {h for h, _kind in self.facts}

    def as_data(self):
        return {
            "w": sorted(self.words),
            "n": sorted(self.names),
            "f": [list(pair) for pair in sorted(self.facts)],
            "c": sorted(self.chars),
        }

    @classmethod
    def from_data(cls, data):
        return cls(
            frozenset(data.get("w", ())),
            frozenset(data.get("n", ())),
            tuple(tuple(pair) for pair in data.get("f", ())),
            frozenset(data.get("c", ())),
        )

    def indexed(self, frequency, corpus_size):
        """Return the features to store for lookup: names, facts, then the rarest words."""
        chosen = set(self.names) | {h for h, kind in self.facts if kind in ("d", "n")}
        words = sorted(self.words - chosen, key=lambda h: (frequency.get(h, 0), h))
        room = max(INDEXED_FEATURES - len(chosen), INDEXED_FEATURES // 2)
        return chosen | set(words[:room])

    def lookup(self, frequency, corpus_size):
        """Return the features to look candidates up by: the rarest, within a budget of rows.

        Each feature costs the lookup up to as many index rows as posts have it, so the
        rarest are taken until LOOKUP_ROWS is spent: the query reads a bounded number of rows
        however many posts are published. A feature no published post has finds nothing.
        """
        ranked = sorted(
            (h for h in self.vocabulary if frequency.get(h, 0) > 0),
            key=lambda h: (frequency[h], h),
        )
        chosen, spent = [], 0
        for feature in ranked[:MAX_LOOKUP_FEATURES]:
            spent += frequency[feature]
            if spent > LOOKUP_ROWS and chosen:
                break
            chosen.append(feature)
        return chosen


def _number_value(raw):
    """Return the number a token writes, reading Indonesian thousands dots (1.500.000)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return str(int(raw.replace(".", "")))
    if re.fullmatch(r"\d+", raw):
        return str(int(raw))
    return None


def fingerprint(text, *, shingles=True):
    """Return the ``Fingerprint`` of a post's text and the set of its character shingles.

    Without shingles, only the features counted for rarity are computed (a first pass over
    many posts).
    """
    text = text or ""
    stops = stop_words()
    words, names, facts = set(), set(), set()
    tokens = []  # (lower, raw, may name someone)
    for piece in SENTENCE_BREAK.split(text):
        found = TOKEN.findall(piece)
        content = [raw for raw in found if len(raw) >= 4 and raw.isalpha()]
        # A title in Title Case names nothing by its capitals: every content word has one.
        title_case = len(content) >= 3 and all(raw[0].isupper() for raw in content)
        for position, raw in enumerate(found):
            tokens.append((raw.lower(), raw, position > 0 and not title_case))
    stems = []
    for i, (low, raw, may_name) in enumerate(tokens):
        if low[0].isdigit():
            facts.update(_number_facts(low, tokens, i))
            continue
        if low in MONTHS and len(low) > 3:
            if not (i > 0 and tokens[i - 1][0].isdigit()):  # else read with the day before it
                facts.add(("m", str(MONTHS[low])))
            continue
        if low in DAYS:
            facts.add(("w", DAYS[low]))
            continue
        if low in NUMBER_WORDS and i + 1 < len(tokens) and tokens[i + 1][0] not in MONTHS:
            facts.add(("n", str(NUMBER_WORDS[low] * MULTIPLIERS.get(tokens[i + 1][0], 1))))
            continue
        if low in stops or len(low) < 3:
            continue
        root = stem(low) if low.isalpha() else low
        if may_name and raw[0].isupper() and low not in NOT_NAMES:
            names.add(feature_hash("n", low))
            stems.append(low)
            continue
        words.add(feature_hash("w", root))
        stems.append(root)
    stream = " ".join(stems) if shingles else ""
    if stream.isascii():
        # The same hashes as feature_hash("c", gram), continuing the CRC of the prefix.
        data = stream.encode()
        grams = {
            (zlib.crc32(data[i : i + CHAR_GRAM], SHINGLE_PREFIX) & 0x7FFFFFFF) or 1
            for i in range(len(data) - CHAR_GRAM + 1)
        }
    else:
        grams = {
            feature_hash("c", stream[i : i + CHAR_GRAM]) for i in range(len(stream) - CHAR_GRAM + 1)
        }
    return Fingerprint(
        frozenset(words),
        frozenset(names),
        tuple(sorted((feature_hash(kind, value), kind) for kind, value in facts)),
        frozenset(sorted(grams)[:CHAR_SKETCH]),
    ), grams


def _number_facts(low, tokens, i):
    following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    value = _number_value(low)
    if value is not None:
        if following in MONTHS and int(value) <= 31:
            yield ("d", f"{int(value)}-{MONTHS[following]}")
            return
        number = int(value)
        if following in MULTIPLIERS:
            yield ("n", str(number * MULTIPLIERS[following]))
        elif 1900 <= number <= 2100:
            yield ("y", value)
        else:
            yield ("n", value)
        return
    parts = re.split(r"[.,:/]", low)
    if (
        len(parts) == 2
        and len(parts[1]) == 2
        and int(parts[0]) <= 24
        and ":" in low
        or ("." in low and len(parts) == 2 and len(parts[1]) == 2 and int(parts[0]) <= 24)
    ):
        yield ("t", f"{int(parts[0])}.{parts[1]}")
    elif "/" in low and len(parts) in (2, 3) and int(parts[0]) <= 31 and int(parts[1]) <= 12:
        yield ("d", f"{int(parts[0])}-{int(parts[1])}")
        if len(parts) == 3:
            yield ("y", str(int(parts[2]) % 100 + 2000 if len(parts[2]) == 2 else int(parts[2])))
    elif "," in low:
        yield ("n", low.replace(",", "."))
    else:
        yield ("n", low)


@dataclass(frozen=True)
class PublishedPost:
    pk: object
    title: str
    text: str
    url: str = ""


def post_text(title, summary, body):
    """The text a post is fingerprinted by, the same for submissions and published posts."""
    return "\n".join(part for part in (title, summary, body) if part)


@dataclass(frozen=True)
class DuplicateMatch:
    post: PublishedPost
    score: float
    containment: float = 0.0

    @property
    def jaccard(self):
        """The score, by the name the flag's data has always used for it."""
        return self.score


@dataclass
class Comparison:
    """How alike a submission and a published post are, and the parts of that judgement.

    ``words`` is the share of rare words (and names) the two have in common, ``chars`` the
    share of character shingles, ``facts`` and ``names`` how far their dates, figures and
    names agree (None when one side has none). Shared facts add evidence that a rewrite with
    new words reports the same event; dates that all differ say it is another occasion.
    """

    words: float
    facts: float | None
    names: float | None
    chars: float
    shared_facts: float = 0.0
    other_dates: bool = False
    score: float = field(init=False)

    def __post_init__(self):
        score = max(self.words, 0.7 * self.words + 0.3 * self.chars)
        if self.facts is not None:
            score *= 0.3 + 0.7 * self.facts
        if self.names is not None:
            score *= 0.6 + 0.4 * self.names
        if self.facts and self.words >= MIN_WORDS_FOR_FACTS:
            score += FACT_EVIDENCE * self.facts * min(1.0, self.shared_facts / FULL_FACT_WEIGHT)
        if self.other_dates:
            score *= OTHER_DATES_FACTOR
        self.score = min(score, 1.0)


def idf(frequency, corpus_size, feature):
    return math.log((corpus_size + IDF_PRIOR) / (frequency.get(feature, 0) + 1))


def _weighted_agreement(mine, theirs, weight):
    """Share of the smaller side's weight found on the other side, or None if one is empty."""
    if not mine or not theirs:
        return None
    shared = sum(weight(f) for f in mine & theirs)
    smaller = min(sum(weight(f) for f in mine), sum(weight(f) for f in theirs))
    return shared / smaller if smaller else None


def compare(mine, grams, theirs, frequency, corpus_size):
    """Compare a submission's fingerprint (and its full shingle set) with a published one."""

    def weight(feature):
        return idf(frequency, corpus_size, feature)

    def vocabulary_weight(feature, names):
        return weight(feature) * (NAME_WEIGHT if feature in names else 1.0)

    my_vocabulary = mine.words | mine.names
    their_vocabulary = theirs.words | theirs.names
    names = mine.names | theirs.names
    shared = sum(vocabulary_weight(f, names) for f in my_vocabulary & their_vocabulary)
    my_total = sum(vocabulary_weight(f, names) for f in my_vocabulary)
    their_total = sum(vocabulary_weight(f, names) for f in their_vocabulary)
    words = 0.0
    if my_total and their_total:
        # Between the cosine and the containment of the shorter: a shortened repost is
        # contained in its original, but a short post is not a repost of every long one.
        cosine = shared / math.sqrt(my_total * their_total)
        contained = shared / min(my_total, their_total)
        words = (cosine + contained) / 2
    fact_kinds = dict(mine.facts) | dict(theirs.facts)
    my_facts = {h for h, _k in mine.facts}
    their_facts = {h for h, _k in theirs.facts}
    facts = _weighted_agreement(my_facts, their_facts, lambda h: FACT_WEIGHTS[fact_kinds[h]])
    my_dates = {h for h, kind in mine.facts if kind == "d"}
    their_dates = {h for h, kind in theirs.facts if kind == "d"}
    name_agreement = _weighted_agreement(mine.names, theirs.names, weight)
    chars = len(theirs.chars & grams) / len(theirs.chars) if theirs.chars else 0.0
    return Comparison(
        words,
        facts,
        name_agreement,
        chars,
        shared_facts=sum(FACT_WEIGHTS[fact_kinds[h]] for h in my_facts & their_facts),
        other_dates=bool(my_dates and their_dates and not my_dates & their_dates),
    )


class DuplicateIndex:
    """Published posts held in memory, for a file of posts (``moderation_precheck FILE``).

    The site's published posts are never held like this: they are compared through the
    database (``moderation.fingerprints.DatabaseDuplicates``).
    """

    def __init__(self, posts=()):
        self.posts = list(posts)
        self.fingerprints = [fingerprint(post_text(p.title, "", p.text))[0] for p in self.posts]
        self.frequency = Counter()
        self.postings = defaultdict(list)
        for print_ in self.fingerprints:
            self.frequency.update(print_.vocabulary)
        for position, print_ in enumerate(self.fingerprints):
            for feature in print_.indexed(self.frequency, len(self.posts)):
                self.postings[feature].append(position)

    def __len__(self):
        return len(self.posts)

    def most_similar(self, text, threshold=DEFAULT_THRESHOLD, exclude=None):
        if not self.posts:
            return None
        mine, grams = fingerprint(text)
        hits = Counter()
        for feature in mine.lookup(self.frequency, len(self.posts)):
            for position in self.postings.get(feature, ()):
                hits[position] += 1
        candidates = [
            (self.posts[position], self.fingerprints[position])
            for position, _count in hits.most_common(CANDIDATES)
        ]
        return best_match(
            mine, grams, candidates, self.frequency, len(self.posts), threshold, exclude
        )


def best_match(mine, grams, candidates, frequency, corpus_size, threshold, exclude=None):
    """Return the candidate most like the submission at or above the threshold, or None."""
    best = None
    for post, theirs in candidates:
        if exclude is not None and post.pk == exclude:
            continue
        comparison = compare(mine, grams, theirs, frequency, corpus_size)
        if comparison.score >= threshold and (best is None or comparison.score > best.score):
            best = DuplicateMatch(post, comparison.score, comparison.words)
    return best


class CombinedDuplicates:
    """Several sets of published posts searched as one (a file's lines and the site's posts)."""

    def __init__(self, *sources):
        self.sources = sources

    def most_similar(self, text, threshold=DEFAULT_THRESHOLD, exclude=None):
        matches = [source.most_similar(text, threshold, exclude) for source in self.sources]
        return max(filter(None, matches), key=lambda match: match.score, default=None)
