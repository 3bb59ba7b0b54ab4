"""Remove embedded metadata (EXIF, GPS, XMP) from uploaded photos.

Phone photos carry the GPS position where they were taken, often a member's home. The portal
keeps no metadata at all: the orientation is applied to the pixels, the colour profile kept.
"""

from io import BytesIO

from PIL import Image, ImageOps

FORMATS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp")


def has_metadata(image):
    return bool(image.getexif()) or any(key in image.info for key in METADATA_KEYS)


def without_metadata(data):
    """Return the image bytes re-encoded without metadata, or None when nothing needs removing."""
    with Image.open(BytesIO(data)) as image:
        if image.format not in FORMATS or not has_metadata(image):
            return None
        if getattr(image, "is_animated", False):
            return None
        fmt = image.format
        clean = ImageOps.exif_transpose(image)
        clean.info.pop("exif", None)
        clean.info.pop("xmp", None)
        options = dict(FORMATS[fmt])
        if icc := image.info.get("icc_profile"):
            options["icc_profile"] = icc
        if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        out = BytesIO()
        # No exif argument at all: even an empty Exif() writes an (empty) EXIF segment.
        clean.save(out, fmt, **options)
        return out.getvalue()
