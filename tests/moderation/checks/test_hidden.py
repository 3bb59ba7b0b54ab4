"""Hidden text in any form is read by the checks, and the hiding itself is flagged."""

import pytest

from moderation.checks import post_input_from_text, run_checks
from moderation.checks.inputs import fold_lookalikes, readable
from moderation.checks.link_text import shown_domain_mismatch

pytestmark = pytest.mark.django_db

CLEAN = "Warga bergotong royong membersihkan saluran air di Dusun Krajan."
PROMO = "slot gacor maxwin"


def flags_for(body, seeded_rules, title="Kerja bakti"):
    return run_checks(post_input_from_text(title, body), rules=seeded_rules)


@pytest.mark.parametrize(
    "hidden",
    [
        f'<span style="display:none">{PROMO}</span>',
        f'<span style="display: none !important">{PROMO}</span>',
        f'<span style="visibility:hidden">{PROMO}</span>',
        f'<div style="position:absolute;left:-9999px">{PROMO}</div>',
        f'<span style="text-indent:-5000px">{PROMO}</span>',
        f'<span style="font-size:0">{PROMO}</span>',
        f'<span style="font-size:2px">{PROMO}</span>',
        f'<span style="font-size:0.1em">{PROMO}</span>',
        f'<span style="color:#ffffff">{PROMO}</span>',
        f'<span style="color:#fefefe">{PROMO}</span>',
        f'<span style="color:white;background:white">{PROMO}</span>',
        f'<span style="opacity:0">{PROMO}</span>',
        f'<span style="opacity:0.01">{PROMO}</span>',
        f'<div style="height:0;overflow:hidden">{PROMO}</div>',
        f"<span hidden>{PROMO}</span>",
        f"<noscript>{PROMO}</noscript>",
        f"<style>.x{{display:none}}</style><span class='x'>{PROMO}</span>",
    ],
)
def test_hidden_html_is_read_and_the_hiding_flagged(seeded_rules, hidden):
    flags = flags_for(f"<p>{CLEAN} {hidden}</p>", seeded_rules)
    found = {(f.code, f.field) for f in flags}
    assert ("hidden_text", "body") in found
    assert ("gambling", "body.hidden") in found
    assert next(f for f in flags if f.code == "hidden_text").blocks


def test_hidden_text_is_checked_for_personal_data_too(seeded_rules):
    flags = flags_for(
        f'<p>{CLEAN}<span style="display:none">NIK 3310150101010003</span></p>', seeded_rules
    )
    assert ("personal_data", "body.hidden") in {(f.code, f.field) for f in flags}


def test_a_hidden_link_is_flagged(seeded_rules):
    body = f'<p>{CLEAN}<a href="https://gacor88.xyz" style="display:none">daftar</a></p>'
    found = {(f.code, f.field) for f in flags_for(body, seeded_rules)}
    assert ("gambling", "body") in found and ("hidden_text", "body") in found


def test_entities_and_zero_width_characters_are_read_through(seeded_rules):
    body = f"<p>{CLEAN} s&#108;ot ga&#x63;or dan maxw\u200bin</p>"
    codes = {(f.code, f.field) for f in flags_for(body, seeded_rules)}
    assert ("gambling", "body") in codes
    assert ("hidden_text", "body") in codes


def test_a_plain_title_split_by_zero_width_characters_is_flagged(seeded_rules):
    flags = flags_for(f"<p>{CLEAN}</p>", seeded_rules, title="Slot ga\u200bcor hari ini")
    found = {(f.code, f.field) for f in flags}
    assert ("gambling", "title") in found and ("hidden_text", "title") in found


def test_look_alike_letters_are_read_as_latin():
    # Cyrillic o, full-width and mathematical bold letters.
    assert fold_lookalikes("sl\u043et ｇａｃｏｒ 𝐦𝐚𝐱𝐰𝐢𝐧") == "slot gacor maxwin"
    assert fold_lookalikes("Kabar baik… “warga” é") == "Kabar baik… “warga” é"
    assert readable("Slot &amp; ga\u200bcor") == ("Slot & gacor", ("zero-width characters",))


def test_clean_html_with_ordinary_styling_is_not_flagged(seeded_rules):
    body = (
        f'<p>{CLEAN} <strong>Penting</strong>: <span style="color:#b00020">batas 5 Mei</span>.'
        " Emoji keluarga 👨\u200d👩\u200d👧 tetap boleh.</p>"
    )
    assert "hidden_text" not in {f.code for f in flags_for(body, seeded_rules)}


@pytest.mark.parametrize(
    ("text", "url", "shown"),
    [
        ("klatenkab.go.id", "https://klatenkab-go-id.xyz/bansos", "klatenkab.go.id"),
        ("https://www.kemkes.go.id/vaksin", "https://kemkes.go.id.daftar.top/", "kemkes.go.id"),
        ("Info di www.bps.go.id", "https://bit.ly/3abc", "bps.go.id"),
        ("klatenkab.go.id", "https://kemkes.go.id/", "klatenkab.go.id"),
    ],
)
def test_a_link_showing_one_domain_and_opening_another_is_named(text, url, shown):
    assert shown_domain_mismatch(text, url) == shown


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("klatenkab.go.id", "https://klatenkab.go.id/berita"),
        ("www.klatenkab.go.id", "https://klatenkab.go.id/"),
        ("klatenkab.go.id", "https://dinkes.klatenkab.go.id/"),
        ("Baca selengkapnya", "https://example.org/"),
        ("", "https://example.org/"),
    ],
)
def test_a_link_whose_text_names_its_own_site_or_none_is_fine(text, url):
    assert shown_domain_mismatch(text, url) == ""


def test_a_mismatched_link_is_always_flagged_even_to_an_official_site(seeded_rules):
    body = f'<p>{CLEAN} Daftar di <a href="https://kemkes.go.id/">klatenkab.go.id</a>.</p>'
    flags = [f for f in flags_for(body, seeded_rules) if f.code == "suspicious_link"]
    assert flags and "klatenkab.go.id" in flags[0].message and flags[0].field == "body"
