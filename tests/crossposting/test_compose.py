"""Texts, counts and photos as each network measures and accepts them."""

import pytest
from django.utils import translation
from PIL import Image as PILImage

from crossposting import compose
from crossposting.models import Network
from tests.factories import PhotoFactory

LINK = "http://testserver/kelompok/kim-sekar-jagad/kerja-bakti/"


def test_x_counts_every_link_as_23_and_wide_characters_as_two():
    assert compose.x_length(f"Kerja bakti {LINK}") == len("Kerja bakti ") + 23
    assert compose.x_length("Banjir 🌧") == len("Banjir ") + 2
    assert compose.x_length("é") == 1  # NFC: one character, however it was typed


def test_telegram_counts_utf16_units_as_the_bot_api_does():
    assert compose.utf16_length("Banjir 🌧") == len("Banjir ") + 2


@pytest.mark.parametrize(
    ("network", "text", "limit"),
    [
        (Network.X, "a" * 258 + " " + LINK, 280),
        (Network.INSTAGRAM, "a" * 2201, 2200),
        (Network.TELEGRAM, "a" * 4097, 4096),
    ],
)
def test_texts_over_a_networks_limit_are_refused_with_the_count(network, text, limit):
    with translation.override("en"):
        problems = compose.problems(network, text + " " + LINK, link=LINK, has_image=True)

    assert any(f"of {limit}" in p for p in problems)


def test_a_telegram_text_too_long_for_a_caption_is_allowed_as_a_message():
    text = "a" * 2000 + " " + LINK

    assert compose.problems(Network.TELEGRAM, text, link=LINK, has_image=True) == []
    over = [c.over for c in compose.counts(Network.TELEGRAM, text, has_image=True)]
    assert over == [False, True]


def test_every_text_must_keep_the_link_to_the_post():
    problems = compose.problems(Network.X, "Kerja bakti", link=LINK, has_image=False)

    assert any(LINK in p for p in problems)


@pytest.mark.django_db
def test_default_texts_hold_title_link_and_hashtags_within_each_limit(people):
    post = people.draft(title="Kerja bakti " * 20, tags=["kerja bakti", "Sengon"])
    link = compose.post_link(post)

    for network in Network:
        text = compose.default_text(network, post, link=link)
        assert link in text
        assert not [
            c
            for c in compose.counts(network, text, has_image=True)
            if c.over and c.limit != compose.TELEGRAM_CAPTION_LIMIT
        ]
    assert "#KerjaBakti #Sengon" in compose.default_text(Network.INSTAGRAM, post, link=link)
    whatsapp = compose.default_text(Network.WHATSAPP_GROUP, post, link=link)
    assert whatsapp.startswith(f"*{post.title.strip()}*") and post.summary in whatsapp


@pytest.mark.django_db
@pytest.mark.parametrize("size", [(3000, 1000), (1200, 628), (600, 1200), (800, 800)])
def test_the_photo_networks_fetch_is_a_jpeg_within_instagrams_aspect_ratios(people, size):
    width, height = size
    post = people.draft(photo=False)
    post.hero_image = PhotoFactory(file__width=width, file__height=height, file__format="PNG")
    post.save()

    image = compose.post_image(post)

    assert image.url.startswith("http://testserver/")
    with image.open() as data, PILImage.open(data) as photo:
        assert photo.format == "JPEG"
        assert compose.MIN_RATIO <= photo.width / photo.height <= compose.MAX_RATIO
