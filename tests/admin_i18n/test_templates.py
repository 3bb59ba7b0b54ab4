"""Wagtail templates with English written into them, overridden to go through gettext."""

import pytest
from wagtail.users.models import UserProfile

from tests.factories import PostPageFactory

pytestmark = pytest.mark.django_db


def test_dashboard_search_button_is_in_indonesian(admin_client):
    html = admin_client.get("/admin/").text

    assert 'value="Cari"' in html
    assert 'value="Search"' not in html


def test_header_actions_are_labelled_in_indonesian(admin_client):
    post = PostPageFactory()

    html = admin_client.get(f"/admin/pages/{post.pk}/edit/").text

    assert 'aria-label="Tindakan" id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html


def test_tags_help_text_is_in_indonesian(admin_client):
    post = PostPageFactory()

    html = admin_client.get(f"/admin/pages/{post.pk}/edit/").text

    assert "Daftar tag, dipisahkan dengan koma." in html
    assert "A comma-separated list of tags." not in html


def test_english_stays_english(admin_client, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()

    html = admin_client.get("/admin/").text

    assert 'value="Search"' in html
