import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim.models import Category, PostPage
from moderation.management.commands.moderation_precheck import Command
from moderation.models import DebunkedClaim, FlagDismissal, WordRule

pytestmark = pytest.mark.django_db

FILLER = (
    " Kegiatan ini diikuti warga dari seluruh dusun dengan tertib, dan panitia berterima "
    "kasih kepada semua pihak yang telah membantu persiapan sejak minggu lalu sampai "
    "acara selesai dengan lancar. Warga berharap kegiatan serupa diadakan lagi tahun "
    "depan."
)
PUBLISHED_BODY = (
    "Pemerintah Desa Sengon bersama warga menggelar kerja bakti membersihkan saluran irigasi "
    "di Dusun Krajan pada Minggu pagi. Kegiatan ini dilakukan menjelang musim hujan agar air "
    "tidak meluap ke permukiman dan sawah. Kepala desa mengajak seluruh warga menjaga "
    "kebersihan saluran dan tidak membuang sampah sembarangan."
)
LINES = [
    {
        "id": "pub-1",
        "kind": "published",
        "title": "Kerja bakti saluran irigasi",
        "body": PUBLISHED_BODY,
    },
    {
        "id": "hoax-1",
        "kind": "known_hoax",
        "title": "Jembatan Dengkeng ambruk dan ditutup total",
        "body": "",
        "correction": "Jembatan masih dibuka.",
        "source": "https://klatenkab.go.id/",
    },
    {
        "id": "ok",
        "kind": "post",
        "title": "Posyandu balita Dusun Krajan",
        "body": "<p>Kader posyandu menimbang balita dan membagikan makanan tambahan.</p>"
        "<p>Orang tua diminta datang setiap bulan membawa buku KIA." + FILLER + "</p>",
        "sources": [],
        "category": "",
    },
    {
        "id": "copy",
        "kind": "post",
        "title": "Kerja bakti saluran irigasi",
        "body": PUBLISHED_BODY + FILLER,
    },
    {
        "id": "file-hoax",
        "kind": "post",
        "title": "Kabar jembatan",
        "body": "Katanya jembatan Dengkeng sudah ambruk dan ditutup total mulai hari ini." + FILLER,
    },
    {
        "id": "db-hoax",
        "kind": "post",
        "title": "Info vaksin",
        "body": "Hati-hati, vaksin corona mengandung microchip untuk melacak keberadaan warga."
        + FILLER,
    },
    {
        "id": "many",
        "kind": "post",
        "title": "Promo",
        "body": "<p>Dasar goblok! Hubungi 0812-3456-7890. Angka kemiskinan turun 12 persen.</p>"
        '<p><a href="https://bit.ly/x">daftar</a><a href="https://gacor88.xyz" '
        'style="display:none">slot</a></p>',
        "sources": [],
    },
    {
        "id": "data",
        "kind": "post",
        "title": "Data penduduk",
        "body": "Warga bergotong royong membersihkan saluran." + FILLER,
        "category": "statistik",
    },
]


def write(tmp_path, lines, name="batch.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(
            json.dumps(line, ensure_ascii=False) if isinstance(line, dict) else line
            for line in lines
        )
        + "\n",
        encoding="utf-8",
    )
    return str(path)


