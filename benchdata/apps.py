from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchdataConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "benchdata"
    verbose_name = _("Benchmark data")
