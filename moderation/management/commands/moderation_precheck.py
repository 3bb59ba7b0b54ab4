"""Run the moderation pre-checks on a batch of posts from a JSON-lines file."""

import functools
import heapq
import itertools
import json
import os
import random
import statistics
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from moderation.checks import (
    ClaimSpec,
    PublishedPost,
    ReferenceSet,
    Rules,
    post_input_from_text,
    run_checks,
)
from moderation.checks.duplicate import CHAR_SKETCH, Fingerprint, fingerprint
from moderation.checks.inputs import text_part
from moderation.models import PublishedFingerprint

KINDS = ("post", "published", "known_hoax")
HELP = """Check each "post" line of a JSON-lines file and print one JSON line per post:
{"id": ..., "flags": [codes], "details": [{"code", "message", "excerpt", "severity"}]}.

Each input line is an object {"id", "kind", "title", "body", "sources", "category"}:
  kind "post"        a post to check; "body" may be plain text or HTML, "sources" a list of
                     strings or {"title", "url"} objects, "category" a category slug (its
                     "needs a source" setting is read from the database) and "needs_source"
                     may be given directly.
  kind "published"   a published post: posts are compared with these for duplicates.
  kind "known_hoax"  a debunked claim ("title" and "body" are its wording, "correction" and
                     "source" optional): posts are compared with these for hoax_match.

Reference set: the file's "published" lines, plus the database's live posts only with
--site-posts; the file's "known_hoax" lines in addition to the database's active debunked
claims (--file-claims-only leaves those out). Word lists and check policies always come from
the database. The command never writes to the database. Malformed lines are all reported
with their line numbers and nothing is checked; the exit status is then non-zero.

--score: a "post" line may carry "expected": [codes], the flags it should raise ([] for a
clean post). Instead of one line per post, print precision and recall per code over the
labelled posts and the share of clean posts flagged; "too_short" and "missing_alt_text" are
left out of the score (--errors also lists each post whose flags differ from its labels)."""
SCORE_IGNORED = frozenset({"too_short", "missing_alt_text"})


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        kwargs["formatter_class"] = RawDescriptionHelpFormatter
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON-lines file, or - for standard input.")
        parser.add_argument(
            "--site-posts",
            action="store_true",
            help="Also compare with the live posts in the database.",
        )
        parser.add_argument(
            "--file-claims-only",
            action="store_true",
            help="Use only the file's known_hoax lines, not the database's.",
        )
        parser.add_argument(
            "--score",
            action="store_true",
            help='Score the flags against each post\'s "expected" codes instead of printing them.',
        )
        parser.add_argument(
            "--errors",
            action="store_true",
            help="With --score: also list the posts whose flags differ from their labels.",
        )
        parser.add_argument(
            "--language", default=None, help="Language of the messages (default: the site's, 'id')."
        )
        parser.add_argument(
            "--benchmark",
            action="store_true",
            help="Time the checks on generated data instead of reading a file.",
        )
        parser.add_argument(
            "--words", type=int, default=3000, help="Benchmark: words in the checked post."
        )
        parser.add_argument(
            "--published", type=int, default=1000, help="Benchmark: number of published posts."
        )
        parser.add_argument(
            "--claims", type=int, default=200, help="Benchmark: number of debunked claims."
        )
        parser.add_argument("--repeat", type=int, default=20, help="Benchmark: timed runs.")
        parser.add_argument(
            "--vocabulary",
            type=int,
            default=5000,
            help="Benchmark: distinct word forms, drawn as in real text; 0 "
            "draws uniformly from the whole dictionary (worst case).",
        )

    # The checks read their word lists and debunked claims from the database.
    requires_migrations_checks = True

    def handle(self, *args, **options):
        try:
            self.run(options)
        except DatabaseError as error:
            raise CommandError(
                f"The database cannot answer: {error}. "
                "If it is new, create its tables first: python manage.py migrate"
            ) from error

    def run(self, options):
        language = options["language"]
        with (
            translation.override(language)
            if language
            else translation.override(translation.get_language())
        ):
            if options["benchmark"]:
                self.benchmark(options)
                return
            if not options["file"]:
                raise CommandError("Give a JSON-lines file (or - for standard input).")
            with transaction.atomic():
                try:
                    self.evaluate(options)
                finally:
                    # Nothing here writes; rolling back makes sure of it.
                    transaction.set_rollback(True)

    # --- evaluation -------------------------------------------------------------------------

    def read_lines(self, path):
        if path == "-":
            return sys.stdin.read().splitlines()
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().splitlines()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text: {error}.") from error

    def parse(self, lines):
        records, errors = [], []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                errors.append(f"line {number}: not valid JSON ({error.msg}, column {error.colno})")
                continue
            problem = self.validate(record)
            if problem:
                errors.append(f"line {number}: {problem}")
            else:
                records.append((number, record))
        return records, errors

    def validate(self, record):
        if not isinstance(record, dict):
            return "expected a JSON object"
        kind = record.get("kind")
        if kind not in KINDS:
            return f'"kind" must be one of {", ".join(KINDS)}, not {json.dumps(kind)}'
        if kind == "post" and record.get("id") in (None, ""):
            return 'a "post" line needs an "id"'
        for key in ("title", "body", "category", "correction", "source"):
            if record.get(key) is not None and not isinstance(record[key], str):
                return f'"{key}" must be a string'
        if kind != "published" and not (record.get("title") or record.get("body")):
            return 'give a "title" or a "body"'
        sources = record.get("sources", [])
        if sources is None:
            sources = []
        if not isinstance(sources, list) or not all(isinstance(s, (str, dict)) for s in sources):
            return '"sources" must be a list of strings or objects'
        return ""

    def evaluate(self, options):
        records, errors = self.parse(self.read_lines(options["file"]))
        if errors:
            shown = "\n".join(errors[:50])
            more = f"\n… and {len(errors) - 50} more" if len(errors) > 50 else ""
            raise CommandError(f"{len(errors)} malformed line(s):\n{shown}{more}")

        published = []
        claims = []
        for number, record in records:
            if record["kind"] == "published":
                part = text_part("body", record.get("body") or "")[0]
                published.append(
                    PublishedPost(
                        record.get("id", f"line-{number}"), record.get("title") or "", part.text
                    )
                )
            elif record["kind"] == "known_hoax":
                wording = text_part("body", record.get("body") or "")[0].text
                claims.append(
                    ClaimSpec(
                        text=" ".join(filter(None, [record.get("title"), wording])),
                        # The headline alone is how a claim travels; the body adds detail.
                        variants=tuple(v for v in (record.get("title"), wording) if v)
                        if record.get("title") and wording
                        else (),
                        correction=record.get("correction") or "",
                        source_url=record.get("source") or "",
                        pk=record.get("id", f"line-{number}"),
                    )
                )
        reference = self.reference(options, published, claims)
        rules = Rules.from_database()
        categories = self.categories(records)
        results = self.check_posts(records, reference, rules, categories)
        if options["score"]:
            self.write_score(results, options["errors"])
            return
        for record, flags in results:
            self.stdout.write(
                json.dumps(
                    {
                        "id": record["id"],
                        "flags": list(dict.fromkeys(str(f.code) for f in flags)),
                        "details": [
                            {
                                "code": str(f.code),
                                "message": str(f.message),
                                "excerpt": f.excerpt,
                                "severity": str(f.severity),
                            }
                            for f in flags
                        ],
                    },
                    ensure_ascii=False,
                )
            )

    def check_posts(self, records, reference, rules, categories):
        for _number, record in records:
            if record["kind"] != "post":
                continue
            category = record.get("category") or ""
            post = post_input_from_text(
                record.get("title") or "",
                record.get("body") or "",
                summary=record.get("summary") or "",
                sources=record.get("sources") or [],
                category_slug=category,
                needs_source=bool(record.get("needs_source", categories.get(category, False))),
            )
            yield record, run_checks(post, reference=reference, rules=rules)

    def write_score(self, results, errors):
        labelled = [
            (record, flags) for record, flags in results if isinstance(record.get("expected"), list)
        ]
        if not labelled:
            raise CommandError('No "post" line carries an "expected" list of codes to score.')
        scored = [
            (
                record["id"],
                set(map(str, record["expected"])) - SCORE_IGNORED,
                {str(f.code) for f in flags} - SCORE_IGNORED,
            )
            for record, flags in labelled
        ]
        score = score_flags([(expected, found) for _id, expected, found in scored])
        self.stdout.write(
            f"{'code':<16} {'posts':>5} {'TP':>4} {'FP':>4} {'FN':>4} "
            f"{'precision':>9} {'recall':>6}"
        )
        for code, row in score["codes"].items():
            self.stdout.write(
                f"{code:<16} {row['posts']:>5} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} "
                f"{_ratio(row['precision']):>9} {_ratio(row['recall']):>6}"
            )
        if errors:
            for ident, expected, found in scored:
                if expected != found:
                    missed = ", ".join(sorted(expected - found)) or "-"
                    extra = ", ".join(sorted(found - expected)) or "-"
                    self.stdout.write(f"{ident}: missed {missed}; extra {extra}")
        self.stdout.write(
            f"clean posts flagged: {score['clean_flagged']} of {score['clean']} "
            f"({_ratio(score['clean_flagged_share'])}); {len(scored)} labelled posts"
        )

    def reference(self, options, published, claims):
        from moderation.checks.duplicate import CombinedDuplicates, DuplicateIndex
        from moderation.fingerprints import DatabaseDuplicates
        from moderation.models import DebunkedClaim

        duplicates = DuplicateIndex(published)
        if options["site_posts"]:
            duplicates = CombinedDuplicates(DatabaseDuplicates(), duplicates)
        if not options["file_claims_only"]:
            claims = [c.as_spec() for c in DebunkedClaim.objects.filter(active=True)] + claims
        return ReferenceSet(duplicates, claims)

    def categories(self, records):
        from kim.models import Category

        wanted = {r.get("category") for _, r in records if r.get("category")}
        found = {}
        for category in Category.objects.filter(slug__in=wanted):
            found[category.slug] = category.needs_source
        for category in Category.objects.filter(name__in=wanted - set(found)):
            found[category.name] = category.needs_source
        return found

    # --- benchmark ----------------------------------------------------------------------------

    def benchmark(self, options):
        """Time the whole pre-check of generated posts against the database's published posts.

        The database must hold at least ``--published`` published posts with fingerprints;
        when it holds fewer, generated posts are added in bulk (benchdata), which is only done
        in a database without real groups or posts: use a throw-away one.
        """
        from moderation.models import DebunkedClaim

        rng = random.Random(20)  # noqa: S311 (made-up text, not secrets)
        words = _word_source(rng, options["vocabulary"])
        published = self.published_posts(options["published"], words)

        def text(count):
            sentences = []
            while count > 0:
                size = min(count, rng.randint(8, 22))
                sentences.append(" ".join(words(size)).capitalize() + ".")
                count -= size
            return " ".join(sentences)

        rules = Rules.from_database()
        seeded = DebunkedClaim.objects.filter(active=True).count()
        # Claims are made of content words, rarer than the running text of posts.
        content_words = _word_source(rng, 0)
        generated = [
            DebunkedClaim(claim=" ".join(content_words(rng.randint(8, 14))), active=True)
            for _ in range(max(0, options["claims"] - seeded))
        ]
        runs, cpu_times = [], []
        flags = []
        with transaction.atomic():
            DebunkedClaim.objects.bulk_create(generated)
            # Half the checked posts repost a published one, as a submitter would.
            reposts = list(
                PublishedFingerprint.objects.order_by("pk").values_list("post_id", flat=True)[
                    :REAL_TEXTS
                ]
            )
            # One more run than timed: the first fills the process's caches (stems, the
            # claims' index), as a web process's first check does once.
            for run in range(max(1, options["repeat"]) + 1):
                body = text(options["words"])
                if run % 2 and reposts:
                    body = _benchmark_text(reposts[run % len(reposts)]) + " " + body
                post = post_input_from_text(" ".join(words(8)), body)
                started, cpu = time.perf_counter(), time.process_time()
                # What a submission costs: the reference set is made per request.
                flags = run_checks(post, reference=ReferenceSet.from_database(), rules=rules)
                runs.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu)
            transaction.set_rollback(True)
        vocabulary = (
            f"{options['vocabulary']} word forms, Zipf-distributed"
            if options["vocabulary"]
            else "uniform over the whole dictionary"
        )
        first, runs, cpu_times = runs[0], runs[1:], cpu_times[1:]

        def p95(values):
            if len(values) == 1:
                return values[0]
            return statistics.quantiles(values, n=20, method="inclusive")[-1]

        self.stdout.write(
            f"posts of {options['words']} words (every other one with a published post pasted "
            f"in) against {published} published posts and {options['claims']} debunked claims, "
            f"{len(rules.word_rules)} word-list entries ({vocabulary})\n"
            f"first run (cold caches, not counted): {first * 1000:.0f} ms\n"
            f"median of {len(runs)} runs: {statistics.median(runs) * 1000:.0f} ms\n"
            f"flags raised in the last run: {len(flags)}\n"
            f"CPU time of this process (without the database's), p95: "
            f"{p95(cpu_times) * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f}\n"
            f"check p95: {p95(runs) * 1000:.0f} ms against {published} published posts"
        )

    def published_posts(self, wanted, words):
        """Return the number of published posts with fingerprints, adding generated ones."""
        from benchdata.services import (
            DRAFT_SHARE,
            PROVINCE_CODE,
            bench_data_generate,
            bench_data_refusal,
        )
        from kim.models import PostPage, Region
        from moderation.fingerprints import fingerprint_store_text, fingerprints_store_many

        published = PostPage.objects.published()
        fingerprinted = PublishedFingerprint.objects.filter(post__in=published)
        have = fingerprinted.count()
        if have >= wanted:
            return have
        missing = published.exclude(pk__in=PublishedFingerprint.objects.values("post_id"))
        if published.count() < wanted:
            generated = Region.objects.filter(code=PROVINCE_CODE).exists()
            refusal = bench_data_refusal()
            if generated or refusal:
                raise CommandError(
                    f"The database holds {published.count()} published posts, fewer than "
                    f"--published {wanted}, and more cannot be generated here "
                    f"({refusal or 'it holds generated data already'}). Use a fresh, "
                    "throw-away database."
                )
            posts = round((wanted - have) / (1 - DRAFT_SHARE) * 1.02) + 10
            self.stdout.write(f"Generating {posts} posts (benchdata)...")
            groups = max(1, posts // 500)
            bench_data_generate(
                groups=groups,
                members=2 * groups,
                posts=posts,
                images=1,
                index=False,
                log=self.stdout.write,
            )
        ids = list(missing.order_by("pk").values_list("pk", flat=True))
        self.stdout.write(f"Fingerprinting {len(ids)} published posts with made-up text...")
        started = time.perf_counter()
        with transaction.atomic():
            if connection.vendor == "postgresql" and len(ids) > REAL_TEXTS:
                # Made-up features drawn by the database: Python would take most of an hour.
                _synthetic_fingerprints(ids[REAL_TEXTS:])
                ids = ids[:REAL_TEXTS]

            def items():
                for pk in ids:
                    yield pk, _benchmark_fingerprint(pk)

            if PublishedFingerprint.objects.exists():
                for pk in ids:
                    fingerprint_store_text(post_id=pk, text=_benchmark_text(pk))
            else:
                fingerprints_store_many(items, log=self.stdout.write)
        self.stdout.write(f"  fingerprints: {time.perf_counter() - started:.0f} s")
        return fingerprinted.count()


# Published posts fingerprinted from their made-up text; the checked posts repost these.
REAL_TEXTS = 50
MONTH_NAMES = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()


@functools.cache
def _benchmark_words():
    return _word_source(random.Random(7), 30000)  # noqa: S311


def _benchmark_post(pk):
    """Made-up content of a published post, the same for the same post: facts, then words.

    Benchdata's posts share a few bodies; fingerprints of those would all be alike. Each
    generated post gets its own text instead: 100 to 400 words from a Zipf vocabulary of
    30,000 forms, two place names and a person's name from a few thousand, a date and figures.
    """
    rng = random.Random(pk)  # noqa: S311
    words = _benchmark_words()
    place = _made_up_name(rng) + " " + _made_up_name(rng)
    person = _made_up_name(rng)
    date = f"{rng.randint(1, 28)} {rng.choice(MONTH_NAMES)} {rng.randint(2022, 2026)}"
    facts = (
        f"Kegiatan di Desa {place} pada {date} pukul {rng.randint(7, 20):02d}.00 diikuti "
        f"{rng.randint(10, 900)} warga, kata {person}, dengan biaya Rp "
        f"{rng.randint(1, 900) * 1000:,}.".replace(",", ".")
    )
    sentences = []
    count = rng.randint(100, 400)
    while count > 0:
        size = min(count, rng.randint(8, 22))
        sentences.append(words(size, rng))
        count -= size
    return facts, sentences


def _benchmark_text(pk):
    facts, sentences = _benchmark_post(pk)
    return " ".join([facts] + [" ".join(words).capitalize() + "." for words in sentences])


@functools.cache
def _form_fingerprint(form):
    """A word's features in the middle of a sentence, with its own character shingles."""
    return fingerprint(f"dan {form}")


def _benchmark_fingerprint(pk):
    """The fingerprint of ``_benchmark_text(pk)``, put together from its words' fingerprints.

    Fingerprinting a hundred thousand texts takes most of an hour on a shared machine; the
    words' features are the same in any sentence, so they are computed once per word. The
    character shingles are those inside words (across two words they are left out).
    """
    facts, sentences = _benchmark_post(pk)
    head, head_grams = fingerprint(facts)
    forms = [_form_fingerprint(form) for form in {form for words in sentences for form in words}]
    return Fingerprint(
        head.words.union(*(form.words for form, _grams in forms)),
        head.names.union(*(form.names for form, _grams in forms)),
        tuple(sorted(set(head.facts).union(*(form.facts for form, _grams in forms)))),
        frozenset(heapq.nsmallest(CHAR_SKETCH, head_grams.union(*(g for _f, g in forms)))),
    )


def _made_up_name(rng):
    from benchdata.services import SYLLABLES

    return "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() + rng.choice(
        ["", "an", "rejo", "sari", "harjo", "mulyo"]
    )


