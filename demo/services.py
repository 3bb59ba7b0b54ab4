"""Build the demo portal: regions, categories, groups, accounts, posts and their images."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images.models import Filter
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
)
from wagtail.rich_text import RichText

from home.models import FeaturedPost, HomePage
from kim.models import (
    Category,
    ContributorGroup,
    GroupKind,
    GroupPage,
    GroupSocialLink,
    GroupStatus,
    PostPage,
    PostSource,
    Region,
    RegionLevel,
)
from kim.regions import regions_load
from kim.services import group_sync
from pagecache.dependencies import writes
from photos.models import Photo

from . import content, images, writer
from .accounts import accounts_ensure
from .complaints import complaints_ensure
from .indexing import deferred_indexing

DEMO_COLLECTION = "Ilustrasi demo"
# The renditions the public templates ask for (includes/post_card.html, kim/post_page.html,
# includes/meta.html, the logo in the group directory and group page); made ahead so that
# the first page views do not have to draw them. tests/demo checks they stay in step.
HERO_RENDITIONS = [
    *Filter.expand_spec("format-{avif,webp,jpeg} fill-{360x203,720x405,1080x608}"),
    "fill-1200x630|format-jpeg",
]
LOGO_RENDITIONS = Filter.expand_spec("format-webp fill-{64x64,128x128,96x96,192x192}")
FEATURED_COUNT = 4
GROUPS_PUBLISHED_DAYS_AGO = 200


@dataclass
class DemoResult:
    regions: object = None
    categories: int = 0
    photos_created: int = 0
    groups_created: int = 0
    posts_created: int = 0
    posts_total: int = 0
    accounts: list = field(default_factory=list)
    site: object = None


def demo_load(*, posts=300, groups=None, photos=3, fixed_passwords=True, now=None):
    """Load the demo portal; anything already there (by name or slug) is left as it is."""
    now = now or timezone.now()
    result = DemoResult()
    # Pages are published without Wagtail's signals (_publish), which would move the page
    # cache generations.
    with transaction.atomic(), deferred_indexing(), writes(Page):
        result.regions = regions_load(district_codes=content.DISTRICTS)
        result.site = site_configure()
        categories = categories_ensure()
        result.categories = len(categories)
        photos_by_category, result.photos_created = photos_ensure(categories, photos)
        kim_specs = content.KIM_GROUPS[:groups] if groups is not None else content.KIM_GROUPS
        group_pages, result.groups_created = groups_ensure(
            [*kim_specs, *content.COMMUNITIES, *content.FORMING_GROUPS], now=now
        )
        first_kim = ContributorGroup.objects.filter(page=group_pages[0][0]).first()
        result.accounts = accounts_ensure(
            contributor_group=first_kim, fixed_passwords=fixed_passwords
        )
        users = {a.spec.username: a.user for a in result.accounts}
        result.posts_created = posts_ensure(
            group_pages,
            photos_by_category,
            categories,
            count=posts,
            photos=photos,
            author=users["anggota"],
            editor=users["editor"],
            now=now,
        )
        hidden_pages_ensure(group_pages[0][0], author=users["anggota"], editor=users["editor"])
        featured_ensure()
        complaints_ensure(users=users, now=now)
        result.posts_total = PostPage.objects.count()
    return result


def site_configure():
    """Point the default site at the configured base URL, so sitemaps give right links."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = url.port or (443 if url.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    wanted = {
        "hostname": url.hostname or "localhost",
        "port": port,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    if any(getattr(site, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site, key, value)
        site.save()
    return site


def categories_ensure():
    categories = {}
    for slug, name, description, needs_source, _motif in content.CATEGORIES:
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "needs_source": needs_source},
        )
    return categories


def _collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _photo(title, data, filename, collection, description):
    photo = Photo(
        title=title,
        description=description,
        collection=collection,
        file=ContentFile(data, name=filename),
    )
    photo._set_image_file_metadata()
    photo.save()
    return photo


def photos_ensure(categories, per_category):
    """Draw the illustrations each category's posts use; return them by category slug."""
    collection = _collection(DEMO_COLLECTION)
    existing = {p.title: p for p in Photo.objects.filter(collection=collection)}
    by_category, created = {}, 0
    for slug, _name, _description, _needs, motif in content.CATEGORIES:
        name = categories[slug].name
        by_category[slug] = []
        for variant in range(per_category):
            title = f"Ilustrasi {name} {variant + 1}"
            photo = existing.get(title)
            if photo is None:
                data, alt = images.illustration(motif, variant, name)
                photo = _photo(title, data, f"ilustrasi-{slug}-{variant + 1}.jpg", collection, alt)
                created += 1
            by_category[slug].append(photo)
    return by_category, created


def _group_name(spec, region):
    return f"KIM {spec.name} {region.name}" if spec.kind == GroupKind.KIM else spec.name


