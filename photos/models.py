"""The portal's image model: Wagtail's, minus any location data."""

import os
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .metadata import without_metadata


class Photo(AbstractImage):
    """An uploaded image whose stored original has had EXIF/GPS metadata removed."""

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def strip_metadata(self):
        """Replace the file with a copy without metadata; renditions then carry none either."""
        self.file.open("rb")
        self.file.seek(0)
        data = self.file.read()
        self.file.seek(0)
        clean = without_metadata(data)
        if clean is None:
            return
        old_name = self.file.name if self.file._committed else None
        self.file.save(os.path.basename(self.file.name), ContentFile(clean), save=False)
        # Saving new content leaves width and height unset (and the orientation may have
        # turned the picture), so measure the clean file.
        with PILImage.open(BytesIO(clean)) as image:
            self.width, self.height = image.size
        if old_name and old_name != self.file.name:
            self.file.storage.delete(old_name)

    def _set_image_file_metadata(self):
        # Called by Wagtail's upload views and forms before the image is saved.
        self.strip_metadata()
        super()._set_image_file_metadata()

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.strip_metadata()
        super().save(*args, **kwargs)


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
