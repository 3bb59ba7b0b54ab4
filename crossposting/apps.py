from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrosspostingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "crossposting"
    verbose_name = _("Cross-posting")

    def ready(self):
        from . import signals

        signals.connect()
