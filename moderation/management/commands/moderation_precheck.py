"""Run the moderation pre-checks on a batch of posts from a JSON-lines file."""

import json
import random
import statistics
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from moderation.checks import (
    ClaimSpec,
    PublishedPost,
    ReferenceSet,
    Rules,
    post_input_from_text,
    run_checks,
)
from moderation.checks.inputs import text_part

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
        parser.add_argument("--repeat", type=int, default=5, help="Benchmark: timed runs.")
        parser.add_argument(
            "--vocabulary",
            type=int,
            default=5000,
            help="Benchmark: distinct word forms, drawn as in real text; 0 "
            "draws uniformly from the whole dictionary (worst case).",
        )

    def handle(self, *args, **options):
        language = options["language"]
        with (
            translation.override(language)
            if language
            else translation.override(translation.get_language()),
            transaction.atomic(),
        ):
            try:
                if options["benchmark"]:
                    self.benchmark(options)
                elif not options["file"]:
                    raise CommandError("Give a JSON-lines file (or - for standard input).")
                else:
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
        from moderation.checks.pages import published_posts_from_database
        from moderation.models import DebunkedClaim

        if options["site_posts"]:
            published = list(published_posts_from_database()) + published
        if not options["file_claims_only"]:
            claims = [c.as_spec() for c in DebunkedClaim.objects.filter(active=True)] + claims
        return ReferenceSet(published, claims)

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
        rng = random.Random(20)  # noqa: S311 (made-up text, not secrets)
        words = _word_source(rng, options["vocabulary"])

        def text(count):
            sentences = []
            while count > 0:
                size = min(count, rng.randint(8, 22))
                sentences.append(" ".join(words(size)).capitalize() + ".")
                count -= size
            return " ".join(sentences)

        rules = Rules.from_database()
        from moderation.models import DebunkedClaim

        seeded = [c.as_spec() for c in DebunkedClaim.objects.filter(active=True)]
        # Claims are made of content words, rarer than the running text of posts.
        content_words = _word_source(rng, 0)
        generated = [
            ClaimSpec(" ".join(content_words(rng.randint(8, 14))), pk=f"g{i}")
            for i in range(max(0, options["claims"] - len(seeded)))
        ]
        claims = (seeded + generated)[: options["claims"]]
        published = [
            PublishedPost(i, " ".join(words(6)), text(rng.randint(150, 600)))
            for i in range(options["published"])
        ]
        post = post_input_from_text(" ".join(words(8)), text(options["words"]))

        started = time.perf_counter()
        reference = ReferenceSet(published, claims)
        build = time.perf_counter() - started

        runs = []
        flags = []
        for _ in range(max(1, options["repeat"])):
            started = time.perf_counter()
            flags = run_checks(post, reference=reference, rules=rules)
            runs.append(time.perf_counter() - started)
        vocabulary = (
            f"{options['vocabulary']} word forms, Zipf-distributed"
            if options["vocabulary"]
            else "uniform over the whole dictionary"
        )
        self.stdout.write(
            f"post of {options['words']} words against {len(published)} published posts and "
            f"{len(claims)} debunked claims, {len(rules.word_rules)} word-list entries "
            f"({vocabulary})\n"
            f"building the reference set: {build:.3f} s (once, reused across posts)\n"
            f"first run (cold stemming cache): {runs[0]:.3f} s\n"
            f"median of {len(runs)} runs: {statistics.median(runs):.3f} s\n"
            f"flags raised: {len(flags)}"
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
    30,000 roots with random affixes is the worst case for the stemmer's cache.
    """
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = sorted(w for w in StemmerFactory().get_words_from_file() if w.isalpha())
    prefixes = ["", "", "", "me", "di", "ber", "pe", "ke", "ter"]
    suffixes = ["", "", "", "kan", "an", "nya", "i"]

    def form():
        return rng.choice(prefixes) + rng.choice(roots) + rng.choice(suffixes)

    if not vocabulary:
        return lambda count: [form() for _ in range(count)]
    forms = [form() for _ in range(vocabulary)]
    weights = [1 / rank for rank in range(1, vocabulary + 1)]
    return lambda count: rng.choices(forms, weights=weights, k=count)
