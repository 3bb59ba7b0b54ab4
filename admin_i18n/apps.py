from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminI18nConfig(AppConfig):
    """Ship Indonesian for Wagtail's admin; listed before Wagtail so its catalogue wins."""

    name = "admin_i18n"
    verbose_name = _("Admin translations")
