"""Fill a database with synthetic groups, members, photos and posts for benchmarks.

Everything is written with bulk inserts: one group at a time through kim.services.group_sync
and Wagtail's add_child would take hours for a province. The rows are the ones those make
(treebeard paths, depth, numchild and url_path; the group's page, member and admin user
groups, media collection and permissions), so the admin and the public site treat generated
groups like activated ones; tests/benchdata checks that against Wagtail's own tree checks and
permission policy. Page revisions, the reference index and audit log entries are not made.

Generated data is marked so that it never mixes with real data: its regions sit under
province code 99 (no Indonesian province has it), its registry records carry MARK as their
decree number, and accounts are named bench-*. The generator refuses a database that holds
any real group or post.

A share of the posts is in the moderation workflow, as on a live portal: drafts waiting for
the accuracy or usefulness review (the editors' queue), and every post published in the last
30 days with its approved workflow (the queue's monthly decision time). Those posts have one
revision each and an author from their group; the others have no revision.
"""

import hashlib
import io
import random
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from taggit.models import Tag
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.search.backends import get_search_backend

from kim.models import (
    Category,
    ContributorGroup,
    GroupDirectoryPage,
    GroupKind,
    GroupPage,
    GroupStatus,
    MemberProfile,
    PostPage,
    PostPageTag,
    PostSource,
    Region,
    RegionLevel,
    SourceKind,
)
from kim.roles import Role
from kim.services import (
    ADMIN_COLLECTION_PERMISSIONS,
    ADMIN_PAGE_PERMISSIONS,
    MEMBER_COLLECTION_PERMISSIONS,
    MEMBER_PAGE_PERMISSIONS,
    _admin_group_name,
    _member_group_name,
    temporary_password,
)
from moderation.checks import FlagCode, Severity
from moderation.workflow import (
    AccuracyReviewState,
    PreCheckState,
    UsefulnessReviewState,
    Verdict,
)
from pagecache.dependencies import writes
from photos.models import Photo

MARK = "BENCHMARK DATA"
PROVINCE_CODE = "99"
USERNAME_PREFIX = "bench-"
EDITOR_USERNAME = "bench-editor"
BATCH = 1000
VILLAGES_PER_SUBDISTRICT = 30
SUBDISTRICTS_PER_DISTRICT = 17
DRAFT_SHARE = 0.03
HERO_SHARE = 0.8
# Posts waiting for review, and how long they have waited (the review target is 24 hours).
IN_REVIEW_SHARE = 0.015
MAX_WAIT_HOURS = 72
DECIDED_DAYS = 30

SYLLABLES = [
    "Sumber",
    "Rejo",
    "Makmur",
    "Jaya",
    "Sari",
    "Mulyo",
    "Harjo",
    "Tirto",
    "Wono",
    "Karang",
    "Sido",
    "Ngudi",
    "Tegal",
    "Banyu",
    "Kebon",
    "Gondang",
    "Purwo",
    "Sri",
]
TOPICS = [
    "Kerja bakti membersihkan saluran air",
    "Posyandu balita bulan ini",
    "Sosialisasi pencegahan demam berdarah",
    "Pelatihan pemasaran UMKM batik",
    "Perbaikan jalan desa rampung",
    "Musyawarah rencana pembangunan desa",
    "Panen raya padi di sawah warga",
    "Jadwal pelayanan KTP elektronik keliling",
    "Festival kuliner produk warga",
    "Penyaluran bantuan pangan",
    "Lomba kebersihan dusun",
    "Pemeriksaan kesehatan lansia gratis",
    "Waspada hoaks pendaftaran bantuan",
    "Pasar murah menjelang hari raya",
    "Pelatihan jurnalistik warga",
]
SENTENCES = [
    "Warga bergotong royong sejak pagi hari bersama perangkat desa.",
    "Kegiatan ini didukung oleh Dinas Komunikasi dan Informatika kabupaten.",
    "Kepala desa berharap kegiatan serupa dapat dilaksanakan setiap bulan.",
    "Informasi lebih lanjut dapat ditanyakan langsung kepada pengurus KIM di balai desa.",
    "Masyarakat diminta memeriksa kebenaran informasi sebelum membagikannya.",
    "Puluhan warga hadir dan mengikuti acara hingga selesai dengan tertib.",
    "Petugas puskesmas memberikan penjelasan tentang pola hidup bersih dan sehat.",
    "Produk unggulan desa seperti keripik, batik dan kopi dipamerkan kepada pengunjung.",
]
TAGS = [
    "banjir",
    "jalan",
    "kesehatan",
    "umkm",
    "pendidikan",
    "pertanian",
    "bansos",
    "vaksinasi",
    "budaya",
    "lingkungan",
    "pemilu",
    "air-bersih",
]
CATEGORIES = [
    ("Berita", "berita"),
    ("Pengumuman", "pengumuman"),
    ("Potensi Desa", "potensi-desa"),
    ("UMKM", "umkm"),
]


