"""Each network's client against its fake server: success and every documented error class."""

import socket

import pytest
from PIL import Image as PILImage

from crossposting.clients import client_for
from crossposting.clients.base import (
    AuthError,
    Image,
    Outgoing,
    PermanentError,
    RateLimited,
    TransientError,
    UncertainError,
)
from crossposting.models import Network

from .conftest import CHANNEL, PAGE_ID, make_account

LINK = "http://testserver/kelompok/kim-sekar-jagad/kerja-bakti/"


@pytest.fixture
def photo(settings):
    """A JPEG in the media folder, at the address Facebook would fetch it from."""

    def make(width=1200, height=900, fmt="JPEG", name="foto.jpg"):
        path = settings.MEDIA_ROOT / "images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (width, height), "green").save(path, fmt)
        return Image(
            url=f"{settings.WAGTAILADMIN_BASE_URL}{settings.MEDIA_URL}images/{name}",
            open=lambda: path.open("rb"),
            width=width,
            height=height,
        )

    return make


def outgoing(text=None, image=None):
    return Outgoing(text=text or f"Kerja bakti warga Sengon\n\n{LINK}", link=LINK, image=image)


def client(network, **fields):
    return client_for(make_account(network, save=False, **fields))


# Facebook Page ---------------------------------------------------------------------------
def test_facebook_text_post_lands_on_the_page_feed(graph):
    remote = client(Network.FACEBOOK_PAGE).publish(outgoing())

    post = graph.posts[remote.id]
    assert post["page"] == PAGE_ID and post["link"] == LINK and LINK in post["message"]
    assert remote.url == f"https://www.facebook.com/{remote.id}"


def test_facebook_photo_post_sends_the_public_jpeg_address(graph, photo):
    image = photo()
    remote = client(Network.FACEBOOK_PAGE).publish(outgoing(image=image))

    assert graph.posts[remote.id]["photo"] == image.url
    assert graph.calls("POST", "/photos")[0].form["caption"].endswith(LINK)


def test_facebook_refuses_a_wrong_page_token(graph):
    with pytest.raises(AuthError, match="190"):
        client(Network.FACEBOOK_PAGE, credentials={"page_access_token": "stolen"}).publish(
            outgoing()
        )
    assert graph.posts == {}


@pytest.mark.parametrize("network", [Network.FACEBOOK_PAGE, Network.INSTAGRAM])
def test_graph_expired_token_needs_reconnecting(graph, photo, network):
    graph.fail_next("expired_token")

    with pytest.raises(AuthError, match="OAuthException 190/463"):
        client(network).publish(outgoing(image=photo()))


GRAPH_NETWORKS = [Network.FACEBOOK_PAGE, Network.INSTAGRAM]


def graph_posts(graph):
    return {"posts": dict(graph.posts), "containers": dict(graph.containers)}


@pytest.mark.parametrize("network", GRAPH_NETWORKS)
@pytest.mark.parametrize("code", [4, 17, 32])
def test_graph_throttling_waits_as_long_as_the_usage_header_says(graph, photo, network, code):
    graph.fail_next(f"throttle_{code}", minutes=7)

    with pytest.raises(RateLimited) as caught:
        client(network).publish(outgoing(image=photo()))
    assert f"OAuthException {code}" in caught.value.message
    assert caught.value.retry_after == 7 * 60
    assert graph_posts(graph) == {"posts": {}, "containers": {}}


@pytest.mark.parametrize("network", GRAPH_NETWORKS)
def test_graph_http_429_honours_retry_after(graph, photo, network):
    graph.fail_next("http429", retry_after=90, minutes=0)

    with pytest.raises(RateLimited) as caught:
        client(network).publish(outgoing(image=photo()))
    assert caught.value.retry_after == 90
    assert graph_posts(graph) == {"posts": {}, "containers": {}}


@pytest.mark.parametrize("network", GRAPH_NETWORKS)
def test_graph_5xx_is_temporary(graph, photo, network):
    graph.fail_next("http500")

    with pytest.raises(TransientError) as caught:
        client(network).publish(outgoing(image=photo()))
    assert not isinstance(caught.value, UncertainError | RateLimited)
    assert graph_posts(graph) == {"posts": {}, "containers": {}}


@pytest.mark.parametrize("network", GRAPH_NETWORKS)
def test_graph_silence_past_the_timeout_leaves_the_outcome_unknown(graph, photo, network):
    graph.fail_next("slow")

    with pytest.raises(UncertainError):
        client(network).publish(outgoing(image=photo()))
    assert graph_posts(graph) == {"posts": {}, "containers": {}}