def run(*args):
    out = io.StringIO()
    call_command("moderation_precheck", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def statistics_category():
    return Category.objects.create(name="Statistik", slug="statistik", needs_source=True)


def test_every_kind_of_line_end_to_end(tmp_path, statistics_category):
    results = {r["id"]: r for r in run(write(tmp_path, LINES + [""]), "--language", "en")}
    assert list(results) == ["ok", "copy", "file-hoax", "db-hoax", "many", "data"]
    assert results["ok"]["flags"] == []
    assert results["copy"]["flags"] == ["duplicate"]
    assert results["file-hoax"]["flags"] == ["hoax_match"]
    assert "Jembatan masih dibuka." in results["file-hoax"]["details"][0]["message"]
    assert results["db-hoax"]["flags"] == ["hoax_match"]
    assert set(results["many"]["flags"]) == {
        "personal_data",
        "gambling",
        "profanity",
        "missing_source",
        "suspicious_link",
        "too_short",
        "hidden_text",
    }
    assert results["data"]["flags"] == ["missing_source"]
    detail = next(d for d in results["many"]["details"] if d["code"] == "personal_data")
    assert detail["excerpt"] == "Hubungi 0812-3456-7890."
    assert detail["severity"] == "block"


def test_output_keeps_indonesian_characters(tmp_path):
    out = io.StringIO()
    call_command(
        "moderation_precheck",
        write(
            tmp_path,
            [{"id": "é", "kind": "post", "title": "Kabar “warga”", "body": "Dasar goblok “kamu”."}],
        ),
        stdout=out,
    )
    assert "“" in out.getvalue() and "\\u" not in out.getvalue()


def test_file_claims_only_leaves_out_the_database_claims(tmp_path):
    path = write(tmp_path, LINES)
    results = {r["id"]: r for r in run(path, "--file-claims-only")}
    assert results["db-hoax"]["flags"] == []
    assert results["file-hoax"]["flags"] == ["hoax_match"]


def test_site_posts_are_compared_only_when_asked(tmp_path):
    from moderation.fingerprints import fingerprints_backfill
    from tests.factories import PostPageFactory, rich_text_body

    PostPageFactory(title="Kerja bakti saluran irigasi", body=rich_text_body(PUBLISHED_BODY))
    fingerprints_backfill()
    lines = [line for line in LINES if line["kind"] == "post" and line["id"] == "copy"]
    path = write(tmp_path, lines)
    assert run(path)[0]["flags"] == []
    assert run(path, "--site-posts")[0]["flags"] == ["duplicate"]


def test_the_command_writes_nothing(tmp_path, statistics_category):
    path = write(tmp_path, LINES)
    models = (WordRule, DebunkedClaim, FlagDismissal, PostPage, Category)
    before = [model.objects.count() for model in models]
    with CaptureQueriesContext(connection) as queries:
        run(path)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert [model.objects.count() for model in models] == before


def test_malformed_lines_are_reported_with_their_numbers(tmp_path):
    path = write(
        tmp_path,
        [
            {"id": 1, "kind": "post", "title": "Baik", "body": "Teks."},
            "{not json",
            {"id": 2, "kind": "artikel", "title": "x"},
            {"kind": "post", "title": "Tanpa id"},
            {"id": 3, "kind": "post", "title": "x", "sources": "bukan daftar"},
            "[1, 2]",
        ],
    )
    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert message.startswith("5 malformed line(s)")
    for expected in (
        "line 2: not valid JSON",
        'line 3: "kind" must be one of',
        'line 4: a "post" line needs an "id"',
        'line 5: "sources" must be a list',
        "line 6: expected a JSON object",
    ):
        assert expected in message


def test_malformed_input_exits_non_zero(tmp_path, capsys):
    path = write(tmp_path, ["{oops"])
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "moderation_precheck", path])
    assert exit_info.value.code != 0
    assert "line 1" in capsys.readouterr().err


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "tidak-ada.jsonl"))


def test_benchmark_ends_with_the_p95_against_the_published_posts():
    from tests.factories import PostPageFactory

    PostPageFactory.create_batch(3)
    out = io.StringIO()
    with pytest.raises(CommandError, match="throw-away database"):
        # Fewer published posts than asked, and real ones: nothing is generated here.
        call_command("moderation_precheck", "--benchmark", "--published", "20", stdout=out)
    call_command(
        "moderation_precheck",
        "--benchmark",
        "--words",
        "300",
        "--published",
        "3",
        "--claims",
        "20",
        "--repeat",
        "2",
        stdout=out,
    )
    text = out.getvalue()
    assert "Fingerprinting 3 published posts" in text
    assert "median of 2 runs:" in text
    assert re.fullmatch(r"check p95: \d+ ms against 3 published posts", text.splitlines()[-1])


