"""Settings and deployment configuration, run in fresh interpreters with a clean environment."""

import json
import os
import re
import secrets
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = "portal.settings.production"


def run_django(*args, **env):
    """Run manage.py with only PATH and the given variables in the environment."""
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(**overrides):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.go.id",
        "BASE_URL": "https://portal.example.go.id",
        **overrides,
    }


def test_production_refuses_to_start_without_secret_key():
    result = run_django("check", ALLOWED_HOSTS="portal.example.go.id")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django("check", SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_base_url():
    env = production_env()
    del env["BASE_URL"]
    result = run_django("check", **env)

    assert result.returncode != 0
    assert "BASE_URL is not set" in result.stderr


def test_deploy_check_reports_no_issues():
    result = run_django("check", "--deploy", "--fail-level", "WARNING", **production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_deploy_check_fails_when_https_redirect_is_switched_off():
    result = run_django(
        "check", "--deploy", "--fail-level", "WARNING", **production_env(SECURE_SSL_REDIRECT="0")
    )

    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_production_reads_mail_server_and_hosts_from_environment():
    script = (
        "from django.conf import settings as s; import json; print(json.dumps({k: getattr(s, k)"
        " for k in ['EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD',"
        " 'EMAIL_USE_TLS', 'ALLOWED_HOSTS', 'CSRF_TRUSTED_ORIGINS', 'DEBUG',"
        " 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE']}))"
    )
    result = run_django(
        "shell",
        "--no-imports",
        "-c",
        script,
        **production_env(
            ALLOWED_HOSTS="kim.klatenkab.go.id, www.kim.klatenkab.go.id",
            CSRF_TRUSTED_ORIGINS="https://kim.klatenkab.go.id",
            EMAIL_HOST="smtp.klatenkab.go.id",
            EMAIL_PORT="465",
            EMAIL_HOST_USER="portal",
            EMAIL_HOST_PASSWORD="mail-password",
            EMAIL_USE_TLS="false",
        ),
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "EMAIL_HOST": "smtp.klatenkab.go.id",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "portal",
        "EMAIL_HOST_PASSWORD": "mail-password",
        "EMAIL_USE_TLS": False,
        "ALLOWED_HOSTS": ["kim.klatenkab.go.id", "www.kim.klatenkab.go.id"],
        "CSRF_TRUSTED_ORIGINS": ["https://kim.klatenkab.go.id"],
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def variables_read_by_the_code():
    """Names of environment variables read in portal/settings and the container scripts."""
    python_reads = re.compile(
        r"""(?:environ\.get|environ\[|getenv|env_list|env_bool)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
    )
    shell_reads = re.compile(r"\$\{([A-Z][A-Z0-9_]+)")
    names = {"DATABASE_URL"}  # read by dj_database_url.config()
    for path in (BASE_DIR / "portal" / "settings").glob("*.py"):
        names |= set(python_reads.findall(path.read_text()))
    for path in (BASE_DIR / "docker").glob("*"):
        names |= set(python_reads.findall(path.read_text()))
        names |= set(shell_reads.findall(path.read_text()))
    return names


def test_env_example_documents_every_variable_the_code_reads():
    documented = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (BASE_DIR / ".env.example").read_text(), re.M)
    )
    read = variables_read_by_the_code()

    assert {"SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST", "PORT"} <= read
    assert read - documented == set()


@pytest.mark.django_db
def test_static_files_are_served_in_tests_without_collectstatic(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "never-collected"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = client.get("/static/css/portal.css")

    assert response.status_code == 200
    assert not [w for w in caught if "No directory at" in str(w.message)]


@pytest.mark.parametrize(("value", "expected"), [(None, "True 5"), ("false", "None None")])
def test_postgresql_prepares_repeated_queries_unless_told_not_to(value, expected):
    """Prepared statements keep PostgreSQL's plans; PgBouncer in transaction mode cannot."""
    env = production_env(DATABASE_URL="postgres://portal@db.example:5432/portal")
    if value is not None:
        env["DB_PREPARED_STATEMENTS"] = value
    code = (
        "from django.conf import settings as s; o = s.DATABASES['default']['OPTIONS']; "
        "print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    )

    result = run_django("shell", "--no-imports", "-c", code, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_with_redis_every_cache_degrades_and_pages_are_kept_apart_from_fragments():
    script = (
        "from django.conf import settings as s; import json; print(json.dumps({a: [c['BACKEND'],"
        " c.get('KEY_PREFIX')] for a, c in s.CACHES.items()}))"
    )
    result = run_django(
        "shell",
        "--no-imports",
        "-c",
        script,
        **production_env(REDIS_URL="redis://127.0.0.1:1/0", CACHE_KEY_PREFIX="klaten"),
    )

    assert result.returncode == 0, result.stderr
    caches = json.loads(result.stdout)
    # In front of Redis, each process's own few pages, fragments and values (pagecache.stores).
    for layer in ("default-local", "pages-local", "fragments-local"):
        assert caches.pop(layer)[0] == "django.core.cache.backends.locmem.LocMemCache"
    assert {backend for backend, _ in caches.values()} == {"pagecache.backends.ResilientRedisCache"}
    assert {prefix for _, prefix in caches.values()} == {
        "klaten",
        "klaten:pages",
        "klaten:fragments",
        "klaten:renditions",
    }
