"""Text handling shared by the checks: tokens with offsets, sentences, stems, HTML."""

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Characters people insert to break up a word without changing how it looks.
INVISIBLE_CHARS = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")

TOKEN_RE = re.compile(r"[\w@$*]+")
HAS_LETTER = re.compile(r"[^\W\d_]")
REPEATS = re.compile(r"(.)\1+")

# Digits and signs that stand in for letters (g0bl0k, b@ngsat, $etan).
LEET_I = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
LEET_L = str.maketrans(
    {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
SPACED_SEPARATORS = frozenset(" .-_*/|")


@dataclass(frozen=True)
class Token:
    raw: str
    start: int
    end: int

    @functools.cached_property
    def lower(self):
        return self.raw.lower()

    @functools.cached_property
    def keys(self):
        """Spellings this token may stand for, with repeated letters collapsed."""
        return word_keys(self.raw)


# Invisible characters between Latin letters or digits split a word to slip past word lists.
SPLIT_WORD = re.compile("[A-Za-z0-9][\u200b-\u200d\u2060\ufeff]+[A-Za-z0-9]")


def splits_words(text):
    """Say whether invisible characters sit inside a word of ``text``."""
    return bool(SPLIT_WORD.search(text or ""))


def strip_invisible(text):
    return INVISIBLE_CHARS.sub("", text or "")


def collapse(word):
    """Collapse repeated letters so that 'gooblokkk' and 'goblok' compare equal."""
    return REPEATS.sub(r"\1", word)


@functools.lru_cache(maxsize=20000)
def word_keys(raw):
    low = raw.lower()
    keys = {collapse(low)}
    if HAS_LETTER.search(low) and not low.isalpha():
        plain = low.replace("_", "").replace("*", "")
        keys.add(collapse(plain))
        keys.add(collapse(plain.translate(LEET_I)))
        keys.add(collapse(plain.translate(LEET_L)))
    return frozenset(keys)


@functools.lru_cache(maxsize=256)
def tokenize(text):
    """Split text into word tokens with offsets, joining spelled-out words (a.n.j.i.n.g).

    Cached because several checks read the same text; the result is a tuple, never changed.
    """
    tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    merged = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j + 1 < len(tokens)
            and len(tokens[j].raw) == 1
            and len(tokens[j + 1].raw) == 1
            and tokens[j + 1].start - tokens[j].end == 1
            and text[tokens[j].end] in SPACED_SEPARATORS
        ):
            j += 1
        if j - i >= 2:
            raw = "".join(t.raw for t in tokens[i : j + 1])
            merged.append(Token(raw, tokens[i].start, tokens[j].end))
            i = j + 1
        else:
            merged.append(tokens[i])
            i += 1
    return tuple(merged)


def word_count(text):
    return sum(1 for m in TOKEN_RE.finditer(text) if HAS_LETTER.search(m.group()))


# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "jl jln gg no rp dr drs ir h hj kab kec kel ds dsn rt rw bpk sdr sdri st prof dll dsb dst "
    "tsb yth an tn ny nn alm almh telp tlp hlm dkk kg km ha pk pkl sby jkt mr mrs vs bu pak "
    "kh s.h m.si s.pd a.md".split()
)
SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)|\n")


@functools.lru_cache(maxsize=256)
def sentences(text):
    """Split text into (start, end) spans of sentences, keeping abbreviations together."""
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group() != "\n":
            before = text[start : match.start()].rsplit(None, 1)
            last_word = before[-1].lower().strip("(\"'") if before else ""
            if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
        end = match.end()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _trim(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def excerpt_around(text, start, end, width=60):
    """Return the matched text with a little context, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = text[left:right]
    snippet = re.sub(r"\s+", " ", snippet).strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


# --- stemming and stop words -------------------------------------------------------------


@functools.cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    # The factory wraps the stemmer in an unbounded cache; use the bare one with ours.
    return StemmerFactory().create_stemmer().delegatedStemmer


@functools.lru_cache(maxsize=100_000)
def stem(word):
    """Return the Indonesian root of a lower-case word (Sastrawi, Nazief-Adriani based)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer().stem_word(word)


@functools.cache
def stop_words():
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    words = set(StopWordRemoverFactory().get_stop_words())
    # Chat spellings and fillers the Sastrawi list leaves out.
    words |= {
        "yg",
        "dgn",
        "utk",
        "dr",
        "krn",
        "tdk",
        "gak",
        "ga",
        "nggak",
        "aja",
        "sih",
        "deh",
        "nih",
        "tuh",
        "loh",
        "lho",
        "kah",
        "pun",
        "bahwa",
        "beredar",
        "kabar",
        "info",
        "informasi",
        "pesan",
        "berantai",
        "viral",
        "warga",
        "masyarakat",
        "sebut",
        "klaim",
    }
    return frozenset(words)


# --- HTML ------------------------------------------------------------------------------

BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer "
    "figure figcaption hr pre dd dt dl aside nav main".split()
)
VOID_TAGS = frozenset(
    "br img hr input meta link wbr source area base col embed param track".split()
)
NON_TEXT_TAGS = frozenset("script style template noscript head title".split())
# Of those, the ones whose content is words a crawler may read: checked as hidden text.
HIDDEN_TEXT_TAGS = frozenset("script template noscript head title".split())
NAMED_COLOURS = {"white": "#ffffff", "black": "#000000", "red": "#ff0000", "transparent": "none"}
PAGE_BACKGROUND = "#ffffff"
ZERO_WIDTH = "zero-width characters"
CSS_CLASS_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
NEGATIVE_OFFSET = re.compile(r"^-\s*(\d{3,}|[1-9]\d{1,}\s*(?:em|rem|vw|vh|%))")
TINY_SIZE = re.compile(r"^(?:0*\.?0+|0)(?:px|pt|em|rem|%)?$|^[01](?:\.\d+)?px$")
# Text a reader cannot make out: under 4px, a quarter of the normal size, or 25%.
TINY_FONT = re.compile(
    r"^(?:[0-3](?:\.\d+)?(?:px|pt)|0?\.[0-2]\d*(?:em|rem)|(?:[0-9]|1\d|2[0-4])(?:\.\d+)?%|0)$"
)


