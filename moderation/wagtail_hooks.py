"""Admin menus for the pre-check rule data, and the editors' dashboard panels."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kim.permissions import is_district_staff

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


@hooks.register("construct_homepage_panels")
def leave_reviews_to_the_queue(request, panels):
    """Show district staff the review queue instead of Wagtail's "awaiting your review".

    Wagtail's panel lists every review in progress, with several queries each: thousands in a
    province. The queue shows the oldest and links each to the editor, where reviews are done.
    """
    if is_district_staff(request.user):
        panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]


from . import hooks  # noqa: E402,F401  (workflow hooks: check first, queue, claims)
