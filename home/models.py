"""The portal's home page."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from kim.listings import card_layout, render_cards
from kim.models import (
    Category,
    GroupPage,
    OneQueryViewRestrictions,
    PostPage,
    Region,
    refuse_if_hidden,
)

# Below the home page the tree is fixed: the group directory, groups, their posts.
GROUP_DEPTH, POST_DEPTH = 2, 3

# The featured lead card spans the content column (see .cards--featured in portal.css).
FEATURED_LEAD_SIZES = "(min-width: 48em) 40rem, 100vw"


class HomePage(OneQueryViewRestrictions, Page):
    """The front page: featured and latest posts, with ways in by category and area."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_posts", label=_("Featured posts"), max_num=4),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["kim.GroupDirectoryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find a group or a post in one query, anything else as Wagtail does.

        Wagtail routes level by level, two queries a level (the child by slug, then its
        specific row). Below the home page the tree is fixed (directory, group, post), so
        the depth of an address tells whether it is a group's or a post's, and the page is
        looked up at once by its full URL path (indexed by kim migration 0010), with what
        its view needs. The page's own route() still decides whether it may be shown.
        Anything this does not find (other pages, unknown addresses, a post whose group
        link is stale) goes Wagtail's way, which answers 404 for an address leading nowhere.
        """
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        if len(path_components) == POST_DEPTH:
            post = PostPage.objects.at_address(url_path)
            if post is not None and post.group_state.path == post.path[: -Page.steplen]:
                refuse_if_hidden(post.group_state)
                return post.route(request, [])
        elif len(path_components) == GROUP_DEPTH:
            group = (
                GroupPage.objects.select_related("region__parent", "logo")
                .filter(url_path=url_path)
                .first()
            )
            if group is not None:
                return group.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = PostPage.objects.published().for_listing()
        featured_ids = FeaturedPost.objects.filter(page=self).values("post_id")
        context["featured"] = list(
            posts.filter(pk__in=featured_ids)
            .annotate(
                feature_order=Subquery(
                    FeaturedPost.objects.filter(page=self, post=OuterRef("pk")).values(
                        "sort_order"
                    )[:1]
                )
            )
            .order_by("feature_order")
        )
        context["latest"] = list(posts.exclude(pk__in=featured_ids)[:12])
        # The first cards on the page are fetched first: the featured ones if any.
        featured = card_layout(
            context["featured"], lead=True, lead_sizes=FEATURED_LEAD_SIZES, eager=3
        )
        latest = card_layout(context["latest"], lead=not featured, eager=0 if featured else 3)
        # Every card of the page in one cache round trip (and one query for their photos).
        cards = render_cards(request, featured + latest)
        context["featured_cards"] = cards[: len(featured)]
        context["latest_cards"] = cards[len(featured) :]
        context["categories"] = Category.objects.all()
        context["subdistricts"] = (
            Region.objects.subdistricts()
            .with_public_groups()
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        return context


class FeaturedPost(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_posts")
    post = models.ForeignKey(
        PostPage, verbose_name=_("post"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("post")]


class PostSearch(models.Model):
    """A post's words as the site search matches them on PostgreSQL (home.search).

    A table of its own, not a field of the post: a page's fields are copied into its
    revisions, and publishing one would bring back the vector it had when it was saved.
    """

    post = models.OneToOneField(
        PostPage, on_delete=models.CASCADE, primary_key=True, related_name="site_search"
    )
    # The post's first publication, the order of its matches: the newest are found without
    # a join (home.search.search_posts).
    published_at = models.DateTimeField()
    vector = SearchVectorField()

    class Meta:
        indexes = [
            # Created on PostgreSQL only (migration 0005); SQLite's search is Wagtail's.
            GinIndex(fields=["vector"], name="home_postsearch_vector"),
            models.Index(fields=["published_at", "post"], name="home_postsearch_newest"),
        ]

    def __str__(self):
        return str(self.post)
