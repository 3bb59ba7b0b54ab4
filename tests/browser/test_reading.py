"""A resident reads the portal on a 360x740 phone: home > group directory > group > post."""

import re

import pytest
from playwright.sync_api import expect
from wagtail import blocks

from tests.factories import (
    CategoryFactory,
    GroupPageFactory,
    PhotoFactory,
    PostPageFactory,
    region_tree,
    rich_text_body,
)

pytestmark = [
    pytest.mark.browser,
    # The home page and group directory come from a data migration: keep them across flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Words and links that do not fit a phone's width unless the page lets them wrap.
LONG_WORD = "Penyelenggaraan" * 3
LONG_URL = "https://dinkes.klatenkab.go.id/pengumuman/jadwal-posyandu-balita-desa-sengon-tahun-2026"


@pytest.fixture
def story():
    _, _, _, sengon = region_tree()
    group = GroupPageFactory(
        title="KIM Sengon Mandiri",
        slug="kim-sengon-mandiri",
        region=sengon,
        logo=PhotoFactory(title="Logo KIM Sengon", file__width=256, file__height=256),
        address="Balai Desa Sengon, Prambanan, Klaten",
    )
    body = rich_text_body(f"Warga datang sejak pukul tujuh. Jadwal lengkap: {LONG_URL}")
    body.append(
        (
            "image",
            blocks.StructValue(
                None,
                [
                    ("image", PhotoFactory(file__width=1200, file__height=900)),
                    ("alt_text", "Bidan menimbang seorang balita di balai desa"),
                    ("caption", "Penimbangan di Posyandu Melati."),
                ],
            ),
        )
    )
    post = PostPageFactory(
        parent=group,
        title=f"Posyandu balita Desa Sengon buka setiap Selasa pagi {LONG_WORD}",
        summary=f"Bawa buku KIA. Informasi: {LONG_URL}",
        category=CategoryFactory(name="Kesehatan", slug="kesehatan"),
        hero_image=PhotoFactory(file__width=1600, file__height=900, file__color="green"),
        hero_alt="Ibu-ibu antre dengan balitanya di depan balai Desa Sengon",
        body=body,
    )
    post.sources.create(title="Dinas Kesehatan Kab. Klaten", url=LONG_URL, kind="official")
    return group, post


def assert_fits_and_describes_images(page):
    """No sideways scrolling, and every image is either described or marked decorative."""
    scroll_width, viewport_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= viewport_width, f"{page.url} scrolls sideways ({scroll_width}px)"
    images = page.evaluate(
        """Array.from(document.images, (img) => ({
            src: img.currentSrc || img.src,
            alt: img.getAttribute("alt"),
            role: img.getAttribute("role"),
            width: img.getAttribute("width"),
            height: img.getAttribute("height"),
        }))"""
    )
    for image in images:
        described = bool((image["alt"] or "").strip())
        decorative = image["alt"] == "" and image["role"] == "presentation"
        assert described or decorative, f"{page.url}: image without alt text {image}"
        assert image["width"] and image["height"], f"{page.url}: image may shift layout {image}"
    assert page.locator("h1").count() == 1, f"{page.url} should have exactly one h1"
    return images


def assert_switches_to_english(page):
    """The language switch keeps the reader on the same page, now in English."""
    heading = page.locator("h1").inner_text()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.locator(".lang-switch a[hreflang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert re.match(r"^/en/", page.evaluate("location.pathname")), page.url
    assert page.locator("h1").inner_text() == heading
    expect(page.locator(".lang-switch a[hreflang=en]")).to_have_attribute("aria-current", "true")
    assert_fits_and_describes_images(page)
    page.locator(".lang-switch a[hreflang=id]").click()
    expect(page.locator("html")).to_have_attribute("lang", "id")


def test_resident_reads_a_post_on_a_phone(live_server, page, story):
    group, post = story

    page.goto(live_server.url + "/")
    assert_fits_and_describes_images(page)
    expect(page.get_by_role("link", name=post.title)).to_be_visible()
    assert_switches_to_english(page)

    page.locator(".site-nav").get_by_role("link").nth(1).click()
    expect(page).to_have_url(re.compile(r"/kelompok/$"))
    images = assert_fits_and_describes_images(page)
    assert any(image["role"] == "presentation" for image in images), "group logo not shown"
    assert_switches_to_english(page)

    page.get_by_role("link", name=group.title).click()
    expect(page.locator("h1")).to_have_text(group.title)
    assert_fits_and_describes_images(page)
    assert_switches_to_english(page)

    page.get_by_role("link", name=post.title).click()
    expect(page.locator("h1")).to_have_text(post.title)
    images = assert_fits_and_describes_images(page)
    described = {image["alt"] for image in images}
    assert post.hero_alt in described
    assert "Bidan menimbang seorang balita di balai desa" in described
    hero = page.get_by_alt_text(post.hero_alt)
    expect(hero).to_be_visible()
    assert hero.evaluate("img => img.naturalWidth") > 0, "hero image did not load"
    expect(page.get_by_role("link", name="WhatsApp")).to_have_attribute("href", re.compile("wa.me"))
    assert_switches_to_english(page)
