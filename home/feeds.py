"""RSS and Atom feeds of the newest posts, site-wide and per group."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from kim.models import GroupPage, PostPage

FEED_LENGTH = 30


def absolute(path):
    """The public address of `path` at BASE_URL, whatever host the feed was fetched from."""
    if path.startswith(("http://", "https://")):  # a page of another site, with its host
        return path
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def plain_text(value):
    """The summary as text a feed reader shows literally, never as markup it renders.

    RSS descriptions and Atom summaries are HTML to a reader: tags a member typed are
    dropped, and what is left (a stray "<", "&") is escaped so that it reads as typed.
    """
    return escape(" ".join(strip_tags(value).split()))


class LatestPostsFeed(Feed):
    title = _("Latest posts")
    description = _("The newest checked posts from community information groups.")

    def link(self):
        return absolute("/")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute(request.path)
        return feed

    def items(self):
        return PostPage.objects.published().for_listing()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return plain_text(item.summary)

    def item_link(self, item):
        return absolute(item.get_url())

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or settings.WAGTAIL_SITE_NAME

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description


class GroupPostsFeed(LatestPostsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(GroupPage.objects.public_groups().public(), slug=slug)

    def title(self, group):
        return group.title

    def description(self, group):
        return _("The newest posts from %(group)s.") % {"group": group.title}

    def link(self, group):
        return absolute(group.get_url())

    def items(self, group):
        return PostPage.objects.published().for_group_page(group).for_listing()[:FEED_LENGTH]

    def item_categories(self, item):
        marks = [str(_("District-wide message"))] if item.is_district_message else []
        return marks + super().item_categories(item)


class GroupPostsAtomFeed(GroupPostsFeed):
    feed_type = Atom1Feed

    def subtitle(self, group):
        return self.description(group)
