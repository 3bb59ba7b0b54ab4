"""Compose demo posts from the story templates, deterministically.

The same options give the same posts (titles, slugs, groups), so loading twice finds every
post already there; only the dates depend on the day the demo is loaded.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify

from . import content

SEED = "portal-kim-demo"
COMMUNITY_WEIGHT = 3  # Large community groups post more than a village KIM.
DAYS_BACK = 180


@dataclass(frozen=True)
class Area:
    """Where a group works: its district, and the sub-districts and villages to write about."""

    district: str  # "Kabupaten Klaten"
    district_code: str
    subdistricts: tuple  # ((name, (village names...)), ...)


@dataclass
class GroupRef:
    key: object  # The caller's handle on the group (its page).
    title: str
    slug_path: str  # Identifies the group for slug uniqueness.
    is_community: bool
    area: Area


@dataclass
class PostDraft:
    group: GroupRef
    category: str
    title: str
    slug: str
    summary: str
    paragraphs: list
    closing: str
    quote: tuple | None
    tags: list
    sources: list  # (kind, title, description)
    published_at: datetime
    event_date: object = None
    event_place: str = ""
    photo_variant: int = 0
    body_photo_variant: int | None = None
    gallery_variants: list = field(default_factory=list)


class Slots(dict):
    """Template values; a missing key is a bug in a template, so fail loudly."""

    def __missing__(self, key):
        raise KeyError(f"Unknown template slot {{{key}}}")


def short_district(name):
    for prefix in ("Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def indonesian_date(day):
    return f"{content.DAYS[day.weekday()]}, {day.day} {content.MONTHS[day.month - 1]} {day.year}"


def _pool(pools, district_code):
    return pools[""] + pools.get(district_code, ())


def _title_case(text):
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def _fit(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


class _Deck:
    """Deal stories in shuffled rounds, so that every story is used before any repeats."""

    def __init__(self, stories, rng):
        self.stories = list(stories)
        self.rng = rng
        self.hand = []

    def draw(self):
        if not self.hand:
            self.hand = self.stories[:]
            self.rng.shuffle(self.hand)
        return self.hand.pop()


def compose_posts(groups, count, *, photos_per_category, now=None):
    """Return `count` post drafts spread over the groups, categories and the past months."""
    if not groups or count <= 0:
        return []
    rng = random.Random(SEED)  # noqa: S311 - demo content, not security
    now = timezone.localtime(now or timezone.now())
    kim_deck = _Deck(content.STORIES, rng)
    community_deck = _Deck([s for s in content.STORIES if s.for_communities], rng)
    weights = [COMMUNITY_WEIGHT if g.is_community else 1 for g in groups]
    used_slugs = set()
    drafts = []
    for _ in range(count):
        group = rng.choices(groups, weights)[0]
        story = (community_deck if group.is_community else kim_deck).draw()
        drafts.append(_compose(story, group, rng, now, used_slugs, photos_per_category))
    return drafts


def _compose(story, group, rng, now, used_slugs, photos_per_category):
    area = group.area
    subdistrict, villages = rng.choice(area.subdistricts)
    published_at = _published_at(rng, now)
    event_date = None
    if story.when == "past":
        event_date = published_at.date() - timedelta(days=rng.randint(0, 2))
    elif story.when == "future":
        event_date = published_at.date() + timedelta(days=rng.randint(3, 14))
    person, other = rng.sample(content.PEOPLE, 2)
    product = rng.choice(_pool(content.PRODUCTS, area.district_code))
    crop = rng.choice(_pool(content.CROPS, area.district_code))
    slots = Slots(
        desa=rng.choice(villages),
        kecamatan=subdistrict,
        kabupaten=area.district,
        kab=short_district(area.district),
        kelompok=group.title,
        pengurus="admin" if group.is_community else "ketua",
        nama=person,
        nama2=other,
        produk=product,
        Produk=_title_case(product),
        komoditas=crop,
        Komoditas=_title_case(crop),
        jumlah=str(rng.randint(20, 150)),
        sedikit=str(rng.randint(3, 15)),
        jam=rng.choice(("07.00", "07.30", "08.00", "08.30", "09.00")),
        tanggal=indonesian_date(event_date or published_at.date()),
    )
    title = _fit(rng.choice(story.titles).format_map(slots), 250)
    slug = _unique_slug(slugify(title)[:80].strip("-"), group.slug_path, used_slugs)
    quote = None
    if story.quote:
        quote = (story.quote[0].format_map(slots), story.quote[1].format_map(slots))
    tags = list(dict.fromkeys([*story.tags, short_district(area.district).lower()]))
    draft = PostDraft(
        group=group,
        category=story.category,
        title=title,
        slug=slug,
        summary=_fit(story.summary.format_map(slots), 280),
        paragraphs=[p.format_map(slots) for p in story.body],
        closing=rng.choice(content.CLOSINGS).format_map(slots),
        quote=quote,
        tags=tags,
        sources=[(kind, t.format_map(slots), d.format_map(slots)) for kind, t, d in story.sources],
        published_at=published_at,
        event_date=event_date if story.when else None,
        event_place=story.place.format_map(slots) if story.place else "",
        photo_variant=rng.randrange(photos_per_category),
    )
    if photos_per_category > 1 and rng.random() < 0.25:
        draft.body_photo_variant = (draft.photo_variant + 1) % photos_per_category
    if (
        photos_per_category > 1
        and story.category in ("budaya-wisata", "potensi-desa", "umkm")
        and rng.random() < 0.3
    ):
        draft.gallery_variants = [
            (draft.photo_variant + k) % photos_per_category
            for k in range(min(3, photos_per_category))
        ]
    return draft


def _published_at(rng, now):
    day = now.date() - timedelta(days=rng.randint(0, DAYS_BACK - 1))
    moment = datetime.combine(day, time(rng.randint(6, 21), rng.randint(0, 59)), tzinfo=now.tzinfo)
    if moment > now:
        moment -= timedelta(days=1)
    return moment


def _unique_slug(base, scope, used):
    slug, n = base or "kabar", 1
    while (scope, slug) in used:
        n += 1
        slug = f"{base}-{n}"
    used.add((scope, slug))
    return slug
