"""sitemap.xml: every public page and listing, in each language, with hreflang alternates.

The site has one page tree; English is the same page under /en/ (i18n_patterns), so each
address is listed once per language and names the others as its alternates.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse, translate_url
from django.utils import translation
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Site

from kim.models import Category, PostPage, PostPageTag, Region, RegionLevel, publicly_listed


def _language_versions(url_info):
    """One entry per language for the address of ``url_info``, each naming all of them."""
    alternates = [
        {"lang_code": code, "location": translate_url(url_info["location"], code)}
        for code, _name in settings.LANGUAGES
    ]
    alternates.append({"lang_code": "x-default", "location": url_info["location"]})
    return [
        {**url_info, "location": alternate["location"], "alternates": alternates}
        for alternate in alternates[:-1]
    ]


class PageSitemap(WagtailSitemap):
    """Wagtail's pages, less unpublished groups' posts and training sandboxes (both 404)."""

    def items(self):
        return publicly_listed(super().items())

    def get_urls(self, page=1, site=None, protocol=None):
        # Built in the default language, whatever the reader's; the others are derived.
        with translation.override(settings.LANGUAGE_CODE):
            urls = super().get_urls(page=page, site=site, protocol=protocol)
            return [entry for url_info in urls for entry in _language_versions(url_info)]


class ListingSitemap(Sitemap):
    """Category, tag and area listings that have at least one published post."""

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request

    def _root(self):
        """The Wagtail Site's address, so listings share the pages' host and scheme."""
        site = Site.find_for_request(self.request) if self.request else None
        site = site or Site.objects.get(is_default_site=True)
        return urlsplit(site.root_url)

    def get_protocol(self, protocol=None):
        return self._root().scheme

    def get_domain(self, site=None):
        return self._root().netloc

    def items(self):
        posts = PostPage.objects.published()
        categories = Category.objects.filter(
            pk__in=posts.filter(category__isnull=False).values("category")
        ).order_by("slug")
        tags = Tag.objects.filter(
            pk__in=PostPageTag.objects.filter(content_object__in=posts).values("tag")
        ).order_by("slug")
        return [
            *(("category", category.slug) for category in categories),
            *(("tag", tag.slug) for tag in tags),
            *(("region", code) for code in self._region_codes(posts)),
        ]

    def _region_codes(self, posts):
        """The districts and sub-districts of the groups that have published posts."""
        group_codes = posts.values_list("group__region__code", flat=True).distinct()
        prefixes = set()
        for code in group_codes:
            parts = code.split(".")
            prefixes.update(".".join(parts[:depth]) for depth in (2, 3) if len(parts) >= depth)
        return Region.objects.filter(
            code__in=prefixes, level__in=[RegionLevel.DISTRICT, RegionLevel.SUBDISTRICT]
        ).values_list("code", flat=True)

    def location(self, item):
        name, key = item
        return reverse(name, args=[key])