def _area(region):
    """The district and the sub-districts/villages that a group in this region writes about."""
    if region.level == RegionLevel.VILLAGE:
        subdistrict = region.parent
        subdistricts = [(subdistrict, [region])]
    elif region.level == RegionLevel.SUBDISTRICT:
        subdistrict = region
        subdistricts = [(region, list(region.children.order_by("code")))]
    else:
        subdistrict = None
        subdistricts = [
            (sub, list(sub.children.order_by("code")))
            for sub in region.children.order_by("code").prefetch_related("children")
        ]
    district = subdistrict.parent if subdistrict else region
    return writer.Area(
        district=district.name,
        district_code=district.code,
        subdistricts=tuple(
            (sub.name, tuple(v.name for v in villages) or (sub.name,))
            for sub, villages in subdistricts
        ),
    )


def groups_ensure(specs, *, now):
    """Register and activate the demo groups through the registry; return their pages."""
    regions = {
        r.code: r
        for r in Region.objects.filter(code__in=[s.region_code for s in specs]).select_related(
            "parent", "parent__parent"
        )
    }
    pages, created = [], 0
    published_at = now - timedelta(days=GROUPS_PUBLISHED_DAYS_AGO)
    for index, spec in enumerate(specs):
        region = regions[spec.region_code]
        name = _group_name(spec, region)
        group = ContributorGroup.objects.filter(name=name).first()
        if group is None:
            group = ContributorGroup.objects.create(
                name=name,
                kind=spec.kind,
                region=region,
                status=GroupStatus.ACTIVE if spec.status == "active" else GroupStatus.FORMING,
                chair=content.PEOPLE[index % len(content.PEOPLE)],
                secretary=content.PEOPLE[(index + 7) % len(content.PEOPLE)],
                treasurer=content.PEOPLE[(index + 13) % len(content.PEOPLE)],
                decree_number=(
                    f"141/{index + 12:03d}/{spec.founded}" if spec.kind == GroupKind.KIM else ""
                ),
                decree_date=date(spec.founded, 1 + index % 12, 1 + index % 27),
                contact_email=f"{spec.handle}@example.org",
            )
            group = group_sync(group=group)
            created += 1
            if group.page_id:
                _group_page_fill(group, spec, region, published_at)
        if group.page_id:
            page = group.page.specific
            pages.append(
                (
                    page,
                    writer.GroupRef(
                        key=page,
                        title=page.title,
                        slug_path=page.url_path,
                        is_community=spec.kind == GroupKind.COMMUNITY,
                        area=_area(region),
                    ),
                )
            )
    return pages, created


def _group_page_fill(group, spec, region, published_at):
    page = group.page.specific
    place = region.name
    district = region
    while district.level != RegionLevel.DISTRICT:
        district = district.parent
    if spec.description:
        description = f"<p>{spec.description}</p>"
    else:
        template = content.KIM_DESCRIPTIONS[len(spec.name) % len(content.KIM_DESCRIPTIONS)]
        description = template.format(
            name=spec.name, founded=spec.founded, place=place, district=district.name
        )
    if region.level == RegionLevel.VILLAGE:
        address = f"Balai Desa {region.name}, Kecamatan {region.parent.name}, {district.name}"
    elif region.level == RegionLevel.SUBDISTRICT:
        address = f"Sekretariat di Kantor Kecamatan {region.name}, {district.name}"
    else:
        address = ""
    initials = "".join(word[0] for word in spec.name.split()[:2]).upper()
    page.logo = _photo(
        f"Logo {group.name}",
        images.logo(initials, spec.name),
        f"logo-{spec.handle}.png",
        group.collection or _collection(DEMO_COLLECTION),
        f"Logo {group.name}",
    )
    page.description = description
    page.address = address
    page.email = group.contact_email
    handle = ("kim." if spec.kind == GroupKind.KIM else "") + spec.handle
    page.social_links = [
        GroupSocialLink(network=network, url=content.SOCIAL_URLS[network].format(handle=handle))
        for network in spec.networks
    ]
    page.save()
    _publish(page, when=published_at)
    _backdate(page.pk, published_at)


def _publish(page, *, when, author=None, publisher=None):
    """Record a saved live page as published at `when`, as Wagtail's publish would leave it.

    Wagtail's publish action deserialises the revision and saves the page again; for hundreds
    of demo pages, writing the same end state directly keeps the load fast. The page keeps a
    revision (its history in the admin) and audit-log entries dated `when`. Unlike a real
    publish, no page_published signal is sent: demo posts must not be cross-posted.
    """
    revision = page.save_revision(user=author, changed=False, clean=False)
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    Page.objects.filter(pk=page.pk).update(
        live=True,
        has_unpublished_changes=False,
        live_revision=revision,
        first_published_at=when,
        last_published_at=when,
        latest_revision_created_at=when,
    )
    # Page.save logged the creation a moment ago; date it with the publication.
    PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)
    log(
        instance=page,
        action="wagtail.publish",
        user=publisher or author,
        revision=revision,
        content_changed=True,
        timestamp=when,
    )
    return revision


def _backdate(page_id, when):
    """Make a page look published at `when`: page dates, its revisions and its audit log."""
    Page.objects.filter(pk=page_id).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.page_revisions.filter(object_id=str(page_id)).update(created_at=when)
    PageLogEntry.objects.filter(page_id=page_id).update(timestamp=when)


