"""Content-Security-Policy and Permissions-Policy: on every response, cached or not."""

import json
import re

import pytest
from django.conf import settings

from pagecache.middleware import HIT_HEADER
from tests.factories import CategoryFactory, PostPageFactory
from tests.portal.test_settings import production_env, run_django

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"


def directives(response):
    return {
        name: sources
        for name, *sources in (part.split() for part in response[CSP].split(";") if part.strip())
    }


@pytest.fixture
def post():
    return PostPageFactory(
        with_hero=True,
        category=CategoryFactory(slug="pengumuman"),
        tags=["banjir"],
        sources=[{"title": "Pemdes", "kind": "official", "url": "https://desa.example/"}],
    )


def public_addresses(post):
    return [
        "/",
        post.get_parent().get_parent().url,
        post.get_parent().url,
        post.url,
        "/kategori/pengumuman/",
        "/tag/banjir/",
        "/cari/?q=kerja",
        "/en/",
    ]


def test_public_pages_allow_only_their_own_scripts_and_styles(client, post):
    for address in public_addresses(post):
        policy = directives(client.get(address))

        assert policy["script-src"] == ["'self'"], address
        assert policy["style-src"] == ["'self'"], address
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert set(policy["img-src"]) >= {"'self'", "data:"}


INLINE = [
    re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I),
    re.compile(r"<[a-z][^>]*\sstyle=", re.I),
    re.compile(r"<[a-z][^>]*\son[a-z]+=", re.I),
    re.compile(r"href=\"javascript:", re.I),
]


def test_public_pages_hold_no_inline_script_or_style(client, post):
    """What the policy would block: it must not be on the pages in the first place."""
    for address in public_addresses(post):
        html = client.get(address).content.decode()

        assert [pattern.pattern for pattern in INLINE if pattern.search(html)] == [], address


def test_admin_gets_its_own_policy(admin_client):
    policy = directives(admin_client.get("/admin/"))

    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.parametrize(
    "address",
    ["/", "/robots.txt", "/healthz/", "/tidak-ada/", "/admin/login/", "/static/css/portal.css"],
)
def test_every_response_turns_off_powerful_features(client, address):
    response = client.get(address)

    features = dict(part.split("=") for part in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    assert CSP in response


def test_cached_pages_carry_the_same_headers_as_fresh_ones(client, post, settings):
    settings.PAGECACHE_ENABLED = True

    miss = client.get(post.url)
    hit = client.get(post.url)
    gzip_hit = client.get(post.url, headers={"accept-encoding": "gzip"})

    assert (miss[HIT_HEADER], hit[HIT_HEADER], gzip_hit[HIT_HEADER]) == ("miss", "hit", "hit")
    assert gzip_hit["Content-Encoding"] == "gzip"
    for response in (hit, gzip_hit):
        assert response[CSP] == miss[CSP]
        assert response["Permissions-Policy"] == miss["Permissions-Policy"]
    assert "nonce" not in miss[CSP]


def test_cached_pages_follow_a_policy_changed_after_they_were_first_served(client, post, settings):
    settings.PAGECACHE_ENABLED = True
    client.get(post.url)
    client.get(post.url)
    before = client.get(post.url)

    directives_now = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": directives_now | {"img-src": ["'self'", "https://foto.example"]}
    }
    after = client.get(post.url)

    assert (before[HIT_HEADER], after[HIT_HEADER]) == ("hit", "hit")
    assert "https://foto.example" not in before[CSP]
    assert directives(after)["img-src"] == ["'self'", "https://foto.example"]


def test_cached_pages_carry_a_report_only_policy_when_one_is_set(client, post, settings):
    settings.PAGECACHE_ENABLED = True
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    responses = [client.get(post.url) for _ in range(3)]

    assert [response[HIT_HEADER] for response in responses] == ["miss", "hit", "hit"]
    for response in responses:
        assert response[f"{CSP}-Report-Only"] == "default-src 'none'"
        assert response[CSP] == responses[0][CSP]


def test_production_policy_needs_no_inline_allowance_on_public_pages():
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]

    assert not any("unsafe" in source for sources in public.values() for source in sources)


SHOW_IMAGE_SOURCES = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
)


def image_sources(**env):
    result = run_django("shell", "-c", SHOW_IMAGE_SOURCES, **production_env(**env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_photos_on_another_host_are_allowed_by_the_policy():
    assert image_sources() == ["'self'", "data:"]
    assert image_sources(
        AWS_STORAGE_BUCKET_NAME="portal-media", AWS_S3_CUSTOM_DOMAIN="foto.example"
    )[2:] == ["https://foto.example", "https://portal-media.s3.amazonaws.com"]
    assert "https://cdn.example" in image_sources(MEDIA_URL="https://cdn.example/media/")
