"""The admin's image form: an upload is refused with a clear message before it can break."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# A JPEG is checked at an eighth of its size: every byte of it is still read and decoded,
# so a cut-off file still fails, in a sixty-fourth of the memory.
JPEG_DRAFT_SCALE = 8
BROKEN_IMAGE = _(
    "This image is damaged or incomplete, perhaps cut off while it was sent. "
    "Open it on your device to check it, then upload it again."
)


def check_decodes(file):
    """Decode the whole image, as a rendition will; raise ValidationError when it cannot.

    A photo cut off by a dropped connection has a whole header: it would pass a check of
    the header and then fail every rendition, in the admin's listing and on the public page.
    """
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            if image.format == "JPEG":
                image.draft(
                    image.mode,
                    (image.width // JPEG_DRAFT_SCALE, image.height // JPEG_DRAFT_SCALE),
                )
            image.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as error:
        raise ValidationError(BROKEN_IMAGE, code="broken_image") from error
    finally:
        file.seek(0)


class PhotoFileField(WagtailImageField):
    """Wagtail's image field, which first reads the pixel count from the header alone.

    Wagtail measures an upload through Willow, which decodes the whole image first: an
    11,000 x 11,000 PNG of 345 KB took 13 s and 1.1 GB before being refused. Pillow's
    `open` reads only the header, so too many pixels are refused before any decoding.
    """

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "seek"):
            self.check_header_pixels(data)
        try:
            file = super().to_python(data)
        except OSError as error:  # Willow decodes while measuring: a broken file fails there
            raise ValidationError(BROKEN_IMAGE, code="broken_image") from error
        if file is not None:
            check_decodes(file)
        return file

    def check_header_pixels(self, data):
        if not self.max_image_pixels:
            return
        data.seek(0)
        try:
            with PILImage.open(data) as image:
                pixels = image.width * image.height * getattr(image, "n_frames", 1)
        except PILImage.DecompressionBombError:
            pixels = None  # more than twice Pillow's limit: too many, however many
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            return  # not an image Pillow knows: Wagtail's checks below say so
        finally:
            data.seek(0)
        if pixels is None or pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": pixels or _("unknown number"),
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


class PhotoForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): every upload view uses it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = PhotoFileField(
                label=field.label, required=field.required, widget=field.widget
            )
