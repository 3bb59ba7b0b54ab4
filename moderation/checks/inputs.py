"""Build a ``PostInput`` from plain values (the evaluation command, tests, imports)."""

from .text import extract_html, looks_like_html, strip_invisible
from .types import ImageRef, Link, PostInput, SourceRef, TextPart


def html_part(field, html, block_index=None, block_id=None):
    """Return a text part for stored HTML, its links, and one ImageRef per image without alt."""
    extracted = extract_html(html)
    part = TextPart(
        field,
        extracted.text,
        html=html,
        block_index=block_index,
        block_id=block_id,
        hidden_text=extracted.hidden_text,
    )
    links = [
        Link(link.url, link.text, field, block_index, link.hidden_reason)
        for link in extracted.links
    ]
    images = [ImageRef(field, "", block_index, label="<img>")] * extracted.images_without_alt
    return part, links, images


def text_part(field, text, block_index=None, block_id=None):
    """Return a text part for a body that may be plain text or HTML."""
    if looks_like_html(text):
        return html_part(field, text, block_index, block_id)
    return (
        TextPart(field, strip_invisible(text), block_index=block_index, block_id=block_id),
        [],
        [],
    )


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
    return PostInput(
        title=strip_invisible(title or ""),
        summary=strip_invisible(summary or ""),
        body=[part],
        links=links,
        images=images,
        sources=[source_ref(s) for s in sources or () if s],
        category_slug=category_slug or "",
        needs_source=needs_source,
        page_id=page_id,
    )
