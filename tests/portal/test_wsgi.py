"""The web process's entry point: what it loads at start-up is out of the collector's walk."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc
import portal.wsgi
after_start = gc.get_freeze_count()
gc.collect()
print(after_start, len(gc.get_objects()))
"""


def test_the_loaded_application_is_frozen_so_a_full_collection_walks_only_request_objects():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )

    frozen, still_tracked = map(int, result.stdout.split())
    # Django, Wagtail and the apps' modules: well over a hundred thousand objects that every
    # full collection in a request would otherwise walk again.
    assert frozen > 100_000
    assert still_tracked < frozen / 10
