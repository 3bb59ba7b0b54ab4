"""The public-page scan finds a hidden gambling link planted in the database, and nothing else."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from kim.roles import Role
from operations.models import AllowedDomain
from operations.scan import inspect_page
from operations.tasks import scan_public_pages_task
from tests.factories import GroupPageFactory, PostPageFactory, UserFactory

ALLOWED = {"go.id", "kim.id", "facebook.com", "portal.example.go.id"}
PAGE = "https://portal.example.go.id/kelompok/kim-sengon/kabar/"
GAMBLING = "https://slot-gacor88.example/daftar"


def findings(body):
    with translation.override("en"):
        page = f"<html><body>{body}</body></html>"
        return [str(f) for f in inspect_page(PAGE, page, ALLOWED)]


@pytest.mark.parametrize(
    "hidden",
    [
        f'<div style="display: none"><a href="{GAMBLING}">slot gacor</a></div>',
        f'<span style="visibility:hidden">judi online <a href="{GAMBLING}">x</a></span>',
        f'<p style="position:absolute; left:-9999px"><a href="{GAMBLING}">slot</a></p>',
        f'<p style="font-size:0"><a href="{GAMBLING}">slot</a></p>',
        f'<p style="color:#fff;background-color:#fff"><a href="{GAMBLING}">slot</a></p>',
        f'<p style="opacity:0"><a href="{GAMBLING}">slot</a></p>',
        f'<p hidden><a href="{GAMBLING}">slot</a></p>',
        f'<style>.x {{ display:none }}</style><div class="x"><a href="{GAMBLING}">slot</a></div>',
    ],
)
def test_every_way_of_hiding_a_link_is_reported(hidden):
    found = findings(f"<p>Jadwal posyandu.</p>{hidden}")

    assert any("hidden content" in f and GAMBLING in f for f in found), found
    assert any("outbound link" in f and GAMBLING in f for f in found), found


def test_hidden_text_without_a_link_and_zero_width_characters_are_reported():
    assert findings('<div style="display:none">slot gacor maxwin</div>')
    assert any("zero-width" in f for f in findings("<p>slot\u200bgacor</p>"))


def test_visible_links_to_allowed_domains_and_their_subdomains_pass():
    body = (
        '<p><a href="https://dinkes.klatenkab.go.id/jadwal">Dinkes</a> '
        '<a href="https://www.facebook.com/kimsengon">Facebook</a> '
        '<a href="/kelompok/">Kelompok</a> <a href="#isi">Isi</a> '
        '<a href="mailto:kim@example.go.id">Surat</a></p>'
        # The copy-link button, revealed by the share script, holds no link or text of its own.
        '<ul><li hidden><button type="button">Salin tautan</button></li></ul>'
    )
    assert findings(body) == []


def test_a_visible_link_to_a_domain_off_the_list_is_reported():
    found = findings('<p><a href="https://berita-lain.example.com/x">Baca</a></p>')

    assert found == [f"{PAGE}: outbound link: <a> to https://berita-lain.example.com/x"]


def test_editors_extend_the_allow_list_in_the_admin(db):
    domain = AllowedDomain.objects.create(domain="https://www.Jogjaprov.go.id/path")

    assert domain.domain == "jogjaprov.go.id"
    assert {"go.id", "kim.id", "facebook.com", "wa.me"} <= AllowedDomain.objects.hosts()


# --- against the running site -------------------------------------------------------------

live = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(region_tree):
    *_, village = region_tree
    group = GroupPageFactory(title="KIM Sengon", slug="kim-sengon", region=village)
    post = PostPageFactory(parent=group, title="Jadwal posyandu", slug="jadwal-posyandu")
    PostPageFactory(parent=group, title="Kerja bakti", slug="kerja-bakti", with_hero=True)
    return post


def plant_hidden_link(post):
    """What an attacker with the database's password does: no form, no revision, no review."""
    body = json.dumps(
        [
            {
                "type": "paragraph",
                "value": (
                    "<p>Jadwal posyandu bulan ini.</p>"
                    f'<div style="display:none"><a href="{GAMBLING}">slot gacor</a></div>'
                ),
                "id": "c0ffee00-0000-4000-8000-000000000000",
            }
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE kim_postpage SET body = %s WHERE page_ptr_id = %s", [body, post.pk])


@live
def test_the_scan_of_a_clean_site_finds_nothing(live_server, site, capsys):
    call_command("scan_public_pages", base_url=live_server.url)

    out = capsys.readouterr().out
    assert "0 temuan" in out
    assert "halaman dipindai" in out


@live
def test_the_scan_finds_a_hidden_gambling_link_planted_in_the_database(live_server, site, capsys):
    plant_hidden_link(site)

    with pytest.raises(CommandError, match="1 halaman dipindai|temuan"):
        call_command("scan_public_pages", base_url=live_server.url)

    out = capsys.readouterr().out
    assert f"{site.url}: konten tersembunyi: display:none: tautan ke {GAMBLING}" in out
    assert f"tautan keluar: <a> ke {GAMBLING}" in out


@live
def test_the_scheduled_scan_mails_the_editors_only_when_it_finds_something(
    live_server, site, settings
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    editor = UserFactory(username="editor", email="editor@example.go.id")
    editor.groups.add(Group.objects.get(name=Role.EDITOR.value))
    UserFactory(username="member", email="member@example.go.id")

    scan_public_pages_task.enqueue()
    assert mail.outbox == []

    plant_hidden_link(site)
    # The article the first scan saw is kept per revision, which the attacker did not change:
    # readers and crawlers get the planted link once that copy expires.
    for cache in caches.all():
        cache.clear()
    scan_public_pages_task.enqueue()

    [message] = mail.outbox
    assert message.to == ["editor@example.go.id"]
    assert GAMBLING in message.body