def parse_style(style):
    declarations = {}
    for item in (style or "").split(";"):
        name, sep, value = item.partition(":")
        if sep:
            declarations[name.strip().lower()] = value.strip().lower().replace("!important", "")
    return declarations


def normalise_colour(value):
    value = (value or "").strip().lower()
    if not value:
        return ""
    if value in NAMED_COLOURS:
        return NAMED_COLOURS[value]
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        return "#" + "".join(c * 2 for c in value[1:])
    if re.fullmatch(r"#[0-9a-f]{6}", value):
        return value
    if re.fullmatch(r"#[0-9a-f]{8}", value):
        return "none" if value.endswith("00") else value[:7]
    rgb = re.fullmatch(r"rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+%?))?\s*\)", value)
    if rgb:
        alpha = rgb.group(4)
        if alpha is not None and float(alpha.rstrip("%") or 1) == 0:
            return "none"
        return "#" + "".join(f"{int(c):02x}" for c in rgb.groups()[:3])
    return value


def similar_colours(first, second):
    """Say whether two normalised #rrggbb colours are too close for text to be read."""
    if not (re.fullmatch(r"#[0-9a-f]{6}", first) and re.fullmatch(r"#[0-9a-f]{6}", second)):
        return first == second
    channels = [int(c[i : i + 2], 16) for c in (first, second) for i in (1, 3, 5)]
    return max(abs(a - b) for a, b in zip(channels[:3], channels[3:], strict=True)) <= 24


def hiding_reason(declarations):
    """Say why CSS declarations hide an element from a reader, or return ''."""
    get = declarations.get
    if get("display", "").startswith("none"):
        return "display:none"
    if get("visibility", "").startswith(("hidden", "collapse")):
        return "visibility:hidden"
    opacity = get("opacity", "")
    if opacity and re.fullmatch(r"0*\.?0*%?|0?\.0\d*|[0-9](?:\.\d+)?%", opacity.strip()):
        return "opacity:0"
    if TINY_SIZE.match(get("font-size", "x")) or TINY_FONT.match(get("font-size", "x")):
        return "font-size:0"
    for side in ("left", "top", "right", "text-indent", "margin-left", "margin-top"):
        if NEGATIVE_OFFSET.match(get(side, "")):
            return "off-screen"
    if (TINY_SIZE.match(get("width", "x")) or TINY_SIZE.match(get("height", "x"))) and get(
        "overflow", ""
    ) in ("hidden", "clip"):
        return "zero size"
    if TINY_SIZE.match(get("max-height", "x")) or TINY_SIZE.match(get("max-width", "x")):
        return "zero size"
    clip = get("clip", "") + get("clip-path", "")
    if re.search(r"rect\(\s*0|inset\(\s*50%|circle\(\s*0", clip):
        return "clipped"
    if re.search(r"scale\(\s*0(?:\.0+)?\s*\)", get("transform", "")):
        return "scale(0)"
    return ""


def _background(declarations):
    return normalise_colour(
        declarations.get("background-color") or declarations.get("background", "").split(" ")[0]
    )


@dataclass(frozen=True)
class ExtractedLink:
    url: str
    text: str
    hidden_reason: str


