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

from kim.models import PostPage
from tests.factories import GroupPageFactory, PostPageFactory, restrict, rich_text_body

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


def test_site_search_shows_what_wagtails_own_backend_finds_in_the_same_order(
    client, settings, group
):
    """The site backend (home/search.py) joins the index differently, never to other effect."""
    settings.PORTAL_POSTS_PER_PAGE = 3
    other = GroupPageFactory(title="KIM Waru", slug="kim-waru")
    earlier = timezone.now() - timedelta(days=1)
    words = [
        # More or fewer matches in title, summary and body, so ranks differ...
        ("Posyandu balita", "Jadwal posyandu bulan ini.", "Posyandu buka pukul delapan."),
        ("Posyandu lansia", "Pemeriksaan gratis.", "Warga lansia datang ke posyandu."),
        ("Kabar dukuh", "Kader posyandu berlatih.", "Pelatihan kader di balai desa."),
        ("Kerja bakti", "Saluran air dibersihkan.", "Sesudahnya posyandu dibuka."),
        # ...and some that may tie, where the order falls back on the key.
        ("Kabar pagi", "Ringkasan singkat.", "Posyandu."),
        ("Kabar sore", "Ringkasan singkat.", "Posyandu."),
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

    wagtails = list(PostPage.objects.published().search("posyandu"))
    site = list(PostPage.objects.published().search("posyandu", backend="site"))
    pages = [client.get("/cari/", {"q": "posyandu", "page": n}) for n in (1, 2, 3)]

    assert site == wagtails
    assert {post.pk for post in site} == {post.pk for post in shown}
    assert [post.pk for page in pages for post in page.context["results"]] == [
        post.pk for post in wagtails
    ]
    assert pages[0].context["results"].paginator.count == len(shown)
    text = "".join(page.content.decode() for page in pages)
    assert not [post.title for post in hidden if post.title in text]


def test_site_search_finds_a_post_once_published_and_no_more_once_deleted(client, group):
    post = PostPageFactory(parent=group, title="Jadwal vaksinasi", slug="vaksinasi", draft=True)
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == []

    post.save_revision().publish()
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == ["Jadwal vaksinasi"]

    post.delete()
    assert found(client.get("/cari/", {"q": "vaksinasi"})) == []
    assert not index_entries(post).exists()


def test_update_index_rebuilds_the_index_once(group):
    """The site backend reads the default backend's entries: rebuilding it is not its job."""
    post = PostPageFactory(parent=group, title="Lomba kebersihan", slug="lomba")

    output = StringIO()
    call_command("update_index", stdout=output)

    assert "Backend 'site' doesn't require rebuilding" in output.getvalue()
    assert index_entries(post).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's backend is Wagtail's own")
def test_site_search_joins_posts_to_index_entries_by_an_integer_key(client, group):
    PostPageFactory(parent=group, title="Jadwal posyandu", slug="posyandu")

    with CaptureQueriesContext(connection) as queries:
        assert found(client.get("/cari/", {"q": "posyandu"})) == ["Jadwal posyandu"]

    searches = [query["sql"] for query in queries if "@@" in query["sql"]]
    assert len(searches) == 2  # the count and the page
    for sql in searches:
        assert '("wagtailsearch_indexentry"."object_id")::integer' in sql
        assert "::varchar" not in sql


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