def score_flags(pairs):
    """Return precision and recall per code, and the share of clean posts flagged.

    ``pairs`` holds (expected codes, raised codes) per post. A ratio with nothing to count
    (no flag raised, no post labelled) is None rather than a flattering 1.
    """
    codes = sorted({code for expected, found in pairs for code in expected | found})
    rows = {}
    for code in codes:
        tp = sum(1 for expected, found in pairs if code in expected and code in found)
        fp = sum(1 for expected, found in pairs if code not in expected and code in found)
        fn = sum(1 for expected, found in pairs if code in expected and code not in found)
        rows[code] = {
            "posts": tp + fn,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
        }
    clean = [found for expected, found in pairs if not expected]
    flagged = sum(1 for found in clean if found)
    return {
        "codes": rows,
        "clean": len(clean),
        "clean_flagged": flagged,
        "clean_flagged_share": flagged / len(clean) if clean else None,
    }


def _ratio(value):
    return "-" if value is None else f"{value:.2f}"


def _word_source(rng, vocabulary):
    """Return a function giving n made-up Indonesian words from the stemmer's dictionary.

    Real text repeats a few thousand word forms (Zipf's law); drawing uniformly from all
    30,000 roots with random affixes is the worst case for the stemmer's cache. The function
    draws with ``rng`` unless given another generator.
    """
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = sorted(w for w in StemmerFactory().get_words_from_file() if w.isalpha())
    prefixes = ["", "", "", "me", "di", "ber", "pe", "ke", "ter"]
    suffixes = ["", "", "", "kan", "an", "nya", "i"]

    def form():
        return rng.choice(prefixes) + rng.choice(roots) + rng.choice(suffixes)

    if not vocabulary:
        return lambda count, draw=rng: [form() for _ in range(count)]
    forms = [form() for _ in range(vocabulary)]
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, vocabulary + 1)))
    return lambda count, draw=rng: draw.choices(forms, cum_weights=cumulative, k=count)


