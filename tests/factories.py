"""Factories shared by the test suite."""

import uuid
from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail import blocks
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.search import index as search_index

from home.models import HomePage
from home.search import index_posts
from kim.models import (
    Category,
    GroupDirectoryPage,
    GroupKind,
    GroupPage,
    PostPage,
    PostPageTag,
    PostSource,
    Region,
    RegionLevel,
)
from photos.models import Photo


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.django.Password("kata-sandi-uji")

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"99.{n // 100:02d}.{n % 100:02d}")
    name = factory.Sequence(lambda n: f"Kecamatan {n}")
    level = RegionLevel.SUBDISTRICT


def region_tree():
    """Jawa Tengah > Klaten > Prambanan > Sengon, as the data package codes them."""
    province = RegionFactory(code="33", name="Jawa Tengah", level=RegionLevel.PROVINCE)
    district = RegionFactory(
        code="33.10", name="Kab. Klaten", level=RegionLevel.DISTRICT, parent=province
    )
    subdistrict = RegionFactory(
        code="33.10.01", name="Prambanan", level=RegionLevel.SUBDISTRICT, parent=district
    )
    village = RegionFactory(
        code="33.10.01.2001", name="Sengon", level=RegionLevel.VILLAGE, parent=subdistrict
    )
    return province, district, subdistrict, village


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


class PhotoFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = Photo

    title = factory.Sequence(lambda n: f"Foto kegiatan {n}")
    # Wagtail's root collection; the upstream factory makes a new root per image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=640, height=360, color="green")


def home_page():
    return HomePage.objects.get()


def directory_page():
    return GroupDirectoryPage.objects.get()


class GroupPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GroupPage

    title = factory.Sequence(lambda n: f"KIM Maju Bersama {n}")
    slug = factory.Sequence(lambda n: f"kim-maju-bersama-{n}")
    kind = GroupKind.KIM
    region = factory.SubFactory(RegionFactory)
    parent = factory.LazyFunction(directory_page)


def rich_text_body(text="Warga desa bergotong royong membersihkan saluran air."):
    return [("paragraph", blocks.RichTextBlock().to_python(f"<p>{text}</p>"))]


class PostPageFactory(wagtail_factories.PageFactory):
    """A live post; pass `tags=[...]` and `sources=[{...}]`, or use the `with_hero` trait."""

    class Meta:
        model = PostPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kerja bakti warga {n}")
    slug = factory.Sequence(lambda n: f"kerja-bakti-warga-{n}")
    summary = "Warga bergotong royong membersihkan saluran air sebelum musim hujan."
    body = factory.LazyFunction(rich_text_body)
    parent = factory.SubFactory(GroupPageFactory)
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Params:
        with_hero = factory.Trait(
            hero_image=factory.SubFactory(PhotoFactory),
            hero_alt="Warga membersihkan saluran air di tepi sawah.",
        )
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()
            # Saving indexes the page before its tags are written (the test settings run
            # tasks at once, not after the commit), so index it again with them.
            search_index.insert_or_update_object(self)
            index_posts([self.pk])

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if create and extracted:
            for source in extracted:
                PostSource.objects.create(page=self, **source)
            index_posts([self.pk])


def restrict(page, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"):  # noqa: S107
    """Put a view restriction (password or login) on a page and what lies below it."""
    return PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password=password if restriction_type == PageViewRestriction.PASSWORD else "",
    )


def bulk_posts(group, count, *, hero_images=(), categories=(), tags=(), newest=None):
    """Create `count` live posts under `group`, newest first, without treebeard's per-node cost.

    Paths, depth, url_path and the parent's numchild are set by hand, as treebeard would.
    Posts get hero images, categories and tags in rotation so that listings must prefetch.
    """
    group.refresh_from_db()
    newest = newest or timezone.now() - timedelta(days=1)
    post_type = ContentType.objects.get_for_model(PostPage)
    depth = group.depth + 1
    posts = []
    for offset in range(count):
        step = group.numchild + offset + 1
        slug = f"{group.slug}-kabar-{step}"
        published = newest - timedelta(minutes=offset)
        hero = hero_images[offset % len(hero_images)] if hero_images else None
        posts.append(
            PostPage(
                title=f"Kabar {group.title} nomor {step}",
                draft_title=f"Kabar {group.title} nomor {step}",
                slug=slug,
                content_type=post_type,
                locale_id=group.locale_id,
                translation_key=uuid.uuid4(),
                path=PostPage._get_path(group.path, depth, step),
                depth=depth,
                numchild=0,
                url_path=f"{group.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                summary=f"Ringkasan kabar nomor {step} dari {group.title}.",
                body=rich_text_body(f"Kabar nomor {step}: warga membangun jalan desa."),
                hero_image=hero,
                hero_alt="Warga bekerja bersama." if hero else "",
                category=categories[offset % len(categories)] if categories else None,
                group=group,
            )
        )
    Page.objects.bulk_create(posts, batch_size=200)
    for post in posts:
        post.page_ptr_id = post.id
    # Django refuses bulk_create for multi-table children: insert the PostPage rows the
    # same way bulk_create does, through the QuerySet's batched insert.
    fields = PostPage._meta.local_concrete_fields
    batch_size = connection.ops.bulk_batch_size(fields, posts)
    PostPage.objects.all()._batched_insert(posts, fields, batch_size=min(batch_size, 200))
    Page.objects.filter(pk=group.pk).update(numchild=group.numchild + count)
    if tags:
        PostPageTag.objects.bulk_create(
            [PostPageTag(content_object=post, tag=tag) for post in posts for tag in tags]
        )
    return posts


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "complaints.Agency"
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"dinas-{n}")
    name = factory.Sequence(lambda n: f"Dinas {n}")
    head_email = factory.LazyAttribute(lambda a: f"kepala@{a.slug}.example.test")

    @factory.post_generation
    def officers(self, create, extracted, **kwargs):
        if create and extracted:
            self.officers.add(*extracted)


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "complaints.Complaint"

    reference = factory.Sequence(lambda n: f"ADU-{n:05d}")
    received_at = factory.LazyFunction(timezone.now)
    channel = "facebook"
    kind = "aduan"
    text = "Blangko KTP di kecamatan habis sejak dua minggu."
    subject = "Blangko KTP habis"
    status = "baru"


def verified_device(user):
    """A confirmed second-factor device for the user (a recovery-code list, as enrolment makes)."""
    from django_otp.plugins.otp_static.models import StaticDevice

    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="recovery codes", defaults={"confirmed": True}
    )
    return device


def second_factor_code(user):
    """A fresh one-time code that the user's second factor accepts (for sign-in forms)."""
    from django_otp.plugins.otp_static.models import StaticToken

    token = StaticToken.random_token()
    verified_device(user).token_set.create(token=token)
    return token


def authenticate(**credentials):
    """Django's authenticate as the sign-in form calls it: django-axes needs the request."""
    from django.contrib.auth import authenticate as django_authenticate
    from django.test import RequestFactory

    return django_authenticate(RequestFactory().post("/admin/login/"), **credentials)
