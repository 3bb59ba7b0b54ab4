import pytest

from moderation.checks.links import find_urls, government_lookalike, link_problems

pytestmark = pytest.mark.django_db


def kinds(url):
    return sorted({kind for kind, _reason in link_problems(url)})


@pytest.mark.parametrize(
    "url",
    [
        "https://bit.ly/bansos-2025",
        "s.id/daftar-cpns",
        "https://tinyurl.com/kuota-gratis",
        "cutt.ly/blt",
        "https://shorturl.at/abcde",
        "https://klatenkab-go.id/pendaftaran",
        "https://kIatenkab.go.id/pendaftaran",
        "https://kiatenkab.go.id/",
        "https://go-id.com/klaten",
        "https://klatenkab.go.id.xyz/login",
        "https://klatenkab.gov.id/",
        "https://xn--kltenkab-xxx.go.id/",
        "http://103.21.8.4/bansos",
        "http://klatenkab.go.id/files/formulir.zip",
        "https://undangan-nikah.site/undangan.apk",
        "http://example.com/setup.exe",
    ],
)
def test_suspicious_links_are_recognised(url):
    assert kinds(url) == ["suspicious"]


@pytest.mark.parametrize(
    "url",
    [
        "https://klatenkab.go.id/berita/kerja-bakti",
        "https://www.komdigi.go.id/",
        "https://sengon.desa.id/profil",
        "https://kominfo.klatenkab.go.id/files/formulir.pdf",
        "https://dinkes.karanganyarkab.go.id/",
        "https://www.youtube.com/watch?v=abc",
        "https://play.google.com/store/apps/details?id=id.go.klaten",
        "https://klatenkab.go.id/unduh/aplikasi.apk",
        "mailto:kim@klatenkab.go.id",
        "/berita/kerja-bakti",
        "https://turnbackhoax.id/",
        "https://www.cargo-id.com/",
    ],
)
def test_ordinary_links_are_not_suspicious(url):
    assert kinds(url) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://slotgacor88.xyz/",
        "https://situstoto.site/daftar",
        "https://hoki88.vip",
        "https://zeus138.win",
        "https://klatenkab.go.id/slot-gacor-maxwin/",
        "https://bet365.com/",
        "https://dominoqq.club/",
    ],
)
def test_gambling_sites_are_recognised(url):
    assert "gambling" in kinds(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://slot-vaksin.klatenkab.go.id/",
        "https://fototoko.id/",
        "https://alphabet.com/",
        "https://warung88.com/",
        "https://klatenkab.go.id/berita/polisi-tangkap-bandar",
    ],
)
def test_look_alike_addresses_are_not_gambling(url):
    assert "gambling" not in kinds(url)


def test_the_reason_names_the_problem():
    assert "huruf I kapital" in government_lookalike("kIatenkab.go.id", "kiatenkab.go.id")
    assert "klatenkab.go.id" in government_lookalike("kiatenkab.go.id", "kiatenkab.go.id")
    assert government_lookalike("klatenkab.go.id", "klatenkab.go.id") == ""


def test_addresses_are_found_in_plain_text():
    text = "Daftar di bit.ly/abc, info di https://klatenkab.go.id/info. Jl.Mawar No.5, dll."
    assert [url for _s, _e, url in find_urls(text)] == [
        "bit.ly/abc",
        "https://klatenkab.go.id/info",
    ]


# --- links in posts, hidden ones included -------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        '<p>Kerja bakti.</p><a href="https://gacor88.xyz" style="display:none">slot</a>',
        '<p>Kerja bakti.<span style="font-size:0"><a href="https://toto4d.site">x</a></span></p>',
        '<p>Kerja bakti.</p><div hidden><a href="https://situs-slot.top/">info</a></div>',
        '<p>Kerja bakti.<a href="https://maxwin.win/" style="color:#fff">info</a></p>',
        '<div style="background:#000"><a href="https://hoki88.vip" style="color:#000">.</a></div>',
        '<p><a href="https://pola-gacor.online" style="position:absolute;left:-9999px">'
        "kerja bakti</a></p>",
        '<style>.seo{display:none}</style><p class="seo"><a href="https://rtp-live.top">rtp</a>'
        "</p><p>Kerja bakti.</p>",
        '<p>Kerja bakti <span style="visibility:hidden">slot gacor maxwin</span></p>',
    ],
)
def test_hidden_gambling_links_and_text_are_flagged(html, codes_for):
    assert codes_for(html, only="gambling") == ["gambling"]