def run_text(*args):
    out = io.StringIO()
    call_command("moderation_precheck", *args, stdout=out)
    return out.getvalue()


def scored_lines(*records, tmp_path):
    path = tmp_path / "scored.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return run_text("--score", "--errors", str(path)).splitlines()


def test_score_prints_precision_and_recall_per_code_and_clean_posts_flagged(tmp_path):
    lines = scored_lines(
        {
            "id": "g",
            "kind": "post",
            "title": "Promo",
            "body": "Main slot gacor maxwin sekarang.",
            "expected": ["gambling"],
        },
        {
            "id": "missed",
            "kind": "post",
            "title": "Info",
            "body": "Kabar pagi dari desa.",
            "expected": ["gambling"],
        },
        {
            "id": "clean",
            "kind": "post",
            "title": "Info",
            "body": "Kerja bakti hari Minggu.",
            "expected": [],
        },
        {"id": "unlabelled", "kind": "post", "title": "Info", "body": "Dasar goblok."},
        tmp_path=tmp_path,
    )
    gambling = next(line for line in lines if line.startswith("gambling"))
    assert gambling.split() == ["gambling", "2", "1", "0", "1", "1.00", "0.50"]
    assert "missed: missed gambling; extra -" in lines
    # too_short is left out of the score: the short clean post counts as clean.
    assert lines[-1] == "clean posts flagged: 0 of 1 (0.00); 3 labelled posts"


def test_score_needs_labelled_posts(tmp_path):
    with pytest.raises(CommandError, match="expected"):
        scored_lines({"id": "a", "kind": "post", "title": "Info", "body": "x"}, tmp_path=tmp_path)


# Reached on the held-out fifth of tests/data (README, "Pre-check quality"); a change that
# lowers any of them fails.
HELD_OUT_RECALL = {
    "gambling": 1.00,
    "hate_speech": 0.83,
    "hoax_match": 1.00,
    "personal_data": 1.00,
    "profanity": 0.83,
    "suspicious_link": 1.00,
    "missing_source": 1.00,
    "duplicate": 1.00,
}
HELD_OUT_CLEAN_FLAGGED = 0.05
# The fifth of the posts added for first-hand reports, bank accounts and the contexts of
# insults, split off before any tuning (tests/data/precheck_heldout_2.jsonl).
SECOND_HELD_OUT_RECALL = {"missing_source": 1.00, "personal_data": 1.00, "profanity": 1.00}
SECOND_HELD_OUT_CLEAN_FLAGGED = 0.00


@pytest.mark.parametrize(
    ("name", "floors", "clean_flagged"),
    [
        ("precheck_test.jsonl", HELD_OUT_RECALL, HELD_OUT_CLEAN_FLAGGED),
        ("precheck_heldout_2.jsonl", SECOND_HELD_OUT_RECALL, SECOND_HELD_OUT_CLEAN_FLAGGED),
    ],
)
def test_held_out_split_keeps_the_reported_floors(name, floors, clean_flagged):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / name
    lines = run_text("--score", str(path)).splitlines()
    recall = {line.split()[0]: line.split()[-1] for line in lines[1:-1]}
    for code, floor in floors.items():
        assert float(recall[code]) >= floor, code
    share = float(lines[-1].split("(")[1].split(")")[0])
    assert share <= clean_flagged


def test_scoring_against_a_database_never_migrated_says_to_migrate_without_a_traceback(
    tmp_path,
):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    held_out = "tests/data/precheck_test.jsonl"
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "moderation_precheck", "--score", held_out],
        cwd=root,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 1
    assert "python manage.py migrate" in result.stderr
    assert "Traceback" not in result.stderr
