"""Admin menus for the pre-check rule data: word lists, debunked claims, check policies."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import DebunkedClaim, FlagPolicy, WordRule


class WordRuleViewSet(SnippetViewSet):
    model = WordRule
    icon = "list-ul"
    menu_label = _("Word lists")
    list_display = ["term", "code", "match", "active"]
    list_filter = ["code", "match", "active"]
    search_fields = ["term", "notes"]


class DebunkedClaimViewSet(SnippetViewSet):
    model = DebunkedClaim
    icon = "warning"
    menu_label = _("Debunked claims")
    list_display = ["__str__", "source_name", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["claim", "correction"]


class FlagPolicyViewSet(SnippetViewSet):
    model = FlagPolicy
    icon = "cog"
    menu_label = _("Check policies")
    list_display = ["code", "action", "active", "threshold"]
    list_filter = ["action", "active"]


class PrecheckRulesGroup(SnippetViewSetGroup):
    menu_label = _("Pre-check rules")
    menu_icon = "tick-inverse"
    menu_order = 250
    items = (WordRuleViewSet, DebunkedClaimViewSet, FlagPolicyViewSet)


register_snippet(PrecheckRulesGroup)

from . import hooks  # noqa: E402,F401  (workflow hooks: check first, queue, claims)
