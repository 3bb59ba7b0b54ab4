"""Read post pages and revisions into the checks' plain data."""

from wagtail.models import Revision

from .inputs import html_part, plain_part, readable
from .types import ImageRef, Link, PostInput, SourceRef

# Other apps add the text they will publish for a page (crossposting: each network's text).
# A function registered under this hook name takes the page and returns (field, text) pairs.
EXTRA_TEXT_HOOK = "moderation_precheck_texts"


def _image_label(image):
    return getattr(image, "title", "") or ""


def _alt_part(alts, index, block_id):
    alts = [alt for alt in alts if alt and alt.strip()]
    return plain_part("body.alt_text", "\n".join(alts), index, block_id) if alts else None


def _body_parts(body):
    """Every block's text, captions, alternative texts and links, each named by its field."""
    parts, extra, links, images = [], [], [], []
    for index, block in enumerate(body):
        kind, value, block_id = block.block_type, block.value, block.id

        def plain(text, field="body", index=index, block_id=block_id):
            if text and text.strip():
                parts.append(plain_part(field, text, index, block_id))

        if kind == "paragraph":
            part, part_links, part_images = html_part("body", value.source, index, block_id)
            parts.append(part)
            links.extend(part_links)
            images.extend(part_images)
        elif kind == "image":
            alt = value.get("alt_text") or ""
            images.append(ImageRef("body", alt, index, _image_label(value.get("image"))))
            extra.append(_alt_part([alt], index, block_id))
            plain(value.get("caption"), "body.caption")
        elif kind == "quote":
            attribution = value.get("attribution") or ""
            plain(value.get("text", "") + (f"\n— {attribution}" if attribution else ""))
        elif kind == "embed":
            url = getattr(value, "url", "") if value else ""
            if url:
                links.append(Link(url, "", "body.embed", index))
        elif kind == "gallery":
            plain(value.get("title"))
            alts, captions = [], []
            for item in value.get("images") or ():
                alts.append(item.get("alt_text") or "")
                images.append(ImageRef("body", alts[-1], index, _image_label(item.get("image"))))
                captions.append(item.get("caption") or "")
            extra.append(_alt_part(alts, index, block_id))
            plain("\n".join(c for c in captions if c), "body.caption")
        elif kind == "document":
            plain(value.get("title") or _image_label(value.get("document")))
    return parts, [part for part in extra if part], links, images


def _tag_names(page):
    """The post's tags, in one query (a revision's tagged items fetch their tag one by one)."""
    from taggit.models import Tag

    ids = [item.tag_id for item in page.tagged_items.all()]
    names = dict(Tag.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    return [names[pk] for pk in ids if pk in names]


def extra_texts(page):
    """The (field, text) pairs other apps will publish for the page (see EXTRA_TEXT_HOOK)."""
    from wagtail import hooks

    return [pair for fn in hooks.get_hooks(EXTRA_TEXT_HOOK) for pair in fn(page) or ()]


def _specific(page_or_revision):
    page = page_or_revision
    if isinstance(page, Revision):
        page = page.as_object()
    return page.specific_deferred if hasattr(page, "specific_deferred") else page


def post_input_from_page(page_or_revision):
    """Return the ``PostInput`` for a post page, an unsaved edit of one, or a revision.

    Every field that can reach a reader is in it: the title and the search engines' title
    and description, the summary, every block of the body with its captions, alternative
    texts and links, the main photo's alternative text and title, the tags, each source's
    title, description and link, and the texts other apps will publish (social networks).
    """
    page = _specific(page_or_revision)
    parts, extra, links, images = _body_parts(page.body)
    head = [
        plain_part("seo_title", page.seo_title),
        plain_part("search_description", page.search_description),
    ]
    if page.hero_image_id:
        images.insert(0, ImageRef("hero_alt", page.hero_alt, None, _image_label(page.hero_image)))
        head.append(plain_part("hero_image", _image_label(page.hero_image)))
    head.append(plain_part("hero_alt", page.hero_alt))
    head.append(plain_part("event_place", getattr(page, "event_place", "")))
    tags = _tag_names(page)
    if tags:
        head.append(plain_part("tags", "\n".join(tags)))
    sources = list(page.sources.all())
    for index, source in enumerate(sources):
        head.append(plain_part("sources.title", source.title, index))
        head.append(plain_part("sources.description", source.description, index))
    for field, text in extra_texts(page):
        head.append(plain_part(field, text))
    title, title_hidden = readable(page.title)
    summary, summary_hidden = readable(page.summary)
    category = page.category
    return PostInput(
        title=title,
        summary=summary,
        body=parts,
        extra_parts=[part for part in head + extra if part.text or part.hidden_reasons],
        links=links,
        images=images,
        sources=[SourceRef(s.title, s.url, s.description) for s in sources],
        category_slug=category.slug if category else "",
        needs_source=bool(category and category.needs_source),
        page_id=page.pk,
        hidden_reasons={"title": title_hidden, "summary": summary_hidden},
    )


def group_input_from_page(page_or_revision):
    """Return the ``PostInput`` for a group's page: its profile as the public sees it."""
    page = _specific(page_or_revision)
    description, links, _images = html_part("description", str(page.description or ""))
    parts = [
        plain_part("seo_title", page.seo_title),
        plain_part("search_description", page.search_description),
        description,
        plain_part("address", page.address),
        plain_part("phone", page.phone),
        plain_part("email", page.email),
    ]
    for index, social in enumerate(page.social_links.all()):
        links.append(Link(social.url, "", "social_links.url", index))
    title, title_hidden = readable(page.title)
    return PostInput(
        title=title,
        extra_parts=[part for part in parts if part.text or part.hidden_reasons],
        links=links,
        page_id=page.pk,
        hidden_reasons={"title": title_hidden},
    )
