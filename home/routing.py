"""Route the public site's commonest addresses, a group's page and a post, in one query.

Wagtail routes an address level by level: the site's root page, its specific type, then one
query per level down to the page (the group directory, the group, the post). Posts and groups
are what readers open most, and their place in the tree is fixed (home, directory, group,
post), so their addresses are looked up directly by slug and full URL path instead. The
page's own route() still decides whether it may be shown. Anything this cannot answer
(other pages, unknown addresses, a post whose group link is stale) goes Wagtail's way.

The site answering a host is cached until the page cache's site-wide generation moves,
which every change to a site or a published page makes it do.
"""

from wagtail.models import Page, Site

from kim.models import GroupPage, PostPage
from pagecache import generation

from .prepared import PreparedLookup

# Path components below the site's root page: kelompok/<group>/ and kelompok/<group>/<post>/.
# By full URL path (indexed by kim/0010) and slug.
ROUTED = {
    2: PreparedLookup(
        lambda **exact: GroupPage.objects.select_related("region__parent", "logo").filter(**exact),
        "slug",
        "url_path",
    ),
    3: PreparedLookup(
        lambda **exact: PostPage.objects.for_page_view().filter(**exact), "slug", "url_path"
    ),
}


def find_route(request, path):
    """Return Wagtail's route result for a group or post address, or None to route as usual.

    Raises Http404 (like Wagtail's own routing) when the page exists but must not be shown.
    """
    components = [component for component in path.split("/") if component]
    lookup = ROUTED.get(len(components))
    # For every page: Wagtail's own routing, when it routes, then finds the site cached too.
    site = find_site(request)
    if lookup is None or site is None:
        return None
    url_path = f"{site.root_page.url_path}{'/'.join(components)}/"
    page = lookup.first(slug=components[-1], url_path=url_path)
    if page is None:
        return None
    if isinstance(page, PostPage):
        group = page.group
        if group is None or group.path != page.path[: -Page.steplen]:
            return None
        return group.route_to_post(request, page)
    return page.route(request, [])


def find_site(request):
    """Site.find_for_request(request), from the cache while the generation stands still."""
    site = generation.remember(
        f"site:{request.get_host()}:{request.get_port()}",
        lambda: Site.find_for_request(request),
    )
    # Where Wagtail keeps the request's site, for everything else that asks.
    request._wagtail_site = site
    return site