class GeneratorRefused(Exception):
    pass


@dataclass
class GeneratedData:
    groups: int = 0
    members: int = 0
    posts: int = 0
    photos: int = 0
    in_review: int = 0
    decided: int = 0
    password: str = ""
    timings: dict = field(default_factory=dict)


def bench_data_refusal():
    """Say why this database must not receive generated data, or return None."""
    if Region.objects.filter(code=PROVINCE_CODE).exists():
        return "this database already holds generated data; use a fresh one"
    if ContributorGroup.objects.exclude(decree_number=MARK).exists():
        return "this database holds real groups; generated data must never mix with them"
    if PostPage.objects.exists() or GroupPage.objects.exists():
        return "this database holds real pages; generated data must never mix with them"
    return None


def bench_data_generate(*, groups, members, posts, images=200, seed=1, index=True, log=print):
    """Write `groups` active groups, `members` accounts, `images` photos and `posts` posts."""
    refusal = bench_data_refusal()
    if refusal:
        raise GeneratorRefused(refusal)
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    result = GeneratedData(password=temporary_password())
    started = time.monotonic()

    def step(name):
        now = time.monotonic()
        result.timings[name] = now - step.last
        log(f"  {name}: {now - step.last:.1f} s")
        step.last = now

    step.last = started
    # Written in bulk, without the signals that would move the page cache generations.
    with writes(Page, Region, Tag, Photo), transaction.atomic():
        villages = _regions(groups)
        step("regions")
        photos = _photos(images, rng)
        result.photos = len(photos)
        step("photos")
        group_pages, registry = _groups(villages, rng)
        result.groups = len(group_pages)
        step("groups, user groups, collections, permissions")
        result.members = _members(registry, members, rng, result.password)
        step("members")
        result.posts = _posts(group_pages, posts, photos, rng)
        step("posts")
        result.in_review, result.decided = _moderation(rng)
        step("moderation workflows")
    if index:
        _index(log)
        step("search index")
    # Fresh planner statistics: before autovacuum gets to the new rows, PostgreSQL plans for
    # empty tables and a listing's count takes seconds instead of milliseconds.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    step("planner statistics")
    result.timings["total"] = time.monotonic() - started
    return result


def _shares(count, total, rng, *, minimum=0):
    """Split `total` over `count` holders with a long tail, as real activity is."""
    if count == 0:
        return []
    weights = [rng.paretovariate(1.3) for _ in range(count)]
    spread = max(total - minimum * count, 0)
    scale = spread / sum(weights)
    shares = [minimum + int(weight * scale) for weight in weights]
    for i in rng.sample(range(count), min(count, max(0, total - sum(shares)))):
        shares[i] += 1
    return shares


