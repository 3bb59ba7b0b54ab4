"""Hostile input on every public address: never a 500, on SQLite and on PostgreSQL.

The addresses come from the URL configuration (every public pattern must be covered here,
so a new one cannot slip past) and from the sitemap (every listed page). Each input goes
into every path segment, every query parameter the public views read, and the public
forms' fields.
"""

from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, resolve
from django.utils import translation
from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PostPageFactory,
    region_tree,
    restrict,
)

pytestmark = pytest.mark.django_db

INPUTS = [
    "\x00",
    "a\x00b",
    "a" * 10_000,
    "'\"<>;--",
    "' OR '1'='1",
    "OR",
    "AND",
    "NOT",
    "*",
    ":",
    ":*",
    "&",
    "|",
    "!",
    "(",
    ")",
    "\\",
    "-1",
    "0",
    "abc",
    "1e9",
    "99999999999999999999999",
    # Post listings' cursors at the ends of what the databases and Python hold.
    "9999-12-31T23:59:59.999999,999999999999999999",
    "0001-01-01T00:00:00.000000,0",
]
# Every parameter a public view reads: search, pagination (numbered, and post listings'
# cursors), the group directory's filters, the sitemap's page, the login's return address.
QUERY_PARAMETERS = [
    "q",
    "page",
    "sebelum",
    "sesudah",
    "p",
    "kabupaten",
    "kecamatan",
    "jenis",
    "next",
]
PUBLIC_FORMS = {
    "wagtailcore_authenticate_with_password": ["password", "return_url"],
    "wagtaildocs_authenticate_with_password": ["password", "return_url"],
    "wagtailcore_login": ["username", "password", "next"],
    "complaints_public_form": [
        "kind",
        "subject",
        "text",
        "region",
        "reporter_name",
        "reporter_contact",
        "consent",
        "website",
    ],
}


def public_patterns():
    """(route, name) of every pattern outside the admin."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.name

    return {
        name for route, name in walk(get_resolver().url_patterns) if not route.startswith("admin/")
    }


@pytest.fixture
def addresses(client):
    """One working address for each public pattern, and every page the sitemap lists."""
    _, district, subdistrict, _ = region_tree()
    group = GroupPageFactory(slug="kim-sengon", region=subdistrict)
    category = CategoryFactory(slug="pengumuman")
    post = PostPageFactory(parent=group, category=category, tags=["banjir"])
    hidden = PostPageFactory(parent=group)
    page_restriction = restrict(hidden)
    document = Document.objects.create(title="Jadwal", file=ContentFile(b"jadwal", "jadwal.txt"))
    document_restriction = CollectionViewRestriction.objects.create(
        collection=Collection.get_first_root_node(),
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="rahasia",
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = [urlsplit(entry.split("</loc>")[0]).path for entry in sitemap.split("<loc>")[1:]]
    assert post.url in pages
    tag = Tag.objects.get(name="banjir")
    return pages + [
        "/sitemap.xml",
        "/robots.txt",
        "/healthz/",
        "/cari/",
        "/en/cari/",
        f"/kategori/{category.slug}/",
        f"/tag/{tag.slug}/",
        f"/wilayah/{district.code}/",
        f"/en/wilayah/{subdistrict.code}/",
        "/feed/rss/",
        "/feed/atom/",
        f"/feed/kelompok/{group.slug}/rss/",
        f"/feed/kelompok/{group.slug}/atom/",
        f"/documents/{document.pk}/{document.filename}",
        f"/documents/authenticate_with_password/{document_restriction.pk}/",
        f"/_util/authenticate_with_password/{page_restriction.pk}/{hidden.pk}/",
        "/_util/login/",
        "/en/",
        "/aduan/",
        "/tanggapan/",
        "/tanggapan/ADU-00001/",
    ]


def url_name(address):
    # The resolver matches the active language's prefix: the default one has none.
    with translation.override(settings.LANGUAGE_CODE):
        return resolve(urlsplit(address).path.removeprefix("/en")).url_name


def mutations(path):
    """The address with each input in place of each of its path segments, and after them."""
    segments = path.strip("/").split("/") if path.strip("/") else []
    for value in INPUTS:
        encoded = quote(value, safe="")
        for index in range(len(segments)):
            yield "/" + "/".join([*segments[:index], encoded, *segments[index + 1 :]]) + "/"
        yield "/" + "/".join([*segments, encoded]) + "/"


def test_every_public_pattern_is_fuzzed(addresses):
    """A public address added to the URLs must be added to the fuzzing above too."""
    covered = {url_name(address) for address in addresses}

    assert public_patterns() <= covered


def test_no_input_makes_a_public_address_answer_500(client, addresses):
    client.raise_request_exception = True
    failures = []

    def fetch(method, address, data=None):
        try:
            response = getattr(client, method)(address, data)
        except Exception as error:  # noqa: BLE001 (every failure is reported together)
            failures.append(f"{method.upper()} {address[:80]!r} {data and list(data)}: {error!r}")
            return
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {address[:80]!r}: {response.status_code}")

    requests = {}  # one request per distinct address: mutated segments often coincide
    for address in addresses:
        name = url_name(address)
        for value in INPUTS:
            requests[("get", f"{address}?{urlencode(dict.fromkeys(QUERY_PARAMETERS, value))}")] = (
                None
            )
            if name in PUBLIC_FORMS:
                requests[("post", address, value)] = dict.fromkeys(PUBLIC_FORMS[name], value)
        for mutated in mutations(address):
            requests[("get", mutated)] = None
    for (method, address, *_), data in requests.items():
        fetch(method, address, data)

    assert failures == []
