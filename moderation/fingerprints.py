"""Published posts' fingerprints in the database: kept on publication, asked by the check.

A submission is compared with published posts through three bounded queries: the rarity of
its own features, the few posts that share most of its rarest features (an indexed lookup
with a LIMIT), and those posts' fingerprints. Nothing is held per process, so memory does not
grow with the number of published posts and a publication costs other processes nothing.

The writes live here rather than in services.py because the signal handlers, the backfill
command and the benchmark share them.
"""

import json
from collections import Counter, OrderedDict

from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone

from .checks.duplicate import (
    CANDIDATES,
    CORPUS_SIZE_FEATURE,
    DEFAULT_THRESHOLD,
    Fingerprint,
    PublishedPost,
    best_match,
    fingerprint,
    post_text,
)
from .models import FeatureFrequency, FingerprintFeature, PublishedFingerprint

BATCH = 1000


def page_text(page):
    """Return the text a post page is fingerprinted by: what the check reads of a submission."""
    from .checks import post_input_from_page

    post = post_input_from_page(page)
    return post_text(post.title, post.summary, post.body_text)


def frequencies(features):
    """Return {feature: number of posts} for the features, and the number of posts."""
    found = dict(
        FeatureFrequency.objects.filter(
            feature__in=[CORPUS_SIZE_FEATURE, *sorted(features)]
        ).values_list("feature", "posts")
    )
    return found, found.pop(CORPUS_SIZE_FEATURE, 0)


def _count(features, delta):
    """Add delta to each feature's count of posts, and to the corpus size."""
    features = sorted({CORPUS_SIZE_FEATURE, *features})
    existing = set(
        FeatureFrequency.objects.filter(feature__in=features).values_list("feature", flat=True)
    )
    FeatureFrequency.objects.filter(feature__in=existing).update(posts=F("posts") + delta)
    if delta > 0:
        FeatureFrequency.objects.bulk_create(
            [FeatureFrequency(feature=f, posts=delta) for f in features if f not in existing],
            ignore_conflicts=True,
            batch_size=BATCH,
        )


def _rows(post_id, print_, frequency, corpus_size):
    record = PublishedFingerprint(post_id=post_id, features=print_.as_data())
    lookup = [
        FingerprintFeature(fingerprint_id=post_id, feature=feature)
        for feature in sorted(print_.indexed(frequency, corpus_size))
    ]
    return record, lookup


def fingerprint_store(*, post):
    """Keep the fingerprint of a post as it is now published, replacing an older one."""
    return fingerprint_store_text(post_id=post.pk, text=page_text(post))


@transaction.atomic
def fingerprint_store_text(*, post_id, text):
    """Keep the fingerprint of a post's text (``fingerprint_store`` reads it from the page)."""
    PublishedFingerprint.objects.filter(post_id=post_id).delete()
    print_, _grams = fingerprint(text)
    frequency, corpus_size = frequencies(print_.vocabulary)
    record, lookup = _rows(post_id, print_, frequency, corpus_size)
    record.save()
    FingerprintFeature.objects.bulk_create(lookup, batch_size=BATCH)
    _count(print_.vocabulary, +1)
    return record


def fingerprint_remove(*, post):
    """Forget a post's fingerprint (its features' counts follow in ``fingerprint_deleted``)."""
    PublishedFingerprint.objects.filter(post_id=post.pk).delete()


_COUNTED_OUT = OrderedDict()


def fingerprint_deleted(sender, instance, using=None, **kwargs):
    """Count a deleted fingerprint's features out, whichever way it was deleted.

    Deleting a page deletes its fingerprint through the foreign key, and Wagtail's delete of
    a page reaches the row twice (as the page and as its specific post), sending the signal
    each time: the same stored fingerprint is counted out once.
    """
    key = (using, instance.pk, instance.updated_at)
    if key in _COUNTED_OUT:
        return
    _COUNTED_OUT[key] = True
    while len(_COUNTED_OUT) > 1000:
        _COUNTED_OUT.popitem(last=False)
    _count(Fingerprint.from_data(instance.features).vocabulary, -1)


