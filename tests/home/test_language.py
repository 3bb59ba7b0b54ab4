"""Bahasa Indonesia at /, English at /en/, a switch between the two on every page, and a menu
and footer in the language being read."""

import re

import pytest

from tests.factories import GroupPageFactory, PostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon")
    return PostPageFactory(parent=group, title="Kerja bakti", slug="kerja-bakti")


def html_lang(response):
    return re.search(r'<html[^>]*\blang="([^"]+)"', response.content.decode()).group(1)


def switch_links(response):
    """The language switch: {language code: address}."""
    html = response.content.decode()
    nav = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', nav)
    return {code: href for href, code in links}


ADDRESSES = [
    "/",
    "/kelompok/",
    "/kelompok/kim-sengon/",
    "/kelompok/kim-sengon/kerja-bakti/",
    "/cari/?q=kerja",
    "/tag/kerja/",
    "/wilayah/33.10/",
]


@pytest.mark.parametrize("address", ADDRESSES[:5])
def test_pages_are_in_indonesian_by_default_and_in_english_under_en(client, post, address):
    indonesian = client.get(address)
    english = client.get(f"/en{address}")

    assert indonesian.status_code == english.status_code == 200
    assert html_lang(indonesian) == "id"
    assert html_lang(english) == "en"
    assert ">Beranda<" in indonesian.content.decode()
    assert ">Home<" in english.content.decode()


@pytest.mark.parametrize("address", ADDRESSES[:5])
def test_language_switch_points_to_the_same_page(client, post, address):
    assert switch_links(client.get(address)) == {"id": address, "en": f"/en{address}"}
    assert switch_links(client.get(f"/en{address}")) == {"id": address, "en": f"/en{address}"}


def test_english_pages_link_to_english_pages(client, post):
    response = client.get("/en/")

    assert 'href="/en/kelompok/kim-sengon/kerja-bakti/"' in response.content.decode()


def test_browser_language_does_not_override_the_address(client, post):
    response = client.get("/", headers={"accept-language": "en"})
    assert html_lang(response) == "id"


def test_the_menu_links_to_pages_in_the_language_being_read(client, post):
    english = client.get("/en/").content.decode()
    indonesian = client.get("/").content.decode()

    assert '<a href="/en/kelompok/">Groups</a>' in english
    assert '<a href="/en/cari/">Search</a>' in english
    assert '<a href="/kelompok/">Kelompok</a>' in indonesian
    assert '<a href="/cari/">Cari</a>' in indonesian


# The menu and footer are kept once per language and menu item (home/templatetags/site_frame.py).


def marked(response):
    """{menu label: its aria-current}, for the menu items that carry one."""
    html = response.content.decode()
    menu = re.search(r'<header class="site-header">.*?<nav class="lang-switch"', html, re.S)
    return {
        label.strip(): current
        for current, label in re.findall(
            r'<a [^>]*aria-current="([^"]+)"[^>]*>\s*(?:<svg.*?</svg>)?([^<]*)</a>',
            menu.group(0),
            re.S,
        )
    }


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("/", {"Portal KIM": "page", "Beranda": "page"}),
        ("/kelompok/", {"Kelompok": "page"}),
        ("/kelompok/kim-sengon/", {"Kelompok": "true"}),
        ("/kelompok/kim-sengon/kerja-bakti/", {"Kelompok": "true"}),
        ("/cari/", {"Cari": "page"}),
        ("/tag/kerja/", {}),
        ("/en/", {"Portal KIM": "page", "Home": "page"}),
        ("/en/kelompok/kim-sengon/kerja-bakti/", {"Groups": "true"}),
        ("/en/cari/", {"Search": "page"}),
    ],
)
def test_the_menu_marks_where_the_reader_is(client, post, address, expected):
    # Every address twice: the second menu comes from what the first one kept.
    for _ in range(2):
        assert marked(client.get(address)) == expected


def test_the_footer_is_in_the_language_being_read(client, post):
    assert "Sign in for members" in client.get("/en/").content.decode()
    assert "Masuk untuk anggota" in client.get("/").content.decode()
    assert "Sign in for members" in client.get("/en/kelompok/").content.decode()
