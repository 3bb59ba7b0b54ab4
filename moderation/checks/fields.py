"""The fields a flag can name: stable identifiers, and the label an editor reads for each.

A flag's ``field`` is one of these identifiers (``sources.url``, ``body.alt_text``...), with
``block_index`` numbering the body block, source, tag or social link it is in. Text a field
hides from readers is checked under the field's identifier followed by ``.hidden``.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .types import HIDDEN_SUFFIX

LABELS = {
    # Posts.
    "title": _("Title"),
    "seo_title": _("Title for search engines"),
    "search_description": _("Search description"),
    "summary": _("Summary"),
    "hero_alt": _("Main photo's alternative text"),
    "hero_image": _("Main photo's title"),
    "event_place": _("Event place"),
    "body": _("Body"),
    "body.caption": _("Body: photo caption"),
    "body.alt_text": _("Body: photo's alternative text"),
    "body.embed": _("Body: video or embed address"),
    "tags": _("Tags"),
    "sources.title": _("Source: what"),
    "sources.description": _("Source: description"),
    "sources.url": _("Source: link"),
    "district_message": _("District-wide message"),
    # Group pages.
    "description": _("Group description"),
    "address": _("Office address"),
    "phone": _("Office phone"),
    "email": _("Office e-mail"),
    "social_links.url": _("Official social account"),
}
# Network texts are named "crosspost.<network>" after crossposting.models.Network.
CROSSPOST_PREFIX = "crosspost."
NUMBERED = {"body": _("block"), "sources": _("source"), "social_links": _("account")}


def field_label(field, block_index=None):
    """Return the label for a flag's field, e.g. "Isi, blok 3" or "Sumber 2: tautan"."""
    if not field:
        return ""
    hidden = field.endswith(HIDDEN_SUFFIX)
    name = field.removesuffix(HIDDEN_SUFFIX)
    if name.startswith(CROSSPOST_PREFIX):
        label = gettext("Text for %(network)s") % {
            "network": _network_label(name.removeprefix(CROSSPOST_PREFIX))
        }
    else:
        label = str(LABELS.get(name, name))
    group = name.split(".")[0]
    if block_index is not None and group in NUMBERED:
        label = gettext("%(label)s (%(item)s %(number)s)") % {
            "label": label,
            "item": NUMBERED[group],
            "number": block_index + 1,
        }
    if hidden:
        label = gettext("%(label)s, hidden text") % {"label": label}
    return label


def _network_label(network):
    # Network names are crossposting's; looked up without importing it (it may be absent).
    from django.apps import apps

    try:
        model = apps.get_model("crossposting", "SocialAccount")
    except LookupError:
        return network
    return dict(model._meta.get_field("network").choices).get(network, network)
