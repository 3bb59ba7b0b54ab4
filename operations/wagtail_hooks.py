from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AllowedDomain


class AllowedDomainViewSet(SnippetViewSet):
    model = AllowedDomain
    icon = "link-external"
    menu_label = _("Allowed link domains")
    list_display = ["domain", "note"]
    search_fields = ["domain", "note"]
    ordering = ["domain"]


register_snippet(AllowedDomainViewSet)