@dataclass(frozen=True)
class ExtractedHtml:
    text: str
    hidden_text: str
    links: tuple
    images_without_alt: int
    hidden_reasons: tuple = ()


class _Extractor(HTMLParser):
    def __init__(self, hidden_classes):
        super().__init__(convert_charrefs=True)
        self.hidden_classes = hidden_classes
        # Each entry: (tag, hidden_reason, colour, background).
        self.stack = [("", "", "#000000", PAGE_BACKGROUND)]
        self.visible = []
        self.hidden = []
        self.hidden_reasons = []
        self.links = []
        self.open_links = []
        self.images_without_alt = 0

    @property
    def _state(self):
        return self.stack[-1]

    def _element_state(self, tag, attrs):
        _, parent_hidden, colour, background = self._state[:4]
        declarations = parse_style(attrs.get("style"))
        reason = parent_hidden
        if not reason:
            if "hidden" in attrs:
                reason = "hidden attribute"
            elif tag in HIDDEN_TEXT_TAGS:
                reason = f"<{tag}>"
            elif tag in NON_TEXT_TAGS:
                reason = "non-text"
            else:
                reason = hiding_reason(declarations)
            if not reason:
                for css_class in (attrs.get("class") or "").split():
                    if css_class in self.hidden_classes:
                        reason = f"class {css_class}"
                        break
        own_background = _background(declarations)
        if own_background and own_background != "none":
            background = own_background
        own_colour = normalise_colour(declarations.get("color"))
        if own_colour:
            colour = own_colour
        if not reason and (
            colour == "none" or (own_colour and similar_colours(colour, background))
        ):
            reason = "same colour as background"
        return (tag, reason, colour, background)

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        state = self._element_state(tag, attrs)
        if tag in BLOCK_TAGS:
            self._emit("\n", state[1])
        if tag == "img":
            if not attrs.get("alt", "").strip():
                self.images_without_alt += 1
            tiny = attrs.get("width") in ("0", "1") or attrs.get("height") in ("0", "1")
            for link in self.open_links:
                link["has_image"] = link["has_image"] or not (tiny or state[1])
        if tag == "a" and attrs.get("href"):
            self.open_links.append(
                {"href": attrs["href"], "text": [], "hidden": state[1], "has_image": False}
            )
            if tag not in VOID_TAGS:
                self.stack.append(state + ("link",))
            return
        if tag not in VOID_TAGS:
            self.stack.append(state)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                for entry in self.stack[depth:]:
                    if len(entry) > 4 and self.open_links:
                        self._close_link()
                del self.stack[depth:]
                break
        if tag in BLOCK_TAGS:
            self._emit("\n", self._state[1])

    def _close_link(self):
        link = self.open_links.pop()
        text = re.sub(r"\s+", " ", "".join(link["text"])).strip()
        reason = link["hidden"]
        if not reason and not link["has_image"] and len(re.sub(r"\W", "", text)) <= 1:
            reason = "no visible link text"
        self.links.append(ExtractedLink(link["href"], text, reason))

    def handle_data(self, data):
        if splits_words(data) and ZERO_WIDTH not in self.hidden_reasons:
            self.hidden_reasons.append(ZERO_WIDTH)
        data = strip_invisible(data)
        for link in self.open_links:
            link["text"].append(data)
        self._emit(data, self._state[1])

    def _emit(self, data, hidden_reason):
        if hidden_reason == "non-text":
            return
        (self.hidden if hidden_reason else self.visible).append(data)
        if hidden_reason and data.strip() and hidden_reason not in self.hidden_reasons:
            self.hidden_reasons.append(hidden_reason)

    def close(self):
        super().close()
        while self.open_links:
            self._close_link()


def hidden_css_classes(html):
    classes = set()
    for block in STYLE_BLOCK.findall(html):
        for name, body in CSS_CLASS_RULE.findall(block):
            if hiding_reason(parse_style(body)):
                classes.add(name)
    return classes


def extract_html(html):
    """Return the visible text, the text hidden from view, and every link with its visibility."""
    parser = _Extractor(hidden_css_classes(html or ""))
    parser.feed(html or "")
    parser.close()
    visible = re.sub(r"[ \t\r\f\v]*\n\s*", "\n", "".join(parser.visible)).strip()
    visible = re.sub(r"[ \t]+", " ", visible)
    hidden = re.sub(r"\s+", " ", " ".join(parser.hidden)).strip()
    return ExtractedHtml(
        visible,
        hidden,
        tuple(parser.links),
        parser.images_without_alt,
        tuple(parser.hidden_reasons),
    )


LOOKS_LIKE_HTML = re.compile(r"<(?:[a-z][a-z0-9]*)(?:\s[^>]*)?/?>", re.I)


def looks_like_html(text):
    return bool(LOOKS_LIKE_HTML.search(text or ""))
