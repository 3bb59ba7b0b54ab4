"""New accounts read the admin in Indonesian, in Jakarta time; each user may choose otherwise."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.utils import formats, translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from kim.services import member_create
from tests.factories import PostPageFactory
from tests.kim.conftest import make_group

BASE_DIR = Path(__file__).resolve().parents[2]
# 03.30 UTC on Independence Day: 10.30 in Jakarta (WIB), 11.30 in Makassar (WITA).
UPDATED_AT = datetime(2026, 8, 17, 3, 30, tzinfo=UTC)
_PRINT_TIME_ZONE = "from django.conf import settings; print(settings.TIME_ZONE)"
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def group(db):
    return make_group("KIM Sekar Jagad", code="33.13.11.2001")


@pytest.fixture
def member(group):
    user, _ = member_create(
        group=group, full_name="Sri Lestari", username="sri", email="sri@example.test"
    )
    user.member_profile.must_change_password = False
    user.member_profile.save()
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def account_form(user, **changes):
    """The account settings form as the browser posts it, with `changes` made."""
    data = {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
    }
    data.update({f"locale-{name}": value for name, value in changes.items()})
    return data


def test_new_member_account_has_no_language_or_time_zone_of_its_own(member):
    profile = UserProfile.get_for_user(member)

    assert profile.preferred_language == ""
    assert profile.current_time_zone == ""
    assert profile.get_current_time_zone() == "Asia/Jakarta"


def test_new_member_reads_the_admin_in_indonesian_even_from_an_english_browser(member_client):
    response = member_client.get("/admin/", **ENGLISH_BROWSER)

    assert response.status_code == 200
    assert '<html lang="id"' in response.text
    assert "Dasbor" in response.text
    assert "Dashboard" not in response.text


def test_member_switches_the_admin_to_english_in_account_settings(member_client, member):
    response = member_client.post(
        "/admin/account/", account_form(member, preferred_language="en"), follow=True
    )

    assert response.redirect_chain[-1][0] == "/admin/account/"
    assert UserProfile.get_for_user(member).preferred_language == "en"
    dashboard = member_client.get("/admin/").text
    assert '<html lang="en"' in dashboard
    assert "Dashboard" in dashboard


def test_member_with_one_name_and_no_email_switches_to_english(client, group):
    wati, _ = member_create(group=group, full_name="Wati", username="wati")
    wati.member_profile.must_change_password = False
    wati.member_profile.save()
    client.force_login(wati)

    client.post("/admin/account/", account_form(wati, preferred_language="en"))

    assert UserProfile.get_for_user(wati).preferred_language == "en"
    wati.refresh_from_db()
    assert (wati.first_name, wati.last_name, wati.email) == ("Wati", "", "")


def test_account_settings_need_a_signed_in_user(client):
    response = client.get("/admin/account/")

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_member_switches_back_to_indonesian(member_client, member):
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()

    member_client.post("/admin/account/", account_form(member, preferred_language="id"))

    assert '<html lang="id"' in member_client.get("/admin/").text


def test_account_settings_offer_indonesian_time_zones(member_client):
    html = member_client.get("/admin/account/").text

    assert "Bahasa Indonesia" in html
    for zone in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"):
        assert f'value="{zone}"' in html


@pytest.fixture
def post_updated_on_independence_day(group, member):
    post = PostPageFactory(parent=group.page, owner=member, draft=True)
    Page.objects.filter(pk=post.pk).update(latest_revision_created_at=UPDATED_AT)
    return post


def test_explorer_dates_are_in_jakarta_time_and_indonesian_format(
    member_client, group, post_updated_on_independence_day
):
    html = member_client.get(f"/admin/pages/{group.page_id}/").text

    assert "17 Agu 2026, 10.30" in html


def test_explorer_dates_follow_the_members_own_time_zone(
    member_client, member, group, post_updated_on_independence_day
):
    profile = UserProfile.get_for_user(member)
    profile.current_time_zone = "Asia/Makassar"
    profile.save()

    html = member_client.get(f"/admin/pages/{group.page_id}/").text

    assert "17 Agu 2026, 11.30" in html


def test_numbers_use_indonesian_separators():
    with translation.override("id"):
        assert formats.localize(1234.5) == "1234,5"
        assert formats.number_format(1234567, force_grouping=True) == "1.234.567"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [({}, "Asia/Jakarta"), ({"TIME_ZONE": "Asia/Jayapura"}, "Asia/Jayapura")],
)
def test_default_time_zone_is_jakarta_and_configurable(environment, expected):
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", _PRINT_TIME_ZONE],
        cwd=BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
