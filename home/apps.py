from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published, page_unpublished

        from kim.models import PostPage

        from .search import post_changed

        # Saving writes the page's row; publishing then its tags (after post_save).
        for signal in (post_save, page_published, page_unpublished):
            signal.connect(post_changed, sender=PostPage, dispatch_uid="home_search")
