"""Site search: words in a post's body and its tags, paginated, with Indonesian stemming on
PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from pytest_django.asserts import assertContains, assertTemplateUsed

from tests.factories import GroupPageFactory, PostPageFactory, rich_text_body

pytestmark = pytest.mark.django_db


def found(response):
    return [post.title for post in response.context["results"]]


@pytest.fixture
def group():
    return GroupPageFactory(title="KIM Sengon", slug="kim-sengon")


def test_search_finds_a_word_in_the_body(client, group):
    post = PostPageFactory(
        parent=group,
        title="Kerja bakti di dukuh",
        slug="kerja-bakti",
        body=rich_text_body("Warga menanam bibit mangrove di tepi embung desa."),
    )
    PostPageFactory(parent=group, title="Jadwal posyandu", slug="posyandu")

    response = client.get("/cari/", {"q": "mangrove"})

    assert response.status_code == 200
    assertTemplateUsed(response, "home/search.html")
    assert found(response) == ["Kerja bakti di dukuh"]
    assertContains(response, f'href="{post.url}"')


def test_search_finds_a_post_by_its_tag(client, group):
    PostPageFactory(
        parent=group, title="Jalan desa rusak", slug="jalan-rusak", tags=["infrastruktur"]
    )
    PostPageFactory(parent=group, title="Jadwal posyandu", slug="posyandu", tags=["kesehatan"])

    response = client.get("/cari/", {"q": "infrastruktur"})

    assert found(response) == ["Jalan desa rusak"]


def test_search_without_words_shows_only_the_form(client, group):
    PostPageFactory(parent=group)

    response = client.get("/cari/", {"q": "   "})

    assert response.status_code == 200
    assert response.context["results"] is None
    assertContains(response, 'name="q"')


def test_search_results_are_paginated(client, settings, group):
    settings.PORTAL_POSTS_PER_PAGE = 2
    now = timezone.now()
    for n in range(5):
        PostPageFactory(
            parent=group,
            title=f"Pengumuman lomba {n}",
            slug=f"lomba-{n}",
            first_published_at=now - timedelta(hours=n),
        )

    first = client.get("/cari/", {"q": "lomba"})
    second = client.get("/cari/", {"q": "lomba", "page": 2})
    last = client.get("/cari/", {"q": "lomba", "page": 3})

    assert first.context["results"].paginator.count == 5
    pages = [found(first), found(second), found(last)]
    assert [len(titles) for titles in pages] == [2, 2, 1]
    assert len({title for titles in pages for title in titles}) == 5
    assertContains(first, 'href="?q=lomba&amp;page=2"')
    assertContains(second, 'href="?q=lomba&amp;page=1"')


def test_search_query_is_cut_to_a_sane_length(client, group):
    response = client.get("/cari/", {"q": "banjir " * 100})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 100


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's full-text search has no Indonesian stemmer",
)
def test_search_matches_indonesian_word_forms_on_postgresql(client, group):
    # PostgreSQL's indonesian snowball stemmer reduces pembangunan, membangun, dibangun and
    # bangunan to "bangun"; perbaikan and diperbaiki to "baik".
    PostPageFactory(
        parent=group,
        title="Jembatan bambu",
        slug="jembatan-bambu",
        summary="Kabar gotong royong dari dukuh kami.",
        body=rich_text_body("Warga membangun jembatan bambu dan memperbaiki talud."),
    )

    assert found(client.get("/cari/", {"q": "pembangunan"})) == ["Jembatan bambu"]
    assert found(client.get("/cari/", {"q": "perbaikan"})) == ["Jembatan bambu"]
    assert found(client.get("/cari/", {"q": "pemandian"})) == []