def test_graph_timeout_after_accepting_is_unknown_but_the_lookup_finds_the_post(graph):
    graph.fail_next("accept_then_timeout")
    facebook = client(Network.FACEBOOK_PAGE)

    with pytest.raises(UncertainError):
        facebook.publish(outgoing())
    found = facebook.find_existing(outgoing())

    assert found is not None and found.id in graph.posts


def test_facebook_deletes_a_post(graph):
    facebook = client(Network.FACEBOOK_PAGE)
    remote = facebook.publish(outgoing())

    facebook.delete(remote.id)

    assert graph.posts == {}


def test_unreachable_server_means_nothing_was_sent(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CROSSPOSTING_GRAPH_API_URL = f"http://127.0.0.1:{port}"

    with pytest.raises(TransientError) as caught:
        client(Network.FACEBOOK_PAGE).publish(outgoing())
    assert not caught.value.uncertain


# Instagram -------------------------------------------------------------------------------
def test_instagram_publishes_a_container_and_keeps_its_id(graph, photo):
    saved = {}
    remote = client(Network.INSTAGRAM).publish(outgoing(image=photo()), save_progress=saved.update)

    assert graph.containers[saved["container_id"]]["status_code"] == "PUBLISHED"
    assert graph.posts[remote.id]["caption"].endswith(LINK)
    assert remote.url.startswith("https://www.instagram.com/p/")


def test_instagram_needs_a_photo(graph):
    with pytest.raises(PermanentError, match="photo"):
        client(Network.INSTAGRAM).publish(outgoing())
    assert graph.requests == []


@pytest.mark.parametrize(
    ("size", "fmt", "subcode"),
    [
        ((2000, 800), "JPEG", "2207009"),  # 2.5:1 is wider than 1.91:1
        ((600, 900), "JPEG", "2207009"),  # 2:3 is taller than 4:5
        ((1000, 1000), "PNG", "2207026"),  # not a JPEG
    ],
)
def test_instagram_refuses_photos_outside_its_limits(graph, photo, size, fmt, subcode):
    with pytest.raises(PermanentError, match=subcode):
        client(Network.INSTAGRAM).publish(outgoing(image=photo(*size, fmt=fmt, name="x.img")))


def test_instagram_retry_reuses_the_container_after_publish_failed(graph, photo):
    graph.fail_next("http500", path_contains="media_publish")
    saved = {}
    instagram = client(Network.INSTAGRAM)
    with pytest.raises(TransientError):
        instagram.publish(outgoing(image=photo()), save_progress=saved.update)

    remote = instagram.publish(outgoing(image=photo()), container_id=saved["container_id"])

    assert len(graph.containers) == 1
    assert list(graph.posts) == [remote.id]


def test_instagram_container_already_published_is_found_not_republished(graph, photo):
    graph.fail_next("accept_then_timeout", path_contains="media_publish")
    saved = {}
    instagram = client(Network.INSTAGRAM)
    with pytest.raises(UncertainError):
        instagram.publish(outgoing(image=photo()), save_progress=saved.update)

    remote = instagram.publish(outgoing(image=photo()), container_id=saved["container_id"])

    assert list(graph.posts) == [remote.id]
    assert len(graph.calls("POST", "media_publish")) == 1


@pytest.mark.parametrize(("status", "outcome"), [("EXPIRED", "remade"), ("ERROR", PermanentError)])
def test_instagram_expired_container_is_remade_and_a_failed_one_refused(
    graph, photo, status, outcome
):
    graph.fail_next("http500", path_contains="media_publish")
    saved = {}
    instagram = client(Network.INSTAGRAM)
    with pytest.raises(TransientError):
        instagram.publish(outgoing(image=photo()), save_progress=saved.update)
    graph.containers[saved["container_id"]]["status_code"] = status

    if outcome == "remade":
        instagram.publish(outgoing(image=photo()), container_id=saved["container_id"])
        assert len(graph.containers) == 2 and len(graph.posts) == 1
    else:
        with pytest.raises(outcome):
            instagram.publish(outgoing(image=photo()), container_id=saved["container_id"])
        assert graph.posts == {}


def test_instagram_publishing_limit_waits_an_hour(graph, photo):
    graph.fail_next("publishing_limit", path_contains="/media")

    with pytest.raises(RateLimited) as caught:
        client(Network.INSTAGRAM).publish(outgoing(image=photo()))
    assert caught.value.retry_after == 3600


def test_instagram_cannot_delete(graph):
    with pytest.raises(PermanentError, match="cannot delete"):
        client(Network.INSTAGRAM).delete("123")


# X ---------------------------------------------------------------------------------------
def test_x_uploads_the_photo_then_posts_with_its_media_id(x_api, photo):
    remote = client(Network.X).publish(outgoing(image=photo()))

    tweet = x_api.tweets[remote.id]
    assert tweet["full_text"].endswith(LINK) and len(tweet["media_ids"]) == 1
    assert remote.url == f"https://x.com/diskominfo/status/{remote.id}"


def test_x_rejects_a_bad_oauth_signature(x_api):
    with pytest.raises(AuthError, match="401"):
        client(Network.X, credentials={**x_api.credentials(), "consumer_secret": "wrong"}).publish(
            outgoing()
        )
    assert x_api.tweets == {}


def test_x_revoked_token_needs_reconnecting(x_api):
    x_api.fail_next("expired_token")

    with pytest.raises(AuthError):
        client(Network.X).publish(outgoing())


def test_x_rate_limit_honours_the_reset_header(x_api):
    x_api.fail_next("http429", reset_in=120)

    with pytest.raises(RateLimited) as caught:
        client(Network.X).publish(outgoing())
    assert 110 <= caught.value.retry_after <= 121


def test_x_5xx_is_temporary(x_api):
    x_api.fail_next("http503")

    with pytest.raises(TransientError):
        client(Network.X).publish(outgoing())


def test_x_duplicate_is_refused_for_good(x_api):
    client(Network.X).publish(outgoing())

    with pytest.raises(PermanentError, match="duplicate"):
        client(Network.X).publish(outgoing())


def test_x_lookup_matches_the_expanded_link_not_the_tco_text(x_api):
    x_api.fail_next("accept_then_timeout", path_contains="/2/tweets")
    x = client(Network.X)
    with pytest.raises(UncertainError):
        x.publish(outgoing())

    found = x.find_existing(outgoing())

    assert LINK not in x_api.tweets[found.id]["text"]
    assert found.id in x_api.tweets


def test_x_deletes_a_post(x_api):
    x = client(Network.X)
    remote = x.publish(outgoing())

    x.delete(remote.id)

    assert x_api.tweets == {}


def test_x_slow_server_times_out(x_api):
    x_api.fail_next("slow")

    with pytest.raises(UncertainError):
        client(Network.X).publish(outgoing())
    assert x_api.tweets == {}


# Telegram --------------------------------------------------------------------------------
def test_telegram_sends_a_photo_with_caption(telegram, photo):
    image = photo()
    remote = client(Network.TELEGRAM).publish(outgoing(image=image))

    [message] = telegram.channel_messages(f"@{CHANNEL}")
    assert message["caption"].endswith(LINK) and message["photo"]
    assert remote.url == f"https://t.me/{CHANNEL}/{remote.id}"


def test_telegram_text_too_long_for_a_caption_goes_as_a_message(telegram, photo):
    text = "Kabar " * 200 + LINK
    client(Network.TELEGRAM).publish(outgoing(text=text, image=photo()))

    [message] = telegram.channel_messages(f"@{CHANNEL}")
    assert message["text"] == text and "photo" not in message


@pytest.mark.parametrize("kind", ["expired_token", "bot_removed"])
def test_telegram_revoked_token_or_removed_bot_needs_reconnecting(telegram, kind):
    telegram.fail_next(kind)

    with pytest.raises(AuthError):
        client(Network.TELEGRAM).publish(outgoing())


def test_telegram_unknown_channel_needs_reconnecting(telegram):
    with pytest.raises(AuthError, match="chat not found"):
        client(Network.TELEGRAM, remote_id="@nowhere").publish(outgoing())


def test_telegram_429_honours_retry_after(telegram):
    telegram.fail_next("http429", retry_after=13)

    with pytest.raises(RateLimited) as caught:
        client(Network.TELEGRAM).publish(outgoing())
    assert caught.value.retry_after == 13


def test_telegram_5xx_is_temporary(telegram):
    telegram.fail_next("http502")

    with pytest.raises(TransientError) as caught:
        client(Network.TELEGRAM).publish(outgoing())
    assert not caught.value.uncertain
    assert telegram.channel_messages(f"@{CHANNEL}") == []


def test_telegram_silence_past_the_timeout_leaves_the_outcome_unknown(telegram):
    telegram.fail_next("slow")

    with pytest.raises(UncertainError):
        client(Network.TELEGRAM).publish(outgoing())
    assert telegram.channel_messages(f"@{CHANNEL}") == []


def test_telegram_too_long_message_is_refused(telegram):
    with pytest.raises(PermanentError, match="too long"):
        client(Network.TELEGRAM).publish(outgoing(text="a" * 4097 + LINK))


def test_telegram_timeout_after_accepting_cannot_be_checked(telegram):
    telegram.fail_next("accept_then_timeout")
    bot = client(Network.TELEGRAM)

    with pytest.raises(UncertainError):
        bot.publish(outgoing())
    assert not bot.supports_lookup
    assert len(telegram.channel_messages(f"@{CHANNEL}")) == 1


def test_telegram_deletes_a_message(telegram):
    bot = client(Network.TELEGRAM)
    remote = bot.publish(outgoing())

    bot.delete(remote.id)

    assert telegram.channel_messages(f"@{CHANNEL}") == []


# Look-ups after an unknown outcome -------------------------------------------------------
def marked(marker="a1b2c3d4e5f6"):
    link = f"{LINK}?kim={marker}"
    return Outgoing(text=f"Kerja bakti warga Sengon\n\n{link}", link=link, marker=marker)


@pytest.mark.parametrize("network", [Network.FACEBOOK_PAGE, Network.INSTAGRAM, Network.X])
def test_the_lookup_pages_back_past_hundreds_of_newer_posts(graph, x_api, photo, network):
    from django.utils import timezone

    since = timezone.now()
    account = client(network)
    image = photo() if network == Network.INSTAGRAM else None
    ours = account.publish(Outgoing(**{**marked().__dict__, "image": image}))
    for n in range(250):
        account.publish(outgoing(text=f"Kabar lain {n} {LINK}?kim=other{n}", image=image))

    found = account.find_existing(marked(), since=since)

    assert found is not None and found.id == ours.id
    listing = "/tweets" if network == Network.X else ("/media" if image else "/feed")
    assert len((x_api if network == Network.X else graph).calls("GET", listing)) >= 3


def test_a_lookup_finds_nothing_of_another_delivery_of_the_same_post(graph):
    facebook = client(Network.FACEBOOK_PAGE)
    facebook.publish(marked("000000000001"))

    assert facebook.find_existing(marked("000000000002")) is None


@pytest.mark.parametrize("fault", ["http500", "expired_token", "slow"])
def test_instagram_permalink_that_cannot_be_read_leaves_the_media_published(
    graph, photo, monkeypatch, fault
):
    from crossposting.clients.instagram import InstagramClient

    monkeypatch.setattr(InstagramClient, "container_status", lambda self, cid: "FINISHED")
    graph.fail_next(fault, method="GET")  # the only GET left: the permalink

    remote = client(Network.INSTAGRAM).publish(Outgoing(**{**marked().__dict__, "image": photo()}))

    assert remote.id in graph.posts and remote.url == ""


def test_instagram_container_still_processing_is_kept_and_published_later(graph, photo):
    graph.fail_next("processing", path_contains="/media", seconds=0.3)
    instagram = client(Network.INSTAGRAM)
    saved = {}
    item = Outgoing(**{**marked().__dict__, "image": photo()})

    with pytest.raises(TransientError, match="processing"):
        instagram.publish(item, save_progress=saved.update)
    import time

    time.sleep(0.35)
    remote = instagram.publish(item, container_id=saved["container_id"])

    assert len(graph.containers) == 1 and remote.id in graph.posts


def test_x_counts_links_as_23_and_wide_characters_as_two(x_api):
    from crossposting.testing.fakes import x_weighted_length

    assert x_weighted_length("a" * 10 + " https://example.com/ " + "x" * 200) == 10 + 23 + 2 + 200
    assert x_weighted_length("日本語😀") == 8
    with pytest.raises(PermanentError, match="too long"):
        client(Network.X).publish(outgoing(text="成" * 141))
    client(Network.X).publish(outgoing(text="成" * 140))


def test_x_duplicate_content_is_told_apart_as_evidence(x_api):
    from crossposting.clients.base import DuplicateContent

    client(Network.X).publish(marked())

    with pytest.raises(DuplicateContent):
        client(Network.X).publish(marked())
