"""Read-side helpers for public listings of groups and posts."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.template.loader import get_template

from pagecache.dependencies import POST_CARD
from pagecache.fragments import cached_fragments, published_versions

from .models import CARD_PREFETCHES, GroupKind, GroupPage, Region, RegionLevel

CARD_TEMPLATE = "includes/post_card.html"


def paginate(request, queryset, per_page=None):
    """Return the requested page of a queryset; out-of-range numbers give the last page."""
    paginator = Paginator(queryset, per_page or settings.PORTAL_POSTS_PER_PAGE)
    return paginator.get_page(request.GET.get("page"))


# The query parameters of a post listing's pages: the posts published before, or after, the
# post the cursor names (see PostsPage.cursor).
OLDER = "sebelum"
NEWER = "sesudah"
CURSOR_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"


@dataclass
class PostsPage:
    """One page of a post listing, newest first, with the cursors of its neighbours.

    A listing's pages are found from the post before or after them (keyset pagination), not
    numbered: a page deep into a category of 25,000 posts reads its few posts along the index
    on the publication date instead of counting every match and skipping those before it.
    """

    posts: list
    # Whether the address named a page other than the first (even one with nothing on it).
    is_first: bool = True
    has_older: bool = False
    has_newer: bool = False
    older_query: str = field(init=False, default="")
    newer_query: str = field(init=False, default="")

    def __post_init__(self):
        if self.has_older:
            self.older_query = urlencode({OLDER: self.cursor(self.posts[-1])}, safe=":,")
        if self.has_newer:
            self.newer_query = urlencode({NEWER: self.cursor(self.posts[0])}, safe=":,")

    def __iter__(self):
        return iter(self.posts)

    def __len__(self):
        return len(self.posts)

    def __getitem__(self, index):
        return self.posts[index]

    @staticmethod
    def cursor(post):
        """Name a post by its publication time (UTC) and key: `2026-11-20T08:15:30.123456,42`."""
        published = post.first_published_at.astimezone(UTC)
        return f"{published.strftime(CURSOR_TIME_FORMAT)},{post.pk}"


def read_cursor(text):
    """Return the (publication time, key) a cursor names, or None for anything else."""
    published, _, key = (text or "").partition(",")
    # Keys are positive bigints: at most 18 digits keeps them in range.
    if not (key.isascii() and key.isdigit() and len(key) <= 18):
        return None
    try:
        published = datetime.strptime(published, CURSOR_TIME_FORMAT)  # noqa: DTZ007 (UTC)
    except ValueError:
        return None
    return published.replace(tzinfo=UTC), int(key)


def paginate_posts(request, posts, per_page=None):
    """Return the page of a post queryset that the request's cursor names (the first if none).

    An unreadable cursor gives the first page, as the page numbers of paginate() do; one
    beyond the end gives an empty page that is not the first.
    """
    per_page = per_page or settings.PORTAL_POSTS_PER_PAGE
    older = read_cursor(request.GET.get(OLDER))
    newer = None if older else read_cursor(request.GET.get(NEWER))
    if newer:
        published, key = newer
        # `lte`/`gte` beside the exact condition let the database start reading the date
        # index at the cursor rather than filter everything from the newest post down.
        rows = list(
            posts.filter(first_published_at__gte=published)
            .filter(Q(first_published_at__gt=published) | Q(pk__gt=key))
            .order_by("first_published_at", "pk")[: per_page + 1]
        )
        page = rows[:per_page][::-1]
        return PostsPage(page, is_first=False, has_older=bool(page), has_newer=len(rows) > per_page)
    if older:
        published, key = older
        posts = posts.filter(first_published_at__lte=published).filter(
            Q(first_published_at__lt=published) | Q(pk__lt=key)
        )
    else:
        # Every live post has a publication date. Saying so lets PostgreSQL, which sorts
        # empty dates first when descending, start past the drafts' thousands of them.
        posts = posts.filter(first_published_at__isnull=False)
    rows = list(posts.order_by("-first_published_at", "-pk")[: per_page + 1])
    page = rows[:per_page]
    return PostsPage(
        page,
        is_first=not older,
        has_older=len(rows) > per_page,
        has_newer=bool(older and page),
    )


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