SYNTHETIC_SQL = """
CREATE TEMPORARY TABLE bench_vocabulary (rank integer PRIMARY KEY, feature integer);
CREATE TEMPORARY TABLE bench_names (rank integer PRIMARY KEY, feature integer);
CREATE TEMPORARY TABLE bench_facts (rank integer PRIMARY KEY, feature integer, kind text);
CREATE TEMPORARY TABLE bench_posts (post_id integer PRIMARY KEY);
"""
SYNTHETIC_FILL_SQL = """
CREATE TEMPORARY TABLE bench_features AS
SELECT DISTINCT post_id, feature, kind FROM (
    SELECT p.post_id, v.feature, 'w' AS kind
    FROM bench_posts p
    CROSS JOIN LATERAL (
        SELECT least(%(words)s, floor(exp(random() * ln(%(words)s)))::integer) AS rank
        FROM generate_series(1, 100 + (p.post_id * 7919) %% 300)
    ) drawn
    JOIN bench_vocabulary v ON v.rank = drawn.rank
    UNION ALL
    SELECT p.post_id, n.feature, 'name'
    FROM bench_posts p
    CROSS JOIN LATERAL (
        SELECT 1 + floor(random() * %(names)s)::integer + p.post_id * 0 AS rank
        FROM generate_series(1, 3)
    ) drawn
    JOIN bench_names n ON n.rank = drawn.rank
    UNION ALL
    SELECT p.post_id, f.feature, f.kind
    FROM bench_posts p
    CROSS JOIN LATERAL (
        SELECT 1 + floor(random() * %(facts)s)::integer + p.post_id * 0 AS rank
        FROM generate_series(1, 5)
    ) drawn
    JOIN bench_facts f ON f.rank = drawn.rank
) drawn_features;
CREATE INDEX ON bench_features (post_id);
ANALYZE bench_features;
INSERT INTO moderation_featurefrequency (feature, posts)
SELECT feature, count(*) FROM bench_features GROUP BY feature
ON CONFLICT (feature) DO UPDATE SET posts = moderation_featurefrequency.posts + excluded.posts;
INSERT INTO moderation_featurefrequency (feature, posts)
SELECT 0, count(*) FROM bench_posts
ON CONFLICT (feature) DO UPDATE SET posts = moderation_featurefrequency.posts + excluded.posts;
INSERT INTO moderation_publishedfingerprint (post_id, features, updated_at)
SELECT post_id, jsonb_build_object(
    'w', coalesce(jsonb_agg(feature ORDER BY feature) FILTER (WHERE kind = 'w'), '[]'),
    'n', coalesce(jsonb_agg(feature ORDER BY feature) FILTER (WHERE kind = 'name'), '[]'),
    'f', coalesce(jsonb_agg(jsonb_build_array(feature, kind) ORDER BY feature)
                  FILTER (WHERE kind NOT IN ('w', 'name')), '[]'),
    'c', (SELECT jsonb_agg(1 + floor(random() * 2000000000)::bigint + g * 0 + post_id * 0)
          FROM generate_series(1, 64) g)
), now()
FROM bench_features GROUP BY post_id;
INSERT INTO moderation_fingerprintfeature (fingerprint_id, feature)
SELECT post_id, feature FROM (
    SELECT f.post_id, f.feature, f.kind,
           row_number() OVER (PARTITION BY f.post_id, f.kind = 'w'
                              ORDER BY q.posts, f.feature) AS rarest
    FROM bench_features f JOIN moderation_featurefrequency q ON q.feature = f.feature
    WHERE f.kind IN ('w', 'name', 'd', 'n')
) ranked
WHERE kind <> 'w' OR rarest <= %(indexed)s;
ANALYZE moderation_featurefrequency;
ANALYZE moderation_publishedfingerprint;
ANALYZE moderation_fingerprintfeature
"""


