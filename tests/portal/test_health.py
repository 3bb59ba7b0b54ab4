"""The health check: 200 while the database answers, 503 naming it when it does not."""

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pagecache.middleware import HIT_HEADER

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_health_check_answers_200_while_the_database_answers(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_is_never_kept_by_the_page_cache(client, settings):
    settings.PAGECACHE_ENABLED = True

    client.get("/healthz/")
    response = client.get("/healthz/")

    assert HIT_HEADER not in response
    assert "no-store" in response["Cache-Control"]


# Run in a fresh process: this one's connections point at the test database.
UNREACHABLE = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz/")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-folder/portal.sqlite3",
        # Nothing listens on port 1: connection refused at once.
        "postgres://postgres@127.0.0.1:1/portal",
    ],
    ids=["sqlite", "postgresql"],
)
def test_health_check_answers_503_naming_the_database_when_it_is_unreachable(database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["status"] == "error"
    assert answer["body"]["database"] == "error: OperationalError"


class _Portal(http.server.BaseHTTPRequestHandler):
    """Stands in for gunicorn: /healthz/ answers with the status the test chose."""

    health_status = 200

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(self.health_status if self.path == "/healthz/" else 200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(("status", "exit_code"), [(200, 0), (503, 1)])
def test_container_health_check_follows_healthz(status, exit_code):
    """The image's HEALTHCHECK turns unhealthy when /healthz/ does, even if pages answer."""
    handler = type("Handler", (_Portal,), {"health_status": status})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "docker" / "healthcheck.py")],
            env={**os.environ, "PORT": str(server.server_address[1])},
            timeout=30,
            check=False,
        )
    finally:
        server.shutdown()
        server.server_close()

    assert result.returncode == exit_code
