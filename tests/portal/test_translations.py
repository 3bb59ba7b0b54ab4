"""Indonesian is the default language: every message our apps use must have a translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from admin_i18n.catalogues import parse_po

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "var", "node_modules", ".git"}
NOT_OURS = ["admin_i18n", "tests", "bench", "docs"]


@pytest.fixture(scope="module")
def extracted_catalogue(tmp_path_factory):
    """Run makemessages on a copy of the project and return the resulting Indonesian entries."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (xgettext) is needed: apt-get install -y gettext")
    copy = tmp_path_factory.mktemp("project")
    for item in ROOT.iterdir():
        if item.name in SKIP or item.name.startswith("."):
            continue
        if item.is_dir():
            shutil.copytree(item, copy / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, copy / item.name)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "id",
            "--no-obsolete",
            *[f"--ignore={name}" for name in NOT_OURS],
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return parse_po((copy / "locale/id/LC_MESSAGES/django.po").read_text(encoding="utf-8"))


def test_every_message_of_our_apps_has_an_indonesian_translation(extracted_catalogue):
    missing = [
        entry.msgid
        for entry in extracted_catalogue
        if entry.msgid and (entry.is_fuzzy or not all(entry.msgstr))
    ]
    assert not missing, f"{len(missing)} messages lack Indonesian (run `make messages`): " + (
        "; ".join(missing[:20])
    )


def test_committed_catalogue_is_compiled():
    po = ROOT / "locale/id/LC_MESSAGES/django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1
