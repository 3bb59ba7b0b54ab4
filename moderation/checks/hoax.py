"""Match sentences against debunked claims, so that a paraphrase of a hoax is still caught.

Both sides are reduced to Indonesian root words (Sastrawi stemming) without stop words, with a
few spellings unified (corona = covid, microchip = chip). A claim matches a window of one or
two sentences when the window holds enough of the claim's words, each weighted by how rare it
is among the claims (a word every claim has, like "vaksin", says little). A window whose
paragraph says the claim is false ("hoaks", "tidak benar", "faktanya", "klarifikasi") is a
debunk and is not reported: that is what KIM groups should be writing.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .text import HAS_LETTER, sentences, stem, stop_words, tokenize

DEFAULT_THRESHOLD = 0.55
MIN_MATCHED_TERMS = 3
PREFIX = 5

SYNONYMS = {
    "corona": "covid",
    "korona": "covid",
    "covid19": "covid",
    "cip": "chip",
    "microchip": "chip",
    "mikrocip": "chip",
    "mikrochip": "chip",
    "cips": "chip",
    "whatsapp": "wa",
    "whatsap": "wa",
    "watsap": "wa",
    "wasap": "wa",
    "handphone": "ponsel",
    "hp": "ponsel",
    "vaksinasi": "vaksin",
    "sembuh": "obat",
    "ampuh": "obat",
    "manjur": "obat",
    "tautan": "link",
    "taut": "link",
    "klik": "link",
    "gratis": "cuma",
    "percuma": "cuma",
    "pemerintah": "perintah",
    "pemkab": "perintah",
    "kemensos": "kementerian",
    "covid-19": "covid",
    "air": "air",
    "bansos": "bantu",
    "blt": "bantu",
    # Spellings and synonyms of the words claims are made of.
    "blanko": "blangko",
    "ektp": "ktp",
    "ktpel": "ktp",
    "tutup": "henti",
    "setop": "henti",
    "stop": "henti",
    "entek": "habis",
    "endhog": "telur",
    "endog": "telur",
    "banyu": "air",
    "ledeng": "pdam",
    "ombe": "minum",
    "ngombe": "minum",
    "racun": "cemar",
    "kecemaran": "cemar",
    "limbah": "cemar",
    "njeblug": "letus",
    "mbledos": "letus",
    "erupsi": "letus",
    "ngungsi": "ungsi",
    "munggah": "naik",
    "gedhe": "besar",
    "gede": "besar",
    "mesthi": "pasti",
    "bocah": "anak",
    "ngandung": "kandung",
    "prei": "libur",
    "diliburke": "libur",
    "rong": "dua",
    "pekan": "minggu",
    "mpox": "cacar",
    "lemah": "tanah",
    "dijupuk": "ambil",
    "jupuk": "ambil",
    "taun": "tahun",
    "duit": "uang",
    "dhuwit": "uang",
    "seratus": "100",
    "bobol": "jebol",
    "ambrol": "jebol",
    "bah": "banjir",
    "godhog": "rebus",
    "godhogan": "rebus",
    "opname": "rawat",
    "tuku": "beli",
    "sego": "nasi",
    "kios": "warung",
}
# Phrases written several ways, unified before the words are split.
PHRASES = (
    (
        r"\b(?:e[- ]?ktp|ktp[- ]?el(?:ektronik)?|ktp\s+elektronik|kartu\s+tanda\s+penduduk"
        r"(?:\s+elektronik)?)\b",
        "ktp",
    ),
    (r"\bkartu\s+keluarga\b", "kk"),
    (r"\bdemam\s+berdarah(?:\s+dengue)?\b", "dbd"),
    (r"\brumah\s+sakit\b", "rs"),
    (r"\bcacar\s+monyet\b", "cacar"),
    (r"\bair\s+bah\b", "banjir"),
    (r"\bbank\s+indonesia\b", "bi"),
    (r"\b(\d{1,3})(?:[.,](\d{3}))+\b", lambda m: m.group(0).replace(".", "").replace(",", "")),
)
# Javanese function words, left out like Indonesian stop words.
JAVANESE_STOP_WORDS = frozenset(
    "ora iki kuwi kui sing seng karo wis wes uwis arep ape lan opo piye ning neng nang ing "
    "saka soko seko teko marang uga yo dadi nek yen menawa mergo merga amarga kudu ojo ae "
    "wae ki kae kabeh akeh durung isih ana ono onok enek tho mung dak kowe awakdewe dewe "
    "dhewe nggo kanggo sik sek njur banjur trus sampun mboten dereng inggih nggih punika "
    "menika kalih ingkang badhe jare jarene maneh meneh saiki mengko dhisik ndang lho kok "
    "pada padha bae biyen mbok lur dulur gaes guys ayo tulung tolong rek kang mas mbak "
    "sakwise sakdurunge bakal wae supaya ben kabare kabar".split()
)

DEBUNK = re.compile(
    r"\[?\b(?:hoaks|hoax|hoaxs|hoks|tidak\s+benar|tak\s+benar|bukan\s+fakta|keliru|menyesatkan|"
    r"disinformasi|misinformasi|malinformasi|klarifikasi|mengklarifikasi|faktanya|cek\s+fakta|"
    r"periksa\s+fakta|turnbackhoax|berita\s+bohong|kabar\s+bohong|informasi\s+palsu|"
    r"kabar\s+palsu|berita\s+palsu|pesan\s+palsu|tidak\s+terbukti|belum\s+terbukti|dibantah|"
    r"membantah|bantahan|menepis|meluruskan|tidak\s+pernah\s+(?:meminta|membagikan|menjual|"
    r"ditemukan|ada)|jangan\s+(?:mudah\s+|gampang\s+)?percaya|(?:ojo|aja)\s+(?:gampang\s+)?"
    r"percaya|jangan\s+(?:ikut\s+)?(?:di)?sebarkan|waspada(?:i)?\s+(?:penipuan|modus|hoaks)|"
    r"penipuan|menanggapi\s+(?:kabar|isu|pesan|informasi|video)|"
    r"(?:tetap|masih)\s+(?:sah|berlaku|dibuka|aman|normal|berjalan)|dalam\s+kondisi\s+aman|"
    r"(?:menegaskan|memastikan|menyatakan|menjelaskan)\b[^.\n]{0,80}\b(?:tidak|bukan|belum|aman|"
    r"sah|asli))\b",
    re.I,
)
# "Ini bukan hoaks": the spreader's own denial is not a debunk.
NOT_A_DEBUNK = re.compile(r"(?:\bbukan|\bdudu|\bora|\btidak)\s*$", re.I)


def _debunks(text):
    return any(
        not NOT_A_DEBUNK.search(text[max(0, m.start() - 12) : m.start()])
        for m in DEBUNK.finditer(text)
    )


def terms(text):
    """Return the claim-bearing root words of a text, in order."""
    found = []
    stops = stop_words()
    text = text.lower()
    for pattern, replacement in PHRASES:
        text = re.sub(pattern, replacement, text)
    for token in tokenize(text):
        word = token.lower
        if word in stops or word in JAVANESE_STOP_WORDS:
            continue
        if not HAS_LETTER.search(word):
            # Amounts and counts a repost keeps (3550000, 100); not years or small numbers.
            if word.isdigit() and len(word) >= 3:
                found.append(word)
            continue
        root = SYNONYMS.get(word) or stem(word)
        if root in stops:
            continue
        root = SYNONYMS.get(root, root)
        if len(root) >= 2:
            found.append(root)
    return found


def _key(term):
    return term[:PREFIX]


def _same_root(a, b):
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= PREFIX and long_.startswith(short)


@dataclass(frozen=True)
class ClaimSpec:
    """A debunked claim as the checks use it (see ``moderation.models.DebunkedClaim``)."""

    text: str
    correction: str = ""
    source_url: str = ""
    variants: tuple = ()
    pk: int | None = None


@dataclass(frozen=True)
class _Phrasing:
    claim: ClaimSpec
    terms: tuple
    weights: tuple
    distinctive: frozenset = frozenset()


@dataclass(frozen=True)
class ClaimMatch:
    claim: ClaimSpec
    score: float
    start: int
    end: int


class ClaimIndex:
    """Debunked claims, each phrasing reduced to weighted root words and indexed."""

    def __init__(self, claims=()):
        phrasings = []
        for claim in claims:
            for text in (claim.text, *claim.variants):
                words = tuple(dict.fromkeys(terms(text)))
                if words:
                    phrasings.append((claim, words))
        document_frequency = defaultdict(int)
        for _, words in phrasings:
            for word in words:
                document_frequency[word] += 1
        total = len(phrasings)
        # Words found in one claim only (in any of its wordings): what sets it apart.
        owners = defaultdict(set)
        for claim, words in phrasings:
            for word in words:
                owners[word].add(id(claim))
        self.phrasings = [
            _Phrasing(
                claim,
                words,
                tuple(1 + math.log((total + 1) / (document_frequency[w] + 1)) for w in words),
                frozenset(w for w in words if len(owners[w]) == 1),
            )
            for claim, words in phrasings
        ]
        # key -> [(phrasing position, share of that phrasing's weight carried by the key)]
        index = defaultdict(lambda: defaultdict(float))
        for position, phrasing in enumerate(self.phrasings):
            total_weight = sum(phrasing.weights)
            for word, weight in zip(phrasing.terms, phrasing.weights, strict=True):
                index[_key(word)][position] += weight / total_weight
        self.index = {key: tuple(shares.items()) for key, shares in index.items()}

    def __len__(self):
        return len(self.phrasings)

    def score(self, phrasing, window_terms, window_keys):
        matched = 0
        weight = 0.0
        distinctive = 0
        for word, word_weight in zip(phrasing.terms, phrasing.weights, strict=True):
            if word in window_terms or any(
                _same_root(word, other) for other in window_keys.get(_key(word), ())
            ):
                matched += 1
                weight += word_weight
                distinctive += word in phrasing.distinctive
        needed = min(MIN_MATCHED_TERMS, len(phrasing.terms))
        # A post on the same topic shares the common words (anak, vaksin, posyandu); a retelling
        # of the claim also has what only this claim says (autis, mandul).
        if matched < needed or distinctive < min(2, len(phrasing.distinctive)):
            return 0.0
        return weight / sum(phrasing.weights)

    def match_window(self, window_terms, threshold):
        keys = defaultdict(list)
        for word in window_terms:
            keys[_key(word)].append(word)
        # A claim word can only match a window word with the same key, so the summed share of
        # the keys found bounds the score from above: most claims are ruled out here.
        bound = defaultdict(float)
        for key in keys:
            for position, share in self.index.get(key, ()):
                bound[position] += share
        results = []
        for position, upper in bound.items():
            if upper < threshold - 1e-9:
                continue
            phrasing = self.phrasings[position]
            score = self.score(phrasing, window_terms, keys)
            if score >= threshold:
                results.append((phrasing.claim, score))
        return results


def debunked(texts):
    """Say whether a post frames the claims it retells as false.

    A fact-check says so once, in its title or first lines, then retells the claim in its own
    words: the whole post counts, not the sentences around the retelling.
    """
    return any(_debunks(text) for text in texts)


def find_claims(parts, index, threshold=DEFAULT_THRESHOLD, head=""):
    """Return the best non-debunking match per claim over text parts [(key, text)]."""
    if not len(index):
        return {}
    if debunked([head, *(text for _key, text in parts)]):
        return {}
    best = {}
    for key, text in parts:
        spans = sentences(text)
        sentence_terms = [set(terms(text[s:e])) for s, e in spans]
        for i in range(len(spans)):
            for width in (1, 2, 3):
                if i + width > len(spans):
                    continue
                window = set().union(*sentence_terms[i : i + width])
                if len(window) < 2:
                    continue
                for claim, score in index.match_window(window, threshold):
                    ident = claim.pk if claim.pk is not None else claim.text
                    if ident not in best or score > best[ident][1].score:
                        start, end = spans[i][0], spans[i + width - 1][1]
                        best[ident] = (key, ClaimMatch(claim, score, start, end))
    return best
