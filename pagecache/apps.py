from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import backends, generation, signals

        signals.connect()
        # Publications during a Redis outage could not move the generations: move them when
        # Redis answers again, so no page stored before the outage is served after it.
        backends.on_recovery(generation.advance_all)
