"""Every private API listed in docs/UPGRADING.md still exists: an upgrade fails here first."""

import importlib
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from django.db.models.query import QuerySet

ROOT = Path(settings.BASE_DIR)


def attribute(dotted):
    module, _, name = dotted.rpartition(":")
    target = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


@pytest.mark.parametrize(
    "dotted",
    [
        "django_tasks_db:DatabaseBackend",
        "django_tasks_db.models:DBTaskResult.set_failed",
        "axes.handlers.database:AxesDatabaseHandler.get_failures",
        "oauthlib.oauth1.rfc5849.endpoints.base:BaseEndpoint._create_request",
        "wagtail.models.workflows:AbstractGroupApprovalTask._user_in_groups",
    ],
)
def test_private_callable_still_exists(dotted):
    assert attribute(dotted) is not None


def test_result_cache_file_committed_and_sqlite_backup_still_exist():
    assert hasattr(QuerySet(), "_result_cache")
    assert hasattr(FieldFile(None, FileField(), "photo.jpg"), "_committed")
    assert hasattr(sqlite3.Connection, "backup")


@pytest.mark.django_db
def test_task_result_fields_and_running_queryset_still_exist():
    from django_tasks_db.models import DBTaskResult

    fields = {field.name for field in DBTaskResult._meta.get_fields()}
    assert {"status", "task_path", "started_at", "run_after"} <= fields
    assert DBTaskResult.objects.running().count() >= 0


@pytest.mark.parametrize(
    ("field", "column"),
    [
        ("id", "id"),
        ("path", "path"),
        ("url_path", "url_path"),
        ("live", "live"),
        ("live_revision", "live_revision_id"),
        ("last_published_at", "last_published_at"),
    ],
)
def test_wagtail_page_columns_named_in_the_post_routing_sql_still_exist(field, column):
    from wagtail.models import Page

    assert Page._meta.get_field(field).column == column


def test_wagtail_still_caches_the_site_it_is_handed():
    from django.test import RequestFactory
    from wagtail.models import Site

    request = RequestFactory().get("/")
    request._wagtail_site = kept = object()

    assert Site.find_for_request(request) is kept


@pytest.mark.parametrize(
    ("copy", "original"),
    [
        ("admin_i18n/templates/wagtailadmin/home.html", "wagtailadmin/home.html"),
        (
            "portal/templates/wagtailadmin/home/account_summary.html",
            "wagtailadmin/home/account_summary.html",
        ),
    ],
)
def test_copied_wagtail_templates_still_have_an_original(copy, original):
    admin = Path(importlib.import_module("wagtail.admin").__file__).parent
    assert (ROOT / copy).exists()
    assert (admin / "templates" / original).exists()
