"""Read-side helpers for public listings of groups and posts."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.template.loader import get_template

from pagecache.dependencies import POST_CARD
from pagecache.fragments import cached_fragments, published_versions

from .models import CARD_PREFETCHES, GroupKind, GroupPage, Region, RegionLevel

CARD_TEMPLATE = "includes/post_card.html"


def paginate(request, queryset, per_page=None):
    """Return the requested page of a queryset; out-of-range numbers give the last page."""
    paginator = Paginator(queryset, per_page or settings.PORTAL_POSTS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


def card_layout(posts, *, heading="h3", lead=False, lead_sizes="", eager=0):
    """Pair each post with the parameters its card takes at its place in the list.

    The lead card (the first, with `lead`) is fetched first, at `lead_sizes`; the first `eager`
    cards load at once, the others when scrolled to.
    """
    cards = []
    for index, post in enumerate(posts):
        options = {"heading": heading}
        if lead and index == 0:
            options |= {"priority": "high", "sizes": lead_sizes}
        elif index < eager:
            options["loading"] = "eager"
        cards.append((post, options))
    return cards


def render_cards(request, cards):
    """Return the HTML of each (post, options) card, kept per published revision of the post.

    All the cards are looked up in one cache round trip; only the missing ones fetch their
    photo renditions and are rendered.
    """
    template = get_template(CARD_TEMPLATE)

    def render(cards):
        prefetch_related_objects([post for post, _ in cards], *CARD_PREFETCHES)
        return [
            template.render({"post": post, "request": request, **options})
            for post, options in cards
        ]

    # {% pageurl %} writes addresses relative to the site answering the host.
    host = request.get_host() if request else ""
    return cached_fragments(
        request, POST_CARD.name, cards, lambda card: _card_versions(card, host), render
    )


def _card_versions(card, host):
    post, options = card
    # The card shows its group's name, which changes by publishing the group's page (the
    # registry's renames go through services.group_sync); what else it shows is declared in
    # pagecache.dependencies.POST_CARD.
    return (
        *published_versions(post),
        *published_versions(post.group),
        host,
        *sorted(options.items()),
    )


def group_directory_context(directory, request):
    """Filter the group directory by district, sub-district and kind, from GET parameters."""
    districts = list(Region.objects.districts().with_public_groups())
    groups = (
        GroupPage.objects.child_of(directory)
        .public_groups()
        .public()
        .select_related("region", "region__parent", "logo")
        .prefetch_related("logo__renditions")
        .order_by("title")
    )
    subdistrict_code = request.GET.get("kecamatan") or ""
    # A link to a sub-district alone implies its district (codes nest: 33.10 > 33.10.01).
    district_code = request.GET.get("kabupaten") or subdistrict_code.rpartition(".")[0]
    district = _pick(districts, district_code)
    subdistricts = []
    subdistrict = None
    if district:
        groups = groups.filter(region__in=Region.objects.within(district))
        subdistricts = list(Region.objects.subdistricts().filter(parent=district))
        subdistrict = _pick(subdistricts, subdistrict_code)
        if subdistrict:
            groups = groups.filter(region__in=Region.objects.within(subdistrict))
    kind = request.GET.get("jenis")
    if kind in GroupKind.values:
        groups = groups.filter(kind=kind)
    filters = {"kabupaten": district, "kecamatan": subdistrict}
    extra_query = urlencode(
        {key: region.code for key, region in filters.items() if region}
        | ({"jenis": kind} if kind in GroupKind.values else {})
    )
    return {
        "extra_query": extra_query,
        "districts": districts,
        "district": district,
        "subdistricts": subdistricts,
        "subdistrict": subdistrict,
        "kinds": GroupKind.choices,
        "kind": kind if kind in GroupKind.values else "",
        "groups": paginate(request, groups, per_page=30),
        "subdistrict_level": RegionLevel.SUBDISTRICT,
    }


def _pick(regions, code):
    return next((region for region in regions if region.code == code), None)