@pytest.mark.parametrize(
    "html",
    [
        '<p>Kerja bakti.</p><a href="https://example.org/x" style="display:none">lihat</a>',
        '<p>Kerja bakti <a href="https://example.org/x">.</a></p>',
        '<p>Kerja bakti <a href="https://example.org/x" style="opacity:0">di sini</a></p>',
    ],
)
def test_hidden_links_to_other_sites_are_suspicious(html, codes_for):
    assert codes_for(html, only="suspicious_link") == ["suspicious_link"]


@pytest.mark.parametrize(
    "html",
    [
        '<p>Baca <a href="https://klatenkab.go.id/berita">berita resmi</a>.</p>',
        '<p><a href="https://klatenkab.go.id/"><img src="/logo.png" alt="Logo Klaten"></a></p>',
        '<p>Jadwal <a href="https://slot-vaksin.klatenkab.go.id/">slot vaksin</a>.</p>',
        '<p style="color:#333">Teks abu-abu tua tetap terbaca: <a href="https://bps.go.id/">'
        "BPS</a></p>",
    ],
)
def test_visible_ordinary_links_are_not_flagged(html, codes_for):
    assert codes_for(html, only="suspicious_link") == []
    assert codes_for(html, only="gambling") == []


def test_link_flags_point_at_the_address(seeded_rules):
    from moderation.checks import post_input_from_text, run_checks

    post = post_input_from_text("Info", "Daftar bansos lewat bit.ly/bansos3jt sekarang.")
    flag = run_checks(post, rules=seeded_rules, codes={"suspicious_link"})[0]
    assert flag.excerpt == "bit.ly/bansos3jt"
    assert post.body[0].text[flag.start : flag.end] == "bit.ly/bansos3jt"
    assert "pemendek tautan" in flag.message


@pytest.mark.parametrize(
    "url",
    [
        "https://disdukcapil-klaten.xyz/update",
        "kemensos-bansos.online/cek",
        "https://pkh-kemensos.blogspot.com",
        "https://rekrutmen-pemkab-bogor.netlify.app",
        "https://dinkes-kabupaten.my.id/jkn",
        "http://disperta-jatim.g0.id/kartutani",
        "http://korlantas-polri.goid.site/sim",
        "https://bit.ly/vaksin-dinkes-jateng",
    ],
)
def test_offices_on_cheap_free_or_lookalike_domains_are_suspicious(url):
    assert kinds(url) == ["suspicious"]


@pytest.mark.parametrize(
    "url",
    [
        "https://disdukcapil.klatenkab.go.id/layanan",
        "https://panggungharjo.desa.id/layanan",
        "https://cekbansos.kemensos.go.id",
        "https://www.bri.co.id/",
        "https://batik-klaten.store/produk",
        "https://www.komdigi.go.id/berita/pemberantasan-judi-online",
    ],
)
def test_official_and_ordinary_shop_domains_are_clean(url):
    assert kinds(url) == []


def test_link_text_showing_another_site_is_flagged():
    from moderation.checks.links import shown_domain_mismatch

    assert shown_domain_mismatch("disdukcapil.klatenkab.go.id", "http://dukcapil-klaten.site/")
    assert not shown_domain_mismatch("lapor.slemankab.go.id", "https://lapor.slemankab.go.id/a")
    assert not shown_domain_mismatch("www.lapor.go.id", "https://lapor.go.id")
    assert not shown_domain_mismatch("Baca selengkapnya", "https://example.com/")


@pytest.mark.parametrize(
    ("body", "codes"),
    [
        (
            'Perbarui data di <a href="https://dinsos-pemkab.com/data">dinsos.karanganyarkab.go.id'
            "</a>, isi NIK dan KK.",
            ["suspicious_link"],
        ),
        # Asking for NIK and OTP through an unofficial address that names an office.
        (
            "Klaim bantuan di https://dinsos-bantuan.com/klaim, masukkan NIK dan kode OTP.",
            ["suspicious_link"],
        ),
        # The same office address without asking for anything: a plain link.
        ("Berita lengkap ada di https://dinsos-bantuan.com/berita tentang penyaluran.", []),
        # An official site asking for a NIK is the office's own form.
        ("Cek status di https://cekbansos.kemensos.go.id dengan NIK Anda.", []),
    ],
)
def test_credential_requests_through_office_lookalikes_are_flagged(body, codes, codes_for):
    assert codes_for(body, only="suspicious_link") == codes
