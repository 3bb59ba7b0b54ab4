"""The menu and footer every public page shares, kept once per language and menu item."""

import re

import pytest

from tests.factories import GroupPageFactory, PostPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon")
    return PostPageFactory(parent=group, title="Kerja bakti", slug="kerja-bakti")


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