def _body(draft, photos):
    paragraphs = draft.paragraphs
    body = [("paragraph", RichText(_html(paragraphs[:2])))]
    if draft.body_photo_variant is not None:
        photo = photos[draft.body_photo_variant]
        body.append(
            (
                "image",
                {
                    "image": photo,
                    "alt_text": photo.description,
                    "caption": "Gambar ilustrasi untuk data demo.",
                },
            )
        )
    if paragraphs[2:]:
        body.append(("paragraph", RichText(_html(paragraphs[2:]))))
    if draft.quote:
        body.append(("quote", {"text": draft.quote[0], "attribution": draft.quote[1]}))
    body.append(("paragraph", RichText(_html([draft.closing]))))
    if draft.gallery_variants:
        body.append(
            (
                "gallery",
                {
                    "title": "Galeri kegiatan",
                    "images": [
                        {"image": photos[v], "alt_text": photos[v].description, "caption": ""}
                        for v in draft.gallery_variants
                    ],
                },
            )
        )
    return body


def _html(paragraphs):
    return "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)


def posts_ensure(
    group_pages, photos_by_category, categories, *, count, photos, author, editor, now
):
    """Create and publish the posts that are not there yet; return how many were made."""
    drafts = writer.compose_posts(
        [ref for _page, ref in group_pages], count, photos_per_category=photos, now=now
    )
    existing = set(
        PostPage.objects.filter(group__in=[page for page, _ref in group_pages]).values_list(
            "url_path", flat=True
        )
    )
    first_group = group_pages[0][0]
    created = 0
    for draft in drafts:
        page = draft.group.key
        if f"{page.url_path}{draft.slug}/" in existing:
            continue
        category_photos = photos_by_category[draft.category]
        hero = category_photos[draft.photo_variant]
        post = PostPage(
            title=draft.title,
            slug=draft.slug,
            summary=draft.summary,
            live=True,
            first_published_at=draft.published_at,
            last_published_at=draft.published_at,
            hero_image=hero,
            hero_alt=hero.description,
            body=_body(draft, category_photos),
            category=categories[draft.category],
            event_date=draft.event_date,
            event_place=draft.event_place,
            owner=author if page.pk == first_group.pk else None,
        )
        post.tags.add(*draft.tags)
        post.sources = [
            PostSource(kind=kind, title=title, description=description)
            for kind, title, description in draft.sources
        ]
        page.add_child(instance=post)
        _publish(post, when=draft.published_at, author=post.owner, publisher=editor)
        created += 1
    return created


def hidden_pages_ensure(group_page, *, author, editor):
    """Add drafts and a page for signed-in users only: the demo shows they stay hidden."""
    group_page = GroupPage.objects.get(pk=group_page.pk)
    existing = set(group_page.get_children().values_list("slug", flat=True))
    for title, summary in content.DRAFTS:
        slug = slugify(f"draf {title}")
        if slug in existing:
            continue
        draft = PostPage(
            title=title,
            slug=slug,
            summary=summary,
            live=False,
            owner=author,
            body=[("paragraph", RichText(f"<p>{summary}</p>"))],
        )
        group_page.add_child(instance=draft)
        draft.save_revision(user=author)
    title, summary = content.PRIVATE_POST
    slug = slugify(title)
    if slug not in existing:
        when = timezone.now() - timedelta(days=3)
        private = PostPage(
            title=f"{title} {group_page.title}",
            slug=slug,
            summary=summary,
            owner=author,
            first_published_at=when,
            last_published_at=when,
            body=[("paragraph", RichText(f"<p>{summary}</p>"))],
        )
        group_page.add_child(instance=private)
        _publish(private, when=when, author=author, publisher=editor)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)


def featured_ensure():
    """Feature the newest posts of different categories, unless editors already chose some."""
    home = HomePage.objects.get()
    if home.featured_posts.exists():
        return
    featured, categories = [], set()
    for post in (
        PostPage.objects.published().exclude(hero_image=None).order_by("-first_published_at")[:50]
    ):
        if post.category_id not in categories:
            featured.append(post)
            categories.add(post.category_id)
        if len(featured) == FEATURED_COUNT:
            break
    if featured:
        home.featured_posts = [FeaturedPost(post=post) for post in featured]
        home.save_revision().publish()


def renditions_ensure():
    """Make the renditions the public templates use for demo posts' photos and groups' logos.

    AVIF encoding dominates: about a second and a half of processor time per photo.
    """
    made = 0
    heroes = Photo.objects.filter(
        collection__name=DEMO_COLLECTION,
        pk__in=PostPage.objects.filter(live=True).values("hero_image"),
    ).prefetch_related("renditions")
    for photo in heroes:
        made += _renditions(photo, HERO_RENDITIONS)
    for group in ContributorGroup.objects.exclude(page=None).select_related("page__logo"):
        if group.page.logo:
            made += _renditions(group.page.logo, LOGO_RENDITIONS)
    return made


def _renditions(photo, specs):
    have = {r.filter_spec for r in photo.renditions.all()}
    missing = [spec for spec in specs if spec not in have]
    if missing:
        photo.get_renditions(*missing)
    return len(missing)
