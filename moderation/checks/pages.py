"""Read post pages and revisions into the checks' plain data."""

from wagtail.models import Revision

from .inputs import html_part
from .text import strip_invisible
from .types import ImageRef, Link, PostInput, SourceRef, TextPart


def _image_label(image):
    return getattr(image, "title", "") or ""


def _body_parts(body):
    parts, links, images = [], [], []
    for index, block in enumerate(body):
        kind, value, block_id = block.block_type, block.value, block.id

        def plain(text, index=index, block_id=block_id):
            if text and text.strip():
                parts.append(
                    TextPart("body", strip_invisible(text), block_index=index, block_id=block_id)
                )

        if kind == "paragraph":
            part, part_links, part_images = html_part("body", value.source, index, block_id)
            parts.append(part)
            links.extend(part_links)
            images.extend(part_images)
        elif kind == "image":
            images.append(
                ImageRef(
                    "body", value.get("alt_text") or "", index, _image_label(value.get("image"))
                )
            )
            plain(value.get("caption"))
        elif kind == "quote":
            attribution = value.get("attribution") or ""
            plain(value.get("text", "") + (f"\n— {attribution}" if attribution else ""))
        elif kind == "embed":
            url = getattr(value, "url", "") if value else ""
            if url:
                links.append(Link(url, "", "body", index))
        elif kind == "gallery":
            captions = [value.get("title") or ""]
            for item in value.get("images") or ():
                images.append(
                    ImageRef(
                        "body", item.get("alt_text") or "", index, _image_label(item.get("image"))
                    )
                )
                captions.append(item.get("caption") or "")
            plain("\n".join(c for c in captions if c))
        elif kind == "document":
            plain(value.get("title") or _image_label(value.get("document")))
    return parts, links, images


def post_input_from_page(page_or_revision):
    """Return the ``PostInput`` for a post page, an unsaved edit of one, or a revision."""
    page = page_or_revision
    if isinstance(page, Revision):
        page = page.as_object()
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    parts, links, images = _body_parts(page.body)
    if page.hero_image_id:
        images.insert(0, ImageRef("hero_alt", page.hero_alt, None, _image_label(page.hero_image)))
    extra = []
    if getattr(page, "event_place", ""):
        extra.append(TextPart("event_place", page.event_place))
    category = page.category
    return PostInput(
        title=strip_invisible(page.title),
        summary=strip_invisible(page.summary),
        body=parts,
        extra_parts=extra,
        links=links,
        images=images,
        sources=[SourceRef(s.title, s.url, s.description) for s in page.sources.all()],
        category_slug=category.slug if category else "",
        needs_source=bool(category and category.needs_source),
        page_id=page.pk,
    )
