"""With Redis down the portal serves every public page, uncached, and says so once a minute."""

import logging
import socket
import uuid

import pytest
import redis
from django.core.cache import caches

from pagecache import backends, generation
from pagecache.middleware import HIT_HEADER
from tests.factories import CategoryFactory, GroupPageFactory, PostPageFactory

pytestmark = pytest.mark.django_db


def closed_port():
    """A port on 127.0.0.1 that nothing listens on: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_caches(location, prefix):
    return {
        alias: {
            "BACKEND": "pagecache.backends.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"{prefix}:{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
        for alias in ("default", "pages", "fragments", "renditions")
    }


@pytest.fixture(autouse=True)
def fresh_outages():
    backends._outages.clear()
    yield
    backends._outages.clear()


@pytest.fixture
def redis_down(settings):
    settings.PAGECACHE_ENABLED = True
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{closed_port()}/0", "portal-test")


@pytest.fixture
def clock(monkeypatch):
    """The backend's clock, moved by hand."""

    class Clock:
        now = 1000.0

    monkeypatch.setattr(backends.time, "monotonic", lambda: Clock.now)
    return Clock


@pytest.fixture
def site(region_tree):
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
    post = PostPageFactory(
        parent=group,
        title="Jembatan bambu diperbaiki",
        slug="jembatan-bambu",
        category=CategoryFactory(name="Berita", slug="berita"),
        tags=["gotong-royong"],
        with_hero=True,
    )
    return village, group, post


def public_addresses(village, group, post):
    return [
        "/",
        "/en/",
        "/kelompok/",
        group.url,
        post.url,
        "/en" + post.url,
        "/kategori/berita/",
        "/tag/gotong-royong/",
        f"/wilayah/{village.parent.code}/",
        "/cari/?q=jembatan",
        "/feed/rss/",
        "/feed/atom/",
        f"/feed/kelompok/{group.slug}/rss/",
        "/sitemap.xml",
        "/robots.txt",
    ]


@pytest.mark.usefixtures("redis_down")
def test_every_public_page_answers_200_uncached_while_redis_is_down(client, site, caplog):
    addresses = public_addresses(*site)
    backends._outages.clear()  # the outage as the first reader meets it

    with caplog.at_level(logging.ERROR, logger="pagecache.backends"):
        for _ in range(2):
            for address in addresses:
                response = client.get(address)
                assert response.status_code == 200, address
                assert response.get(HIT_HEADER) is None, address

    reports = [r for r in caplog.records if r.name == "pagecache.backends"]
    assert len(reports) == 1
    assert "unreachable" in reports[0].getMessage()


@pytest.mark.usefixtures("redis_down")
def test_the_outage_is_reported_again_after_a_minute_not_per_request(client, site, clock, caplog):
    post = site[2]
    backends._outages.clear()
    with caplog.at_level(logging.ERROR, logger="pagecache.backends"):
        for second in range(0, 60, 6):
            clock.now = 1000.0 + second
            assert client.get(post.url).status_code == 200
        clock.now = 1061.0
        assert client.get(post.url).status_code == 200

    reports = [r for r in caplog.records if r.name == "pagecache.backends"]
    assert len(reports) == 2
    assert "failed cache calls since the last report" in reports[1].getMessage()


@pytest.mark.usefixtures("redis_down")
def test_a_down_redis_is_not_asked_again_on_every_call(clock, monkeypatch):
    cache = caches["pages"]
    attempts = []
    connect = socket.socket.connect

    def counting_connect(sock, address):
        attempts.append(address)
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", counting_connect)
    for _ in range(20):
        assert cache.get("page") is None
    assert len(attempts) == 1

    clock.now += backends.RETRY_AFTER
    cache.get("page")
    assert len(attempts) == 2


@pytest.fixture
def live_redis(settings):
    """The machine's Redis under a prefix of this test's own, emptied afterwards."""
    prefix = f"security-ops-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = redis_caches("redis://127.0.0.1:6379/0", prefix)
    cache = caches["default"]
    if cache.set("probe", 1) is None and cache.get("probe") is None:
        pytest.skip("no Redis at 127.0.0.1:6379")
    yield cache
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def test_pages_cached_before_an_outage_are_not_served_after_it(live_redis, clock):
    """Publications during the outage could not move the generation: recovery does."""
    before = generation.current()
    assert before is not None

    backends._outages.clear()
    outage = live_redis._outage()
    live_redis._failed(outage, ConnectionError("simulated"))
    assert generation.current() is None  # down: nothing is cached or served from the cache

    clock.now += backends.RETRY_AFTER
    after = generation.current()
    assert after is not None
    assert after != before


def test_clearing_one_cache_leaves_other_keys_in_a_shared_redis_alone(live_redis):
    """Django's clear() would empty the whole Redis database other portals also use."""
    neighbour = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    neighbour_key = f"neighbour-{uuid.uuid4().hex}"
    neighbour.set(neighbour_key, "1", ex=60)
    pages = caches["pages"]
    pages.set("page", "html")
    live_redis.set("site-root", "kept")

    live_redis.clear()

    assert live_redis.get("site-root") is None
    assert pages.get("page") == "html"
    assert neighbour.get(neighbour_key) == b"1"
    neighbour.delete(neighbour_key)
    neighbour.close()