def fingerprints_store_many(items, *, log=None):
    """Store fingerprints for many posts at once: (post id, ``Fingerprint``) pairs, twice.

    ``items`` is a function returning a fresh iterator, read once to count every feature and
    once to store each post with its rarest features, as ``fingerprint_store`` would after
    the counts of the whole corpus. Used by the backfill and by the benchmark; on PostgreSQL
    the rows are written with COPY (a hundred thousand posts are millions of rows).
    """
    counts = Counter()
    posts = 0
    for _post_id, print_ in items():
        counts.update(print_.vocabulary)
        posts += 1
    existing = dict(FeatureFrequency.objects.values_list("feature", "posts"))
    corpus_size = existing.pop(CORPUS_SIZE_FEATURE, 0) + posts
    for feature, count in existing.items():
        counts[feature] += count
    FeatureFrequency.objects.all().delete()
    counts[CORPUS_SIZE_FEATURE] = corpus_size
    _write(FeatureFrequency, ("feature", "posts"), counts.items())
    del counts[CORPUS_SIZE_FEATURE]
    stored, now = 0, timezone.now()
    records, lookup = [], []

    def flush():
        _write(PublishedFingerprint, ("post_id", "features", "updated_at"), records)
        _write(FingerprintFeature, ("fingerprint_id", "feature"), lookup)
        records.clear()
        lookup.clear()

    for post_id, print_ in items():
        records.append((post_id, json.dumps(print_.as_data()), now))
        lookup.extend((post_id, f) for f in sorted(print_.indexed(counts, corpus_size)))
        stored += 1
        if len(records) >= 5 * BATCH:
            flush()
            if log and stored % (20 * BATCH) == 0:
                log(f"  fingerprints: {stored}")
    flush()
    return stored


def _write(model, columns, values):
    """Insert rows of plain values: COPY on PostgreSQL, bulk inserts elsewhere."""
    if connection.vendor == "postgresql":
        names = ", ".join(columns)
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY {model._meta.db_table} ({names}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        return
    batch = []
    for row in values:
        fields = dict(zip(columns, row, strict=True))
        if "features" in fields:
            fields["features"] = json.loads(fields["features"])
        batch.append(model(**fields))
        if len(batch) >= BATCH:
            model.objects.bulk_create(batch)
            batch.clear()
    model.objects.bulk_create(batch)


@transaction.atomic
def fingerprints_backfill(*, rebuild=False, log=None):
    """Fingerprint every live post that has none (all of them with rebuild); drop stale ones.

    Returns (stored, removed).
    """
    from kim.models import PostPage

    if rebuild:
        # In SQL: deleting fingerprints one by one would count each one's features out.
        with connection.cursor() as cursor:
            for model in (FingerprintFeature, PublishedFingerprint, FeatureFrequency):
                cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608
    stale = PublishedFingerprint.objects.exclude(post__in=PostPage.objects.live())
    removed = 0
    for record in stale.iterator(chunk_size=BATCH):
        record.delete()
        removed += 1
    missing = list(
        PostPage.objects.live()
        .exclude(pk__in=PublishedFingerprint.objects.values("post_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )

    def items():
        for start in range(0, len(missing), 500):
            chunk = PostPage.objects.filter(pk__in=missing[start : start + 500]).order_by("pk")
            for post in chunk.prefetch_related("sources"):
                yield post.pk, fingerprint(page_text(post))[0]

    return fingerprints_store_many(items, log=log), removed


class DatabaseDuplicates:
    """Published posts as the database holds them, for ``ReferenceSet.from_database``."""

    def most_similar(self, text, threshold=DEFAULT_THRESHOLD, exclude=None):
        from kim.models import PostPage

        mine, grams = fingerprint(text)
        frequency, corpus_size = frequencies(mine.vocabulary)
        if not corpus_size:
            return None
        lookup = mine.lookup(frequency, corpus_size)
        if not lookup:
            return None
        shared = FingerprintFeature.objects.filter(feature__in=lookup)
        if exclude is not None:
            shared = shared.exclude(fingerprint_id=exclude)
        ids = [
            row["fingerprint"]
            for row in shared.values("fingerprint")
            .annotate(shared=Count("id"))
            .order_by("-shared", "fingerprint")[:CANDIDATES]
        ]
        if not ids:
            return None
        rows = PublishedFingerprint.objects.filter(
            pk__in=ids, post__in=PostPage.objects.published()
        ).values_list("post_id", "post__title", "post__url_path", "features")
        candidates = [
            (PublishedPost(pk, title, "", url), Fingerprint.from_data(features))
            for pk, title, url, features in rows
        ]
        return best_match(mine, grams, candidates, frequency, corpus_size, threshold, exclude)
