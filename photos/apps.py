from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "photos"
    verbose_name = _("Photos")

    def ready(self):
        from PIL import Image

        # Pillow refuses to open twice its limit (DecompressionBombError) wherever an image is
        # opened, uploads or not: tie its limit to the upload limit (its default is 89 MP).
        if settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
