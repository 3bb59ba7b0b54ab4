import gettext
import json
import re
import shutil
import subprocess
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from admin_i18n.catalogues import (
    DOMAINS,
    IDENTICAL_IN_INDONESIAN,
    measure,
    placeholders,
    read_po,
    wagtail_catalogues,
)
from tests.factories import PostPageFactory

LOCALE_DIR = Path(__file__).resolve().parents[2] / "admin_i18n" / "locale" / "id" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def coverage():
    return {domain: measure(domain) for domain in DOMAINS}


@pytest.mark.parametrize("domain", DOMAINS)
def test_wagtail_messages_come_out_in_indonesian(coverage, domain):
    result = coverage[domain]
    assert result.total > (1500 if domain == "django" else 50)
    missing = [entry.msgid for entry in result.missing]
    assert result.percent >= 95, f"{result.percent:.1f}% translated; missing e.g. {missing[:20]}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_keeps_the_placeholders_of_its_message(domain):
    broken = []
    for entry in read_po(LOCALE_DIR / f"{domain}.po"):
        allowed = [placeholders(entry.msgid)]
        if entry.msgid_plural is not None:
            allowed.append(placeholders(entry.msgid_plural))
        broken += [
            (entry.msgid, text) for text in entry.msgstr if placeholders(text) not in allowed
        ]
    assert broken == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_passes_msgfmt_check(domain, tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext tools are not installed")
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(LOCALE_DIR / f"{domain}.po")],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("domain", DOMAINS)
def test_committed_mo_file_matches_the_po_file(domain):
    with open(LOCALE_DIR / f"{domain}.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    for entry in read_po(LOCALE_DIR / f"{domain}.po"):
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is not None:
            key = (key, 0)
        assert compiled.get(key) == entry.msgstr[0], f"recompile the .mo: {entry.msgid!r}"


def test_identical_words_are_wagtail_messages():
    msgids = {
        entry.msgid
        for domain in DOMAINS
        for path in wagtail_catalogues(domain).values()
        for entry in read_po(path)
    }
    assert IDENTICAL_IN_INDONESIAN <= msgids


@pytest.mark.parametrize("count", [1, 2, 17])
def test_plural_messages_read_well_for_one_and_many(count):
    with translation.override("id"):
        deleted = translation.ngettext(
            "%(num_parent_objects)d page has been deleted",
            "%(num_parent_objects)d pages have been deleted",
            count,
        ) % {"num_parent_objects": count}
        subpages = translation.ngettext(
            "This page has one child page", "This page has %(counter)s child pages", count
        ) % {"counter": count}
    assert deleted == f"{count} halaman telah dihapus"
    assert subpages == f"Halaman ini memiliki {count} subhalaman"


def test_overrides_of_wagtails_own_indonesian_are_the_reasoned_ones():
    with translation.override("id"):
        # Project terms, as the portal's own messages and the members' guides say them.
        assert translation.gettext("Submit for moderation") == "Ajukan untuk moderasi"
        assert translation.gettext("Save draft") == "Simpan draf"
        assert translation.gettext("Unpublish") == "Batalkan terbit"
        # Wagtail's "Kata Kunci" means keyword; its "Username" is English.
        assert translation.gettext("Password") == "Kata sandi"
        assert translation.gettext("Username") == "Nama pengguna"
        # No reason to differ: Wagtail's own word.
        assert translation.gettext("Snippets") == "Potongan"


def wagtails_indonesian(domain):
    """The messages installed apps translate themselves, which Django merges with ours
    (Wagtail's catalogues are in id_ID folders, which gettext finds for "id")."""
    keys = set()
    for app in apps.get_app_configs():
        path = Path(app.path) / "locale" / "id_ID" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            keys |= {e.key for e in read_po(path) if all(e.msgstr) and not e.is_fuzzy}
    return keys


@pytest.mark.parametrize("domain", DOMAINS)
def test_our_catalogue_repeats_wagtails_only_with_a_reason(domain):
    theirs = wagtails_indonesian(domain)
    unexplained = [
        entry.msgid
        for entry in read_po(LOCALE_DIR / f"{domain}.po")
        if entry.key in theirs and not any(c.startswith("# Override: ") for c in entry.comments)
    ]
    assert unexplained == []


def test_command_reports_coverage_per_app_and_lists_missing_messages():
    out = StringIO()
    call_command("wagtail_translation_coverage", "--missing", stdout=out)
    report = out.getvalue()
    assert re.search(r"^\s+wagtail\.admin\s+\d+ / \d+\s+\d+\.\d%$", report, re.MULTILINE)
    total = re.search(r"total \(distinct messages\)\s+(\d+) / (\d+)\s+([\d.]+)%", report)
    assert total and float(total[3]) >= 95


def test_command_fails_below_the_minimum():
    with pytest.raises(SystemExit):
        call_command("wagtail_translation_coverage", "--min-percent", "100.1", stdout=StringIO())


@pytest.fixture
def admin_client_id(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "id"
    profile.save()
    client.force_login(user)
    return client


def _sidebar_labels(html):
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.DOTALL)
    return set(re.findall(r'"label": "([^"]*)"', props[1]))


@pytest.mark.django_db
def test_dashboard_speaks_indonesian(admin_client_id):
    response = admin_client_id.get("/admin/")
    html = response.text
    assert response.status_code == 200
    assert re.search(r"<title>\s*Dasbor", html)
    assert "Ringkasan situs" in html
    assert "Site summary" not in html
    labels = _sidebar_labels(html)
    assert {"Halaman", "Gambar", "Dokumen", "Laporan", "Pengaturan", "Bantuan"} <= labels
    assert not labels & {"Pages", "Images", "Documents", "Reports", "Settings", "Help", "Log out"}


@pytest.mark.django_db
def test_post_editor_actions_are_in_indonesian(admin_client_id):
    post = PostPageFactory()
    html = admin_client_id.get(f"/admin/pages/{post.pk}/edit/").text
    assert "Simpan draf" in html
    assert "Ajukan ke Moderasi KIM" in html  # nobody publishes a post directly
    assert ">Save draft<" not in html
    assert "Submit for moderation" not in html


@pytest.mark.django_db
def test_admin_javascript_catalogue_serves_our_translations(admin_client_id):
    script = admin_client_id.get("/admin/jsi18n/").text
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\n\s*\});", script, re.DOTALL)[1])
    assert catalog["Insert a block"] == "Sisipkan blok"
    assert catalog["Cancel"] == "Batal"


def test_relative_times_in_the_workflow_status_are_in_indonesian():
    with translation.override("id"):
        assert naturaltime(timezone.now() - timedelta(seconds=1)) == "1\xa0detik yang lalu"
        assert naturaltime(timezone.now() - timedelta(days=3)) == "3\xa0hari yang lalu"
