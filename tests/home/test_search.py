"""Site search: words in a post's body and its tags, paginated, with Indonesian stemming on
PostgreSQL."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertTemplateUsed
from wagtail.search.models import IndexEntry

from home.models import PostSearch
from home.search import RankedPosts, SearchPaginator
from kim.models import PostPage
from tests.factories import (
    GroupPageFactory,
    PostPageFactory,
    bulk_posts,
    restrict,
    rich_text_body,
)

pytestmark = pytest.mark.django_db


def found(response):
    return [post.title for post in response.context["results"]]


def index_entries(page):
    return IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(page), object_id=str(page.pk)
    )


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


def test_search_shows_only_published_visible_posts_best_match_first(client, settings, group):
    settings.PORTAL_POSTS_PER_PAGE = 3
    other = GroupPageFactory(title="KIM Waru", slug="kim-waru")
    earlier = timezone.now() - timedelta(days=1)
    words = [
        ("Kabar dukuh", "Kader posyandu berlatih.", "Pelatihan kader di balai desa."),
        ("Kerja bakti", "Saluran air dibersihkan.", "Sesudahnya posyandu dibuka."),
        ("Kabar pagi", "Ringkasan singkat.", "Posyandu."),
        ("Kabar sore", "Ringkasan singkat.", "Posyandu."),
        ("Posyandu balita", "Jadwal posyandu bulan ini.", "Posyandu buka pukul delapan."),
        ("Kabar malam", "Ringkasan singkat.", "Posyandu."),
    ]
    shown = []
    for n, (title, summary, body) in enumerate(words):
        shown.append(
            PostPageFactory(
                parent=group if n % 2 else other,
                title=title,
                slug=f"kabar-{n}",
                summary=summary,
                body=rich_text_body(body),
                first_published_at=earlier,
            )
        )
    PostPageFactory(parent=group, title="Jadwal kerja bakti", slug="tanpa-kata")

    def hidden_post(title, parent=group, **kwargs):
        return PostPageFactory(
            parent=parent,
            title=title,
            slug=title.lower().replace(" ", "-"),
            body=rich_text_body("Posyandu posyandu posyandu."),
            **kwargs,
        )

    hidden = [hidden_post("Posyandu draf", draft=True)]
    hidden.append(hidden_post("Posyandu ditarik"))
    hidden[-1].unpublish()
    hidden.append(hidden_post("Posyandu bersandi"))
    restrict(hidden[-1])
    closed = GroupPageFactory(title="KIM Dibekukan", slug="kim-dibekukan")
    hidden.append(hidden_post("Posyandu grup dibekukan", parent=closed))
    closed.unpublish()
    sandbox = GroupPageFactory(title="KIM Latihan", slug="kim-latihan", is_training=True)
    hidden.append(hidden_post("Posyandu latihan", parent=sandbox))

    pages = [client.get("/cari/", {"q": "posyandu", "page": n}) for n in (1, 2)]

    results = [post.pk for page in pages for post in page.context["results"]]
    assert sorted(results) == sorted(post.pk for post in shown)
    # The word in the title, summary and body: the best match, first.
    assert results[0] == shown[4].pk
    assert pages[0].context["results"].paginator.count == len(shown)
    assertContains(pages[0], "6 hasil untuk “posyandu”")
    text = "".join(page.content.decode() for page in pages)
    assert not [post.title for post in hidden if post.title in text]


def test_search_follows_publishing_editing_and_withdrawing(client, group):
    post = PostPageFactory(parent=group, title="Jadwal vaksinasi", slug="vaksinasi", draft=True)
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == []

    post.save_revision().publish()
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == ["Jadwal vaksinasi"]

    post.refresh_from_db()  # publishing saved the revision's copy
    post.title = "Jadwal imunisasi"
    post.summary = "Bawa buku kesehatan anak."
    post.tags.add("balita")
    post.save_revision().publish()
    assert found(client.get("/cari/", {"q": "imunisasi"})) == ["Jadwal imunisasi"]
    if connection.vendor == "postgresql":
        # Wagtail's own index (SQLite's search) reads the tags before publishing saves them.
        assert found(client.get("/cari/", {"q": "balita"})) == ["Jadwal imunisasi"]
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == []

    post.refresh_from_db()
    # A draft's words are not the live post's.
    post.title = "Jadwal pemeriksaan mata"
    post.save_revision()
    assert found(client.get("/cari/", {"q": "pemeriksaan mata"})) == []

    post.unpublish()
    assert found(client.get("/cari/", {"q": "imunisasi"})) == []
    assert not PostSearch.objects.filter(post_id=post.pk).exists()

    post.get_latest_revision().publish()
    assert found(client.get("/cari/", {"q": "pemeriksaan mata"})) == ["Jadwal pemeriksaan mata"]
    post.delete()
    assert found(client.get("/cari/", {"q": "pemeriksaan"})) == []
    assert not index_entries(post).exists()


def test_search_of_a_common_word_says_more_than_it_shows_and_pages_through_those(
    client, settings, monkeypatch, group
):
    settings.PORTAL_POSTS_PER_PAGE = 2
    monkeypatch.setattr(SearchPaginator, "shown", 4)
    for n in range(6):
        PostPageFactory(parent=group, title=f"Lomba desa {n}", slug=f"lomba-{n}")
    PostPageFactory(parent=group, title="Lomba kampung", slug="lomba-kampung")

    first = client.get("/cari/", {"q": "lomba"})
    last = client.get("/cari/", {"q": "lomba", "page": 2})
    beyond = client.get("/cari/", {"q": "lomba", "page": 9})
    few = client.get("/cari/", {"q": "kampung"})

    assertContains(first, "Lebih dari 4 tulisan cocok dengan “lomba”")
    assertContains(first, "Halaman 1 dari 2")
    assert len(found(last)) == 2
    assertContains(last, "Halaman 2 dari 2")
    assert 'rel="next"' not in last.content.decode()
    assert found(beyond) == found(last)
    assertContains(few, "1 hasil untuk “kampung”")
    assert "Lebih dari" not in few.content.decode()


def test_the_match_counted_past_those_shown_is_not_shown(client, settings, monkeypatch, group):
    settings.PORTAL_POSTS_PER_PAGE = 3
    monkeypatch.setattr(SearchPaginator, "shown", 4)
    for n in range(5):
        PostPageFactory(parent=group, title=f"Lomba desa {n}", slug=f"lomba-{n}")

    first = client.get("/cari/", {"q": "lomba"})
    last = client.get("/cari/", {"q": "lomba", "page": 2})

    assertContains(first, "Lebih dari 4 tulisan cocok dengan “lomba”")
    assert len(found(first)) == 3
    assert len(found(last)) == 1
    assert len(set(found(first) + found(last))) == 4


def test_search_writes_thousands_as_indonesian_numbers(client, monkeypatch, group):
    monkeypatch.setattr(SearchPaginator, "more_than_shown", True)
    PostPageFactory(parent=group, title="Banjir di Sengon", slug="banjir")

    response = client.get("/cari/", {"q": "banjir"})

    assertContains(response, "Lebih dari 1.000 tulisan cocok dengan “banjir”")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's search is Wagtail's")
def test_index_posts_writes_the_vectors_of_posts_made_without_signals(client, group):
    posts = bulk_posts(group, 3)
    assert found(client.get("/cari/", {"q": "membangun"})) == []

    output = StringIO()
    call_command("index_posts", stdout=output)

    assert "Indexed 3 posts" in output.getvalue()
    assert sorted(found(client.get("/cari/", {"q": "membangun"}))) == sorted(
        post.title for post in posts
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's search is Wagtail's")
def test_search_ranks_no_more_than_one_past_what_it_shows(client, group):
    PostPageFactory(parent=group, title="Jadwal posyandu", slug="posyandu")

    with CaptureQueriesContext(connection) as queries:
        assert found(client.get("/cari/", {"q": "posyandu"})) == ["Jadwal posyandu"]

    searches = [query["sql"] for query in queries if "posyandu" in query["sql"]]
    # One statement ranks the newest 1,001 matches, which the database function finds (it
    # alone tests vectors); the page's cards are then fetched by key, without the words.
    assert len(searches) == 1
    newest = "home_newest_matches(plainto_tsquery('indonesian'::regconfig, 'posyandu'), 1001)"
    assert newest in searches[0]
    assert "ts_rank" in searches[0]
    assert "@@" not in searches[0]


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "'\"<>;--",
        '"',
        "banjir\x00",
        "a" * 10_000,
        "OR",
        "AND NOT",
        "*",
        ":*",
        "(|!&)",
        "\\",
    ],
)
def test_unusable_search_input_answers_with_a_page_not_an_error(client, group, query):
    """Query syntax and control characters are not words: they match nothing, fail nothing."""
    PostPageFactory(parent=group, title="Banjir di Sengon", slug="banjir")

    response = client.get("/cari/", {"q": query})

    assert response.status_code == 200
    results = response.context["results"]
    assert results is None or found(response) in ([], ["Banjir di Sengon"])


def test_punctuation_around_words_still_finds_them(client, group):
    PostPageFactory(parent=group, title="Banjir di Sengon", slug="banjir")

    response = client.get("/cari/", {"q": '"banjir"; --'})

    assert found(response) == ["Banjir di Sengon"]
    assert response.context["query"] == "banjir"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's search is Wagtail's")
def test_hidden_posts_among_the_newest_matches_do_not_shrink_the_count(
    client, settings, monkeypatch, group
):
    """Matches the public may not see are newer than every shown one: still "more than"."""
    monkeypatch.setattr("home.search.MATCHES_SHOWN", 3)
    monkeypatch.setattr(SearchPaginator, "shown", 3)
    settings.PORTAL_POSTS_PER_PAGE = 10
    earlier = timezone.now() - timedelta(days=2)
    for n in range(4):
        PostPageFactory(
            parent=group, title=f"Lomba desa {n}", slug=f"lomba-{n}", first_published_at=earlier
        )
    for n in range(2):
        restrict(PostPageFactory(parent=group, title=f"Lomba rahasia {n}", slug=f"rahasia-{n}"))
    closed = GroupPageFactory(title="KIM Dibekukan", slug="kim-dibekukan")
    PostPageFactory(parent=closed, title="Lomba grup dibekukan", slug="lomba-dibekukan")
    closed.unpublish()

    response = client.get("/cari/", {"q": "lomba"})

    assertContains(response, "Lebih dari 3 tulisan cocok dengan “lomba”")
    # The best 3 of the 4 visible matches; the 4th only says "more than".
    assert len(found(response)) == 3
    assert set(found(response)) < {f"Lomba desa {n}" for n in range(4)}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's search is Wagtail's")
def test_a_workshop_sandbox_post_is_never_indexed(group):
    sandbox = GroupPageFactory(title="KIM Latihan", slug="kim-latihan", is_training=True)
    practice = PostPageFactory(parent=sandbox, title="Latihan menulis", slug="latihan")
    public = PostPageFactory(parent=group, title="Kabar desa", slug="kabar")

    call_command("index_posts", stdout=StringIO())

    assert list(PostSearch.objects.values_list("post_id", flat=True)) == [public.pk]
    assert practice.live


def test_a_page_of_results_leaves_out_a_post_withdrawn_after_the_search(group):
    kept = PostPageFactory(parent=group, title="Kabar desa", slug="kabar")
    withdrawn = PostPageFactory(parent=group, title="Kabar lama", slug="kabar-lama")
    results = RankedPosts(PostPage.objects.published(), [withdrawn.pk, kept.pk])

    withdrawn.unpublish()

    assert len(results) == 2  # counted when the search ran
    assert results[0:2] == [kept]