def _synthetic_fingerprints(ids):
    """Write made-up fingerprints for many posts in the database (PostgreSQL only).

    The words are the stemmer's root words drawn by Zipf's law (as the checked posts' words
    are), each post has three names from two thousand and five facts (dates, figures, years,
    times) from a few thousand, so rare and common features are shared as in real posts.
    """
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from moderation.checks.duplicate import INDEXED_FEATURES, feature_hash
    from moderation.checks.text import stop_words

    rng = random.Random(11)  # noqa: S311
    roots = sorted(w for w in StemmerFactory().get_words_from_file() if w.isalpha())
    roots = [root for root in roots if len(root) >= 3 and root not in stop_words()]
    rng.shuffle(roots)
    names = {feature_hash("n", _made_up_name(rng).lower()) for _ in range(2000)}
    facts = {
        (feature_hash("d", f"{day}-{month}"), "d") for day in range(1, 29) for month in range(1, 13)
    }
    facts |= {(feature_hash("n", str(n)), "n") for n in range(10, 2000)}
    facts |= {(feature_hash("y", str(year)), "y") for year in range(2020, 2027)}
    facts |= {(feature_hash("t", f"{hour}.00"), "t") for hour in range(6, 22)}
    with connection.cursor() as cursor:
        for statement in SYNTHETIC_SQL.strip().split(";\n"):
            cursor.execute(statement)
        for table, rows in (
            (
                "bench_vocabulary (rank, feature)",
                enumerate((feature_hash("w", r) for r in roots), 1),
            ),
            ("bench_names (rank, feature)", enumerate(sorted(names), 1)),
            (
                "bench_facts (rank, feature, kind)",
                ((i, *pair) for i, pair in enumerate(sorted(facts), 1)),
            ),
            ("bench_posts (post_id)", ((pk,) for pk in ids)),
        ):
            with cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        params = {
            "words": len(roots),
            "names": len(names),
            "facts": len(facts),
            "indexed": INDEXED_FEATURES - 8,
        }
        for statement in SYNTHETIC_FILL_SQL.split(";\n"):
            cursor.execute(statement, params if "%(" in statement else None)
