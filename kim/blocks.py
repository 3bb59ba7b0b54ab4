"""StreamField blocks for post bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text on an allow-list: no raw HTML, no classes or styles, so nothing can be hidden.
POST_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "blockquote"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the photo for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Gallery title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), min_num=2, max_num=24, label=_("Images"))

    class Meta:
        icon = "grip"
        label = _("Gallery")
        template = "blocks/gallery_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Attached document")
        template = "blocks/document_block.html"


class PostBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=POST_RICH_TEXT_FEATURES, label=_("Text"), template="blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Video or embed"), icon="media", template="blocks/embed_block.html")
    gallery = GalleryBlock()
    document = DocumentBlock()

    class Meta:
        block_counts = {"paragraph": {"min_num": 1}}
