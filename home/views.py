"""Public listings that are not pages: search, categories, tags and areas."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from taggit.models import Tag
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from kim.listings import paginate, paginate_posts
from kim.models import Category, PostPage, Region, RegionLevel
from pagecache import generation

from . import sitemaps

SEARCH_QUERY_MAX_LENGTH = 100


def serve(request, path):
    """Wagtail's page view, with the site answering the host kept between requests.

    Wagtail finds the site on every request (a query), then its root page's specific type
    to route from (another). Both are kept until the page cache's site-wide generation
    moves, which every change to a site or a published page makes it do. Routing itself is
    Wagtail's, through the home page's route() (HomePage.route).
    """
    site = generation.remember(
        f"site:{request.get_host()}:{request.get_port()}", lambda: find_site(request)
    )
    # Where Site.find_for_request keeps the request's site, for everything that asks.
    request._wagtail_site = site
    return wagtail_serve(request, path)


def find_site(request):
    site = Site.find_for_request(request)
    if site is not None:
        # Its specific type without its own fields: routing needs only what every page has;
        # the home page's own fields are fetched only when it is itself shown.
        site.root_page = site.root_page.specific_deferred
    return site


def search_words(text):
    """The words of a search as the index holds them: letters and digits, nothing else.

    Punctuation and control characters never match a word in the index, and to the
    database's full-text syntax some of them are operators: on SQLite a double quote ends
    a phrase and a NUL byte the whole query, which the database then refuses (a 500).
    """
    text = text[: SEARCH_QUERY_MAX_LENGTH * 2]
    words = "".join(character if character.isalnum() else " " for character in text)
    return " ".join(words.split())[:SEARCH_QUERY_MAX_LENGTH].strip()


@require_GET
def search(request):
    query = search_words(request.GET.get("q", ""))
    results = None
    if query:
        matches = PostPage.objects.published().for_cards().search(query, backend="site")
        results = paginate(request, matches)
    return render(request, "home/search.html", {"query": query, "results": results})


def _listing(request, *, title, description, posts, empty_is_missing=False):
    page = paginate_posts(request, posts.for_cards())
    # Past the end of a listing that has posts, the page says so; past the end of one that
    # has none (or on its first page), there is nothing to show.
    if empty_is_missing and not page and (page.is_first or not posts.exists()):
        raise Http404
    return render(
        request,
        "home/listing.html",
        {"title": title, "description": description, "posts": page},
    )


@require_GET
def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    posts = PostPage.objects.published().filter(category=category)
    return _listing(request, title=category.name, description=category.description, posts=posts)


@require_GET
def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    posts = PostPage.objects.published().filter(tagged_items__tag=tag)
    # A tag exists as soon as a draft carries it, before the pre-check has read it: its page
    # is public only once a published post carries it.
    return _listing(
        request,
        title=f"#{tag.name}",
        description=_("Posts tagged %(tag)s") % {"tag": tag.name},
        posts=posts,
        empty_is_missing=True,
    )


@require_GET
def region(request, code):
    region = get_object_or_404(
        Region.objects.select_related("parent"),
        code=code,
        level__in=[RegionLevel.DISTRICT, RegionLevel.SUBDISTRICT],
    )
    posts = PostPage.objects.published().in_region(region)
    description = (
        _("Posts from groups in %(area)s") % {"area": f"{region.name}, {region.parent.name}"}
        if region.parent
        else ""
    )
    return _listing(request, title=region.name, description=description, posts=posts)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    base = settings.WAGTAILADMIN_BASE_URL
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/cari/",
        "Disallow: /cari/",
        f"Sitemap: {base}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def sitemap(request, extra=None):
    """Pages and listings, plus the other apps' sitemaps passed in by the root URLconf."""
    return wagtail_sitemap(
        request,
        sitemaps={
            "pages": sitemaps.PageSitemap,
            "listings": sitemaps.ListingSitemap,
            **(extra or {}),
        },
    )