def _village_name(n):
    first = SYLLABLES[n % len(SYLLABLES)]
    second = SYLLABLES[(n // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{first}{second.lower()} {n + 1}"


def _regions(count):
    province = Region.objects.create(
        code=PROVINCE_CODE, name="Provinsi Uji Beban", level=RegionLevel.PROVINCE
    )
    subdistrict_count = max(1, -(-count // VILLAGES_PER_SUBDISTRICT))
    district_count = max(1, -(-subdistrict_count // SUBDISTRICTS_PER_DISTRICT))
    districts = Region.objects.bulk_create(
        Region(
            code=f"{PROVINCE_CODE}.{d + 1:02d}",
            name=f"Kabupaten Uji {d + 1}",
            level=RegionLevel.DISTRICT,
            parent=province,
        )
        for d in range(district_count)
    )
    subdistricts = Region.objects.bulk_create(
        Region(
            code=f"{districts[s // SUBDISTRICTS_PER_DISTRICT].code}."
            f"{s % SUBDISTRICTS_PER_DISTRICT + 1:02d}",
            name=f"Kecamatan Uji {s + 1}",
            level=RegionLevel.SUBDISTRICT,
            parent=districts[s // SUBDISTRICTS_PER_DISTRICT],
        )
        for s in range(subdistrict_count)
    )
    return Region.objects.bulk_create(
        (
            Region(
                code=f"{subdistricts[v // VILLAGES_PER_SUBDISTRICT].code}."
                f"{2001 + v % VILLAGES_PER_SUBDISTRICT}",
                name=_village_name(v),
                level=RegionLevel.VILLAGE,
                parent=subdistricts[v // VILLAGES_PER_SUBDISTRICT],
            )
            for v in range(count)
        ),
        batch_size=BATCH,
    )


def _photos(count, rng):
    root = Collection.get_first_root_node()
    photos = []
    for n in range(count):
        image = Image.new("RGB", (1200, 800), tuple(rng.randrange(40, 220) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x, y = rng.randrange(1200), rng.randrange(800)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse(
                (x, y, x + rng.randrange(40, 300), y + rng.randrange(40, 300)), fill=colour
            )
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        data = buffer.getvalue()
        name = default_storage.save(f"original_images/bench-{n + 1:04d}.jpg", io.BytesIO(data))
        photos.append(
            Photo(
                title=f"Foto kegiatan uji {n + 1}",
                file=name,
                width=1200,
                height=800,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324
                collection=root,
            )
        )
    return Photo.objects.bulk_create(photos, batch_size=BATCH)


def _insert_inherited(model, objects):
    """Insert objects of a multi-table model: the base table's rows first, then each level's."""
    # Django refuses bulk_create for multi-table children; insert their rows as it would.
    base, *levels = [*reversed(model._meta.get_parent_list()), model]
    base.objects.bulk_create(objects, batch_size=BATCH)
    for level in levels:
        for obj in objects:
            setattr(obj, level._meta.pk.attname, getattr(obj, base._meta.pk.attname))
        level.objects.all()._batched_insert(
            objects, level._meta.local_concrete_fields, batch_size=BATCH
        )


def _insert_pages(model, pages):
    """Insert pages of one type: Page rows first, then the type's own rows, both in bulk."""
    _insert_inherited(model, pages)


def _page_fields(model, parent, step, *, title, slug, published, live=True):
    depth = parent.depth + 1
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "content_type": ContentType.objects.get_for_model(model),
        "locale_id": parent.locale_id or Locale.get_default().pk,
        "translation_key": uuid.uuid4(),
        "path": model._get_path(parent.path, depth, step),
        "depth": depth,
        "numchild": 0,
        "url_path": f"{parent.url_path}{slug}/",
        "live": live,
        "has_unpublished_changes": not live,
        "first_published_at": published if live else None,
        "last_published_at": published if live else None,
        "latest_revision_created_at": published,
    }


def _permissions(pairs):
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


def _groups(villages, rng):
    directory = GroupDirectoryPage.objects.get()
    now = timezone.now()
    pages, collections, registry = [], [], []
    root = Collection.get_first_root_node()
    for n, village in enumerate(villages):
        kind = GroupKind.COMMUNITY if n % 20 == 19 else GroupKind.KIM
        name = f"KIM {village.name}" if kind == GroupKind.KIM else f"Info Seputar {village.name}"
        slug = slugify(name)
        page = GroupPage(
            **_page_fields(
                GroupPage,
                directory,
                directory.numchild + n + 1,
                title=name,
                slug=slug,
                published=now - timedelta(days=800),
            ),
            kind=kind,
            region=village,
            description=f"<p>{name} menyebarkan informasi desa {village.name}.</p>",
        )
        pages.append(page)
        collections.append(
            Collection(
                name=name,
                path=Collection._get_path(root.path, root.depth + 1, root.numchild + n + 1),
                depth=root.depth + 1,
                numchild=0,
            )
        )
    _insert_pages(GroupPage, pages)
    Page.objects.filter(pk=directory.pk).update(numchild=directory.numchild + len(pages))
    Collection.objects.bulk_create(collections, batch_size=BATCH)
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + len(collections))
    member_groups = Group.objects.bulk_create(
        (Group(name=_member_group_name(page.title)) for page in pages), batch_size=BATCH
    )
    admin_groups = Group.objects.bulk_create(
        (Group(name=_admin_group_name(page.title)) for page in pages), batch_size=BATCH
    )
    for page, collection, member_group, admin_group in zip(
        pages, collections, member_groups, admin_groups, strict=True
    ):
        registry.append(
            ContributorGroup(
                name=page.title,
                kind=page.kind,
                region_id=page.region_id,
                status=GroupStatus.ACTIVE,
                decree_number=MARK,
                page=page,
                member_group=member_group,
                admin_group=admin_group,
                collection=collection,
            )
        )
    ContributorGroup.objects.bulk_create(registry, batch_size=BATCH)
    page_grants, collection_grants = [], []
    grants = (
        (
            member_groups,
            _permissions(("wagtailcore", c) for c in MEMBER_PAGE_PERMISSIONS),
            _permissions(MEMBER_COLLECTION_PERMISSIONS),
        ),
        (
            admin_groups,
            _permissions(("wagtailcore", c) for c in ADMIN_PAGE_PERMISSIONS),
            _permissions(ADMIN_COLLECTION_PERMISSIONS),
        ),
    )
    for auth_groups, page_perms, collection_perms in grants:
        for auth_group, page, collection in zip(auth_groups, pages, collections, strict=True):
            page_grants += [
                GroupPagePermission(group=auth_group, page=page, permission=p) for p in page_perms
            ]
            collection_grants += [
                GroupCollectionPermission(group=auth_group, collection=collection, permission=p)
                for p in collection_perms
            ]
    GroupPagePermission.objects.bulk_create(page_grants, batch_size=BATCH)
    GroupCollectionPermission.objects.bulk_create(collection_grants, batch_size=BATCH)
    return pages, registry


def _members(registry, count, rng, password):
    user_model = get_user_model()
    password_hash = make_password(password)
    roles = {
        role: Group.objects.get(name=role) for role in (Role.MEMBER, Role.GROUP_ADMIN, Role.EDITOR)
    }
    users, memberships = [], []
    for group, share in zip(registry, _shares(len(registry), count, rng, minimum=1), strict=True):
        for i in range(share):
            users.append(
                user_model(
                    username=f"{USERNAME_PREFIX}{len(users) + 1:06d}",
                    email=f"{USERNAME_PREFIX}{len(users) + 1:06d}@example.invalid",
                    first_name=rng.choice(SYLLABLES),
                    last_name=rng.choice(SYLLABLES),
                    password=password_hash,
                )
            )
            joined = [group.member_group, roles[Role.MEMBER]]
            if i == 0:
                joined += [group.admin_group, roles[Role.GROUP_ADMIN]]
            memberships.append(joined)
    editor = user_model(
        username=EDITOR_USERNAME,
        email="editor@example.invalid",
        first_name="Editor",
        last_name="Uji",
        password=password_hash,
    )
    users.append(editor)
    memberships.append([roles[Role.EDITOR]])
    user_model.objects.bulk_create(users, batch_size=BATCH)
    through = user_model.groups.through
    through.objects.bulk_create(
        (
            through(user_id=user.pk, group_id=auth_group.pk)
            for user, joined in zip(users, memberships, strict=True)
            for auth_group in joined
        ),
        batch_size=BATCH,
    )
    MemberProfile.objects.bulk_create(
        (MemberProfile(user=user) for user in users), batch_size=BATCH
    )
    return len(users) - 1


def _bodies(rng, count=40):
    """A few bodies for all posts, converted once: StreamField conversion dominates otherwise."""
    field = PostPage._meta.get_field("body")
    bodies = []
    for _ in range(count):
        paragraphs = [" ".join(rng.sample(SENTENCES, 4)) for _ in range(rng.randint(3, 6))]
        bodies.append(
            field.to_python(
                [
                    {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                    for text in paragraphs
                ]
            )
        )
    return bodies


def _posts(group_pages, count, photos, rng):
    categories = [
        Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in CATEGORIES
    ]
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name": slug})[0] for slug in TAGS]
    bodies = _bodies(rng)
    members = _members_by_group_page()
    now = timezone.now()
    written = 0
    pending = []

    def flush():
        _insert_pages(PostPage, pending)
        PostPageTag.objects.bulk_create(
            (
                PostPageTag(content_object=post, tag=tag)
                for post in pending
                for tag in rng.sample(tags, rng.randint(0, 2))
            ),
            batch_size=BATCH,
        )
        PostSource.objects.bulk_create(
            (
                PostSource(
                    page=post,
                    sort_order=0,
                    title="Siaran pers dinas",
                    url="https://example.invalid/siaran-pers",
                    kind=SourceKind.OFFICIAL,
                )
                for post in pending
                if rng.random() < 0.5
            ),
            batch_size=BATCH,
        )
        pending.clear()

    for group, share in zip(group_pages, _shares(len(group_pages), count, rng), strict=True):
        # Oldest first, so that tree order follows publication as it does on a real site.
        dates = sorted(
            now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60)) for _ in range(share)
        )
        for step, published in enumerate(dates, start=1):
            topic = rng.choice(TOPICS)
            slug = f"{slugify(topic)}-{step}"
            live = rng.random() >= DRAFT_SHARE
            hero = rng.choice(photos) if photos and rng.random() < HERO_SHARE else None
            pending.append(
                PostPage(
                    **_page_fields(
                        PostPage,
                        group,
                        step,
                        title=f"{topic} di {group.region.name}",
                        slug=slug,
                        published=published,
                        live=live,
                    ),
                    summary=f"{topic}: kabar dari {group.title} untuk warga.",
                    body=rng.choice(bodies),
                    hero_image=hero,
                    hero_alt="Warga berkegiatan bersama." if hero else "",
                    category=rng.choice(categories),
                    group=group,
                    owner_id=rng.choice(members[group.pk]),
                )
            )
        group.numchild = share
        if len(pending) >= 5 * BATCH:
            written += len(pending)
            flush()
    written += len(pending)
    flush()
    for batch_start in range(0, len(group_pages), BATCH):
        batch = group_pages[batch_start : batch_start + BATCH]
        Page.objects.bulk_update(batch, ["numchild"])
    return written


def bench_data_moderation(*, seed=1, log=print):
    """Add the moderation workflows to generated data made before the generator made them."""
    if not Region.objects.filter(code=PROVINCE_CODE).exists():
        raise GeneratorRefused("this database holds no generated data")
    if ContributorGroup.objects.exclude(decree_number=MARK).exists():
        raise GeneratorRefused("this database holds real groups; generated data must not mix")
    if WorkflowState.objects.exists():
        raise GeneratorRefused("this database already holds workflow states")
    started = time.monotonic()
    with transaction.atomic():
        in_review, decided = _moderation(random.Random(seed))  # noqa: S311
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(
        f"  moderation workflows: {in_review} in review, {decided} decided, "
        f"{time.monotonic() - started:.1f} s"
    )
    return in_review, decided


def _moderation(rng):
    """Put a share of drafts in review, and give recent posts their approved workflow."""
    workflow = GroupDirectoryPage.objects.get().get_workflow()
    if workflow is None:
        return 0, 0
    precheck, accuracy, usefulness = (
        workflow_task.task.specific
        for workflow_task in workflow.workflow_tasks.select_related("task").order_by("sort_order")
    )
    editor = get_user_model().objects.get(username=EDITOR_USERNAME)
    members = _members_by_group_page()
    now = timezone.now()
    rows = list(PostPage.objects.values_list("pk", "live", "first_published_at").order_by("pk"))
    drafts = [pk for pk, live, _ in rows if not live]
    recent = now - timedelta(days=DECIDED_DAYS)
    older = [pk for pk, live, published in rows if live and published < recent]
    wanted = min(len(rows), max(1, round(len(rows) * IN_REVIEW_SHARE)))
    in_review = rng.sample(drafts, min(wanted, len(drafts)))
    # Not enough drafts: published posts whose changes wait for review.
    in_review += rng.sample(older, min(wanted - len(in_review), len(older)))
    decided = [pk for pk, live, published in rows if live and published >= recent]

    post_type = ContentType.objects.get_for_model(PostPage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions, workflow_states = [], []
    task_states = {PreCheckState: [], AccuracyReviewState: [], UsefulnessReviewState: []}
    ownerless = []

    def task_state(model, task, revision, started, *, finished=None, **fields):
        state = model(
            task=task,
            revision=revision,
            started_at=started,
            status=TaskState.STATUS_APPROVED if finished else TaskState.STATUS_IN_PROGRESS,
            finished_at=finished,
            **fields,
        )
        task_states[model].append(state)
        return state

    for ids, reviewing in ((in_review, True), (decided, False)):
        for start in range(0, len(ids), BATCH):
            chunk = PostPage.objects.filter(pk__in=ids[start : start + BATCH]).prefetch_related(
                "sources", "tagged_items", "wagtail_admin_comments"
            )
            for post in chunk:
                if post.owner_id is None:
                    post.owner_id = rng.choice(members[post.group_id])
                    ownerless.append(post)
                if reviewing:
                    submitted = now - timedelta(minutes=rng.randrange(MAX_WAIT_HOURS * 60))
                else:
                    submitted = post.first_published_at - timedelta(
                        minutes=rng.randrange(30, 48 * 60)
                    )
                revision = Revision(
                    content_type=post_type,
                    base_content_type=page_type,
                    object_id=str(post.pk),
                    created_at=submitted,
                    user_id=post.owner_id,
                    object_str=post.title,
                    content=post.serializable_data(),
                )
                revisions.append(revision)
                flags = [] if post.sources.all() else [_missing_source_flag(post)]
                checked = submitted + timedelta(seconds=2)
                steps = [
                    task_state(
                        PreCheckState, precheck, revision, submitted, finished=checked, flags=flags
                    )
                ]
                if reviewing:
                    waited = (now - checked) * rng.random()
                    if rng.random() < 0.3:
                        verified = checked + waited
                        steps.append(
                            _approved_accuracy(
                                task_state, accuracy, revision, checked, verified, editor, flags
                            )
                        )
                        checked = verified
                        model, task = UsefulnessReviewState, usefulness
                    else:
                        model, task = AccuracyReviewState, accuracy
                    claimed = rng.random() < 0.05
                    steps.append(
                        task_state(
                            model,
                            task,
                            revision,
                            checked,
                            flags=flags,
                            claimed_by=editor if claimed else None,
                            claimed_at=checked if claimed else None,
                        )
                    )
                else:
                    decided_at = post.first_published_at
                    verified = checked + (decided_at - checked) / 2
                    steps += [
                        _approved_accuracy(
                            task_state, accuracy, revision, checked, verified, editor, flags
                        ),
                        task_state(
                            UsefulnessReviewState,
                            usefulness,
                            revision,
                            verified,
                            finished=decided_at,
                            finished_by=editor,
                            flags=flags,
                            relevant=True,
                            timely=True,
                            clear=True,
                            actionable=True,
                        ),
                    ]
                workflow_state = WorkflowState(
                    content_type=post_type,
                    base_content_type=page_type,
                    object_id=str(post.pk),
                    workflow=workflow,
                    status=WorkflowState.STATUS_IN_PROGRESS
                    if reviewing
                    else WorkflowState.STATUS_APPROVED,
                    requested_by_id=post.owner_id,
                    created_at=submitted,
                )
                workflow_states.append((workflow_state, steps))

    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    with _given_creation_times(WorkflowState, TaskState):
        WorkflowState.objects.bulk_create([state for state, _ in workflow_states], batch_size=BATCH)
        for workflow_state, steps in workflow_states:
            for step in steps:
                step.workflow_state = workflow_state
        # In step order, so each workflow's last step has its highest id.
        for model, states in task_states.items():
            _insert_inherited(model, states)
    started = WorkflowState.objects.filter(pk__in=[state.pk for state, _ in workflow_states])
    started.update(
        current_task_state=Subquery(
            TaskState.objects.filter(workflow_state=OuterRef("pk")).order_by("-pk").values("pk")[:1]
        )
    )
    revision = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__in=in_review + decided).update(
        latest_revision=Subquery(revision.values("pk")[:1])
    )
    Page.objects.filter(pk__in=in_review).update(
        has_unpublished_changes=True,
        latest_revision_created_at=Subquery(revision.values("created_at")[:1]),
    )
    Page.objects.filter(pk__in=decided).update(live_revision=F("latest_revision"))
    Page.objects.bulk_update(ownerless, ["owner"], batch_size=BATCH)
    return len(in_review), len(decided)


@contextmanager
def _given_creation_times(*models):
    """Let bulk inserts keep the creation times set on the objects instead of stamping now."""
    stamped_fields = [
        stamped
        for model in models
        for stamped in model._meta.local_fields
        if getattr(stamped, "auto_now_add", False)
    ]
    for stamped in stamped_fields:
        stamped.auto_now_add = False
    try:
        yield
    finally:
        for stamped in stamped_fields:
            stamped.auto_now_add = True


def _members_by_group_page():
    members = {}
    for page_id, user_id in ContributorGroup.objects.filter(decree_number=MARK).values_list(
        "page_id", "member_group__user"
    ):
        members.setdefault(page_id, []).append(user_id)
    return members


def _approved_accuracy(task_state, task, revision, started, finished, editor, flags):
    return task_state(
        AccuracyReviewState,
        task,
        revision,
        started,
        finished=finished,
        finished_by=editor,
        flags=flags,
        verdict=Verdict.ACCURATE,
        **dict.fromkeys(AccuracyReviewState.CHECKLIST, True),
    )


def _missing_source_flag(post):
    return {
        "code": FlagCode.MISSING_SOURCE.value,
        "message": str(FlagCode.MISSING_SOURCE.label),
        "excerpt": "",
        "field": "sources",
        "block_index": None,
        "start": None,
        "end": None,
        "severity": Severity.WARN.value,
        "fingerprint": f"{MARK}:{post.pk}",
    }


# On PostgreSQL the index rows are computed by the database: building them in Python (rich
# text to plain text, one object at a time) takes about 30 ms per post, an hour for 100,000.
# The rows hold what Wagtail's backend writes (weighted title, body, autocomplete, plain text),
# close enough for search benchmarks; `manage.py update_index` rebuilds them exactly.
INDEX_SQL = """
INSERT INTO wagtailsearch_indexentry
    (content_type_id, object_id, title_norm, autocomplete, title, body, title_text, body_text)
SELECT %(content_type)s, page.id::text, 1.0,
       to_tsvector('simple', page.title),
       setweight(to_tsvector(%(config)s, page.title), 'B'),
       to_tsvector(%(config)s, text.body),
       page.title, text.body
FROM wagtailcore_page page
JOIN (
    SELECT {pk} AS id, regexp_replace({body}, '<[^>]+>', ' ', 'g') AS body FROM {table}
) text ON text.id = page.id
WHERE page.id > %(after)s
ON CONFLICT (content_type_id, object_id) DO NOTHING
"""
INDEXED_TEXT = {
    GroupPage: "description",
    PostPage: "summary || ' ' || coalesce((SELECT string_agg(block->>'value', ' ') "
    "FROM jsonb_array_elements(body::jsonb) block WHERE block->>'type' = 'paragraph'), '')",
}


def _index(log):
    """Index groups and posts for site search, in bulk."""
    if connection.vendor == "postgresql":
        config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "simple")
        with connection.cursor() as cursor:
            for model, body in INDEXED_TEXT.items():
                sql = INDEX_SQL.format(pk="page_ptr_id", body=body, table=model._meta.db_table)
                cursor.execute(
                    sql,
                    {
                        "content_type": ContentType.objects.get_for_model(model).pk,
                        "config": config,
                        "after": 0,
                    },
                )
        return
    backend = get_search_backend()
    for model in (GroupPage, PostPage):
        queryset = model.get_indexed_objects().order_by("pk")
        last_pk = 0
        while True:
            chunk = list(queryset.filter(pk__gt=last_pk)[:2000])
            if not chunk:
                break
            backend.add_bulk(model, chunk)
            last_pk = chunk[-1].pk
