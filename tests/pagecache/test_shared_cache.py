"""With Redis, each process keeps the pages and fragments it read last in front of it, kept
honest by the shared generations: a hit costs no round trip, and a publication anywhere is
seen everywhere within PAGECACHE_GENERATION_CHECK seconds."""

import os
import uuid

import pytest
import redis
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory

from pagecache import backends, generation
from pagecache.fragments import cached_fragments
from pagecache.middleware import HIT_HEADER, PageCacheMiddleware

# The tests' Redis; keys under a prefix of each test's own, removed afterwards.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_caches(prefix, local_entries):
    caches = {
        alias: {
            "BACKEND": "pagecache.backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{prefix}:{alias}",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
        for alias in ("default", "pages", "fragments")
    }
    if local_entries:
        for alias in ("default", "pages", "fragments"):
            caches[f"{alias}-local"] = {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"{prefix}-{alias}-local",
                "OPTIONS": {"MAX_ENTRIES": local_entries},
            }
    return caches


@pytest.fixture
def clock(monkeypatch):
    """The processes' monotonic clock, moved by hand."""

    class Clock:
        now = 1000.0

    monkeypatch.setattr(generation.time, "monotonic", lambda: Clock.now)
    return Clock


@pytest.fixture
def shared(settings):
    """This process's caches on the machine's Redis, with a layer of 10 pages in front."""
    prefix = f"pagecache-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = redis_caches(prefix, local_entries=10)
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_GENERATION_CHECK = 1.0
    backends._outages.clear()
    generation.forget()
    if caches["default"].set("probe", 1) is None and caches["default"].get("probe") is None:
        pytest.skip(f"no Redis at {REDIS_URL}")
    layers = [caches[f"{alias}-local"] for alias in ("default", "pages", "fragments")]
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()
    for layer in layers:
        layer.clear()
    backends._outages.clear()
    generation.forget()


class Site:
    """Pages whose text says how many times they were rendered."""

    def __init__(self):
        self.renders = 0
        self.middleware = PageCacheMiddleware(self.view)
        self.factory = RequestFactory()

    def view(self, request):
        self.renders += 1
        return HttpResponse(f"<p>{request.path} rendered {self.renders}</p>" * 50)

    def get(self, path):
        return self.middleware(self.factory.get(path, HTTP_ACCEPT_ENCODING="gzip"))


def empty_redis(prefix, pattern="pages:*"):
    """Remove from Redis the test's keys that match `pattern` (after the test's prefix)."""
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:{pattern}"))
    assert keys, f"nothing matches {pattern} in Redis"
    client.delete(*keys)
    client.close()


def another_process_publishes(prefix):
    """What generation.advance() does in another app server: move the counter in Redis."""
    other = backends.ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": f"{prefix}:default"})
    assert other.incr(generation.GENERATION_KEYS[generation.PAGES]) is not None


def test_a_hit_is_served_from_the_process_layer_without_asking_redis(shared, clock):
    site = Site()
    assert site.get("/kelompok/kim-sengon/").get(HIT_HEADER) == "miss"
    empty_redis(shared)

    response = site.get("/kelompok/kim-sengon/")

    assert response[HIT_HEADER] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert site.renders == 1


def test_without_the_layer_every_hit_comes_from_redis(settings, shared, clock):
    settings.CACHES = redis_caches(shared, local_entries=0)
    site = Site()
    site.get("/kelompok/kim-sengon/")
    assert site.get("/kelompok/kim-sengon/")[HIT_HEADER] == "hit"
    empty_redis(shared)

    assert site.get("/kelompok/kim-sengon/")[HIT_HEADER] == "miss"
    assert site.renders == 2


def test_a_publication_in_another_process_is_seen_within_the_check_interval(shared, clock):
    site = Site()
    site.get("/")
    assert site.get("/")[HIT_HEADER] == "hit"

    another_process_publishes(shared)
    clock.now += 0.5
    assert site.get("/")[HIT_HEADER] == "hit"  # stale for at most the interval

    clock.now += 0.5
    fresh = site.get("/")
    assert fresh[HIT_HEADER] == "miss"
    assert site.renders == 2


def test_a_publication_in_this_process_is_seen_at_once(shared, clock):
    site = Site()
    site.get("/")
    generation.advance()

    assert site.get("/")[HIT_HEADER] == "miss"


def test_the_layer_keeps_the_pages_read_last_and_redis_the_rest(shared, clock):
    site = Site()
    addresses = [f"/kelompok/kim-{n}/" for n in range(30)]
    for address in addresses:
        site.get(address)
    # Every page is still a hit: those the layer of 10 dropped come from Redis.
    assert [site.get(address)[HIT_HEADER] for address in addresses] == ["hit"] * 30
    empty_redis(shared)

    outcomes = [site.get(address)[HIT_HEADER] for address in reversed(addresses)]

    # Without Redis's copies only the layer's few remain: the ones read last.
    assert 0 < outcomes.count("hit") <= 10
    assert outcomes[0] == "hit"
    assert outcomes[-1] == "miss"


def test_pages_in_the_layer_are_not_served_while_redis_is_down(shared, clock):
    site = Site()
    site.get("/")
    assert site.get("/")[HIT_HEADER] == "hit"

    cache = caches["default"]
    cache._failed(cache._outage(), ConnectionError("simulated"))

    response = site.get("/")
    assert response.status_code == 200
    assert response.get(HIT_HEADER) is None
    assert site.renders == 2


def test_a_reader_without_gzip_gets_the_plain_page_from_the_layer(shared, clock):
    site = Site()
    site.get("/kelompok/kim-sengon/")
    request = site.factory.get("/kelompok/kim-sengon/")

    response = site.middleware(request)

    assert response[HIT_HEADER] == "hit"
    assert not response.has_header("Content-Encoding")
    assert b"/kelompok/kim-sengon/ rendered 1" in response.content


class Articles:
    """Fragments whose HTML says how many times they were rendered."""

    def __init__(self):
        self.renders = 0

    def get(self, *names):
        return cached_fragments(None, "article", list(names), lambda name: (name,), self.render)

    def render(self, names):
        html = []
        for name in names:
            self.renders += 1
            html.append(f"<article>{name} rendered {self.renders}</article>")
        return html


def test_a_fragment_is_served_from_the_process_layer_without_asking_redis(shared, clock):
    articles = Articles()
    articles.get("sengon", "mawar")
    empty_redis(shared, "fragments:*")

    assert articles.get("mawar", "sengon") == [
        "<article>mawar rendered 2</article>",
        "<article>sengon rendered 1</article>",
    ]
    assert articles.renders == 2


def test_a_fragment_another_process_rendered_is_kept_in_this_ones_layer(shared, clock):
    articles = Articles()
    articles.get("sengon")
    caches["fragments-local"].clear()  # as a process that has not read it yet

    assert articles.get("sengon") == ["<article>sengon rendered 1</article>"]  # from Redis
    empty_redis(shared, "fragments:*")
    assert articles.get("sengon") == ["<article>sengon rendered 1</article>"]  # from the layer
    assert articles.renders == 1


def test_without_the_layer_every_fragment_comes_from_redis(settings, shared, clock):
    settings.CACHES = redis_caches(shared, local_entries=0)
    articles = Articles()
    articles.get("sengon")
    empty_redis(shared, "fragments:*")

    assert articles.get("sengon") == ["<article>sengon rendered 2</article>"]


def test_a_changed_shared_generation_reaches_fragments_in_the_layer(shared, clock):
    articles = Articles()
    articles.get("sengon")

    generation.advance(generation.SHARED)

    assert articles.get("sengon") == ["<article>sengon rendered 2</article>"]


def test_a_remembered_value_is_read_from_the_process_layer_until_a_publication(shared, clock):
    """What generation.remember keeps (the site answering a host, say) costs no round trip."""
    computed = []

    def remembered():
        return generation.remember("test", lambda: computed.append(1) or len(computed))

    assert remembered() == 1
    empty_redis(shared, "default:*:pagecache:value:*")
    assert remembered() == 1
    assert computed == [1]

    another_process_publishes(shared)
    clock.now += 1
    assert remembered() == 2
