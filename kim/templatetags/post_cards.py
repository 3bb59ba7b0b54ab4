"""The cards of a list of posts, kept per revision of each post (see kim.listings)."""

from django import template
from django.utils.safestring import mark_safe

from kim.listings import card_layout, render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def post_cards(context, posts, heading="h3", lead=False, lead_sizes="", eager=0):
    """Render the posts' cards, laid out as card_layout() says."""
    layout = card_layout(posts, heading=heading, lead=lead, lead_sizes=lead_sizes, eager=eager)
    # Each card is HTML its own template escaped.
    return mark_safe("".join(render_cards(context.get("request"), layout)))  # noqa: S308
