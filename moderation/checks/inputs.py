"""Build a ``PostInput`` from plain values (the evaluation command, tests, imports).

Text is made readable for the checks first: HTML entities decoded, invisible characters
removed, and letters that only look Latin (Cyrillic, full-width, mathematical bold) read as
the letters they imitate. How a field hid text is kept on its part (``hidden_reasons``).
"""

import functools
import html as html_lib
import unicodedata

from .text import ZERO_WIDTH, extract_html, looks_like_html, splits_words, strip_invisible
from .types import ImageRef, Link, PostInput, SourceRef, TextPart

# Letters of other alphabets drawn like Latin ones, as used to slip past word lists.
LOOKALIKES = str.maketrans(
    "аеорсхуіјѕԁһкмтвнАЕОРСХУІЈЅКМТВНαοτνρκιΑΒΕΖΗΙΚΜΝΟΡΤΥΧɡℓ",
    "aeopcxyijsdhkmtbhAEOPCXYIJSKMTBHaotvpkiABEZHIKMNOPTYXgl",
)


@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    folded = unicodedata.normalize("NFKC", char)
    return folded if folded.isascii() and folded.isalnum() else char


def fold_lookalikes(text):
    """Read look-alike letters as the Latin letters they imitate (ｓｌｏｔ, 𝐬𝐥𝐨𝐭, slоt)."""
    if not text or text.isascii():
        return text or ""
    text = text.translate(LOOKALIKES)
    return "".join(c if c.isascii() else _fold_char(c) for c in text)


def readable(text):
    """Return ``(text, hidden_reasons)`` for a plain field, as the checks should read it."""
    text = text or ""
    if "&" in text:
        text = html_lib.unescape(text)
    reasons = (ZERO_WIDTH,) if splits_words(text) else ()
    return fold_lookalikes(strip_invisible(text)), reasons


def plain_part(field, text, block_index=None, block_id=None):
    """Return the text part for a plain-text field (never parsed as HTML: it is escaped)."""
    text, reasons = readable(text)
    return TextPart(field, text, block_index=block_index, block_id=block_id, hidden_reasons=reasons)


def html_part(field, html, block_index=None, block_id=None):
    """Return a text part for stored HTML, its links, and one ImageRef per image without alt."""
    extracted = extract_html(html)
    part = TextPart(
        field,
        fold_lookalikes(extracted.text),
        html=html,
        block_index=block_index,
        block_id=block_id,
        hidden_text=fold_lookalikes(extracted.hidden_text),
        hidden_reasons=extracted.hidden_reasons,
    )
    links = [
        Link(link.url, fold_lookalikes(link.text), field, block_index, link.hidden_reason)
        for link in extracted.links
    ]
    images = [ImageRef(field, "", block_index, label="<img>")] * extracted.images_without_alt
    return part, links, images


def text_part(field, text, block_index=None, block_id=None):
    """Return a text part for a body that may be plain text or HTML."""
    if looks_like_html(text):
        return html_part(field, text, block_index, block_id)
    return plain_part(field, text, block_index, block_id), [], []


def source_ref(value):
    if isinstance(value, SourceRef):
        return value
    if isinstance(value, dict):
        return SourceRef(
            title=str(value.get("title") or value.get("name") or ""),
            url=str(value.get("url") or value.get("link") or ""),
            description=str(value.get("description") or ""),
        )
    value = str(value)
    is_url = value.startswith(("http://", "https://"))
    return SourceRef(title="" if is_url else value, url=value if is_url else "")


def post_input_from_text(
    title, body, *, summary="", sources=(), category_slug="", needs_source=False, page_id=None
):
    part, links, images = text_part("body", body or "")
    title, title_hidden = readable(title)
    summary, summary_hidden = readable(summary)
    return PostInput(
        title=title,
        summary=summary,
        hidden_reasons={"title": title_hidden, "summary": summary_hidden},
        body=[part],
        links=links,
        images=images,
        sources=[source_ref(s) for s in sources or () if s],
        category_slug=category_slug or "",
        needs_source=needs_source,
        page_id=page_id,
    )
