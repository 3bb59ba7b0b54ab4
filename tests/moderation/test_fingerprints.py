"""Published posts' fingerprints: kept with publication, compared through the database."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.actions.unpublish_page import UnpublishPageAction

from moderation.checks import FlagCode, ReferenceSet, post_input_from_text, run_checks
from moderation.checks.duplicate import CORPUS_SIZE_FEATURE
from moderation.fingerprints import DatabaseDuplicates, fingerprints_backfill
from moderation.models import FeatureFrequency, FingerprintFeature, PublishedFingerprint
from moderation.services import precheck_revision
from tests.factories import PostPageFactory, rich_text_body

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent.parent / "data"


def lines(name):
    with open(DATA / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def publish(title, body, **kwargs):
    post = PostPageFactory(title=title, body=rich_text_body(body), draft=True, **kwargs)
    post.save_revision().publish()
    post.refresh_from_db()
    return post


def corpus_size():
    row = FeatureFrequency.objects.filter(feature=CORPUS_SIZE_FEATURE).first()
    return row.posts if row else 0


def duplicate_of(title, body):
    post = post_input_from_text(title, body)
    flags = run_checks(post, reference=ReferenceSet.from_database(), codes={FlagCode.DUPLICATE})
    return flags[0].related["post"] if flags else None


DEV = lines("reposts_dev.jsonl")
PUBLISHED = {line["id"]: line for line in DEV if line["kind"] == "published"}
GROUPS = ("posyandu-melati", "jalan-sengon")


@pytest.fixture
def published():
    """Two published posts from the development set, published the way editors do."""
    return {
        key: publish(line["title"], line["body"]).pk
        for key, line in PUBLISHED.items()
        if key.split("/")[0] in GROUPS
    }


def test_publishing_stores_the_fingerprint_and_unpublishing_removes_it():
    post = publish(PUBLISHED["banjir-bengawan/published"]["title"], "Warga mengungsi.")
    assert PublishedFingerprint.objects.filter(post=post).exists()
    assert FingerprintFeature.objects.filter(fingerprint_id=post.pk).exists()
    assert corpus_size() == 1
    post.unpublish()
    assert not PublishedFingerprint.objects.filter(post=post).exists()
    assert not FingerprintFeature.objects.filter(fingerprint_id=post.pk).exists()
    assert corpus_size() == 0


def test_publishing_again_replaces_the_fingerprint():
    line = PUBLISHED["umkm-batik/published"]
    post = publish("Pelatihan batik", "Perajin batik berlatih di pendapa.")
    assert duplicate_of(line["title"], line["body"]) is None
    post.body = rich_text_body(line["body"])
    post.save_revision().publish()
    assert duplicate_of(line["title"], line["body"]) == post.pk
    assert PublishedFingerprint.objects.count() == 1 and corpus_size() == 1


def test_deleting_a_post_or_its_group_removes_the_fingerprint():
    first = publish("Kabar satu", PUBLISHED["lansia/published"]["body"])
    second = publish("Kabar dua", PUBLISHED["pasar-murah/published"]["body"])
    first.delete()
    assert list(PublishedFingerprint.objects.values_list("post_id", flat=True)) == [second.pk]
    second.get_parent().delete()
    assert not PublishedFingerprint.objects.exists() and corpus_size() == 0


def test_unpublishing_a_group_with_its_posts_removes_their_fingerprints(admin_user):
    post = publish("Kabar", PUBLISHED["lansia/published"]["body"])
    UnpublishPageAction(post.get_parent(), user=admin_user, include_descendants=True).execute()
    assert not PublishedFingerprint.objects.exists()


def test_a_post_of_a_deactivated_group_is_not_a_candidate():
    line = PUBLISHED["hut-desa/published"]
    post = publish(line["title"], line["body"])
    assert duplicate_of(line["title"], line["body"]) == post.pk
    group = post.get_parent()
    group.live = False
    group.save(update_fields=["live"])
    assert duplicate_of(line["title"], line["body"]) is None


def test_a_scheduled_publication_stores_nothing_until_it_goes_live():
    from datetime import timedelta

    from django.utils import timezone

    post = PostPageFactory(title="Jadwal", body=rich_text_body("Posyandu buka."), draft=True)
    post.go_live_at = timezone.now() + timedelta(days=1)
    post.save_revision().publish()
    assert not PublishedFingerprint.objects.exists()


@pytest.mark.parametrize("group", GROUPS)
def test_reworded_reposts_are_flagged_and_same_topic_posts_are_clean(published, group):
    posts = [line for line in DEV if line["kind"] == "post" and line["id"].startswith(group)]
    assert posts
    for line in posts:
        found = duplicate_of(line["title"], line["body"])
        expected = published[line["duplicate_of"]] if line["duplicate_of"] else None
        assert found == expected, line["id"]


def test_backfill_fingerprints_live_posts_made_without_publishing():
    line = PUBLISHED["bansos-beras/published"]
    post = PostPageFactory(title=line["title"], body=rich_text_body(line["body"]))
    PostPageFactory(title="Draf", body=rich_text_body(line["body"]), draft=True)
    assert duplicate_of(line["title"], line["body"]) is None
    assert fingerprints_backfill() == (1, 0)
    assert duplicate_of(line["title"], line["body"]) == post.pk
    assert corpus_size() == 1
    assert fingerprints_backfill(rebuild=True) == (1, 0)
    assert corpus_size() == 1


def _posts(count, start=0):
    """Published posts on the same topic, each with its own village, date and figures."""
    for n in range(start, start + count):
        PostPageFactory(
            title=f"Perbaikan jalan Dusun Krajan{n}",
            body=rich_text_body(
                f"Pemerintah Desa Sengon{n} memperbaiki jalan Dusun Krajan{n} sepanjang "
                f"{100 + n} meter mulai {1 + n % 28} Mei 2024 dengan dana Rp {n + 7}.000.000. "
                "Warga diminta bersabar dan ikut mengawasi mutu pekerjaan pengaspalan."
            ),
        )
    fingerprints_backfill()


def _check_queries(text):
    with CaptureQueriesContext(connection) as queries:
        DatabaseDuplicates().most_similar(text)
    return [query["sql"] for query in queries.captured_queries]


def test_the_number_of_queries_does_not_grow_with_the_published_posts():
    text = "Jalan Dusun Krajan3 Desa Sengon3 diperbaiki 103 meter mulai 4 Mei 2024."
    _posts(4)
    few = _check_queries(text)
    _posts(40, start=4)
    many = _check_queries(text)
    assert len(few) == len(many) <= 4


def test_the_check_reads_a_bounded_set_of_published_posts():
    """No request path builds an index of all published posts: every read is bounded."""
    _posts(30)
    text = "Jalan Dusun Krajan3 Desa Sengon3 diperbaiki 103 meter mulai 4 Mei 2024."
    for sql in _check_queries(text):
        if 'FROM "wagtailcore_pageviewrestriction"' in sql:
            continue  # the site's view restrictions, read whole by Wagtail's public()
        assert " WHERE " in sql, sql
        if "moderation_fingerprintfeature" in sql:
            assert " LIMIT 20" in sql, sql
        if 'FROM "moderation_publishedfingerprint"' in sql:
            assert '"moderation_publishedfingerprint"."post_id" IN (' in sql, sql


def test_submitting_reads_no_more_rows_with_more_published_posts(monkeypatch):
    """The whole pre-check of a revision: never a scan of fingerprints or posts."""
    from moderation import fingerprints

    _posts(30)
    post = PostPageFactory(title="Perbaikan jalan", body=rich_text_body("Jalan Krajan3 Sengon3."))
    built = []
    monkeypatch.setattr(fingerprints, "fingerprints_store_many", built.append)
    with CaptureQueriesContext(connection) as queries:
        precheck_revision(post.save_revision())
    assert not built
    for query in queries.captured_queries:
        sql = query["sql"]
        if "fingerprint" in sql or 'FROM "kim_postpage"' in sql:
            assert " WHERE " in sql, sql
