import pytest

from moderation.checks.words import MatchKind, WordMatcher, WordRuleSpec

pytestmark = pytest.mark.django_db


def terms_found(text, *rules):
    return [text[m.start : m.end] for m in WordMatcher(rules).find(text)]


# --- the matcher --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dasar goblok!",
        "dasar g0bl0k",
        "GOOBLOKKK kamu",
        "dasar g o b l o k",
        "g.o.b.l.o.k",
        "goblokmu itu",
        "dasar gob*ok",
        "g-o-b-l-o-k",
    ],
)
def test_spelling_tricks_are_read_through(text):
    assert terms_found(text, WordRuleSpec("goblok", "profanity"))


@pytest.mark.parametrize(
    "text", ["Gobi adalah gurun", "kebodohan harus diberantas", "Pembodohan publik", "Jalan Goblin"]
)
def test_other_words_that_contain_the_term_do_not_match(text):
    assert not terms_found(
        text, WordRuleSpec("goblok", "profanity"), WordRuleSpec("bodoh", "profanity")
    )


def test_a_phrase_matches_consecutive_words_only():
    rule = WordRuleSpec("slot gacor", "gambling")
    assert terms_found("main slot gacor hari ini", rule) == ["slot gacor"]
    assert not terms_found("slot pendaftaran gacor", rule)


def test_harmless_context_is_limited_to_the_sentence():
    rule = WordRuleSpec("anjing", "profanity", harmless_context=("peliharaan", "rabies"))
    assert not terms_found("Anjing peliharaan warga sudah divaksin.", rule)
    assert terms_found("Vaksin rabies sudah diberikan. Dasar anjing kau!", rule) == ["anjing"]


def test_harmless_context_matches_other_forms_of_the_word():
    rule = WordRuleSpec("anjing", "profanity", harmless_context=("pelihara",))
    assert not terms_found("Warga yang memelihara anjing wajib melapor.", rule)


def test_required_context_must_be_near():
    rule = WordRuleSpec("slot", "gambling", required_context=("gacor", "maxwin"))
    assert terms_found("Slot hari ini pasti maxwin", rule)
    assert not terms_found("Slot pendaftaran masih tersedia", rule)


def test_pattern_rules_report_the_matched_text():
    rule = WordRuleSpec(r"\b[a-z]+88\b", "gambling", match=MatchKind.PATTERN)
    assert terms_found("Daftar di hoki88 sekarang", rule) == ["hoki88"]


def test_prefix_rules_match_the_beginning_of_words():
    rule = WordRuleSpec("bajing", "profanity", match=MatchKind.PREFIX)
    assert terms_found("Dasar bajingan", rule) == ["bajingan"]


# --- the seeded word lists ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dasar goblok, kerja begitu saja tidak becus.",
        "Pejabatnya tolol semua.",
        "Bangsat kau yang merusak fasilitas umum!",
        "Dasar anjing lu, jalan rusak tidak diperbaiki.",
        "Kampret! Lampu jalan mati lagi.",
        "Babi kau, beraninya mencuri kotak amal.",
        "Dasar a.n.j.i.n.g, pagi-pagi sudah berisik.",
        "Kelakuanmu b@ngs4t sekali.",
        "Jangan katakan goblok kepada anak.",
    ],
)
def test_insults_are_flagged(text, codes_for):
    assert codes_for(text, only="profanity") == ["profanity"]


@pytest.mark.parametrize(
    "text",
    [
        "Anjing peliharaan warga wajib mendapat vaksin rabies gratis.",
        "Puskesmas membuka layanan vaksin rabies untuk anjing dan kucing.",
        "Kasus gigitan anjing meningkat, waspadai anjing liar.",
        "Peternakan babi di Dusun Krajan menerapkan biosekuriti ketat.",
        "Kandang babi milik warga dibersihkan untuk mencegah demam babi Afrika.",
        "Hama babi hutan merusak tanaman jagung.",
        "Kawanan monyet ekor panjang turun ke permukiman.",
        "Pak Harjo memiliki tahi lalat di pipi kiri.",
        "Pupuk dari tahi sapi dibagikan kepada kelompok tani.",
        "Kampret atau kelelawar kecil banyak bersarang di gua.",
        # Talking about name-calling, the word in quotes.
        "Kampanye anti-perundungan: \"Pernahkah kamu dipanggil 'bodoh' oleh temanmu?\"",
        'Kata-kata kasar seperti "goblok" melukai perasaan anak.',
        "Program ini memberantas kebodohan dan kemiskinan.",
    ],
)
def test_harmless_uses_are_not_flagged_as_insults(text, codes_for):
    assert codes_for(text, only="profanity") == []


@pytest.mark.parametrize(
    "text",
    [
        "Dasar kafir, pergi dari kampung ini!",
        "Usir Cina dari kampung kita.",
        "Ganyang etnis Madura!",
        "Antek aseng harus disingkirkan.",
        "Orang seperti itu halal darahnya.",
        "Bakar gereja itu!",
        "Ahmadiyah sesat dan harus dibubarkan.",
        "Dasar monyet Papua.",
        "Kadrun bikin rusuh lagi.",
    ],
)
def test_sara_hate_is_flagged(text, codes_for):
    assert codes_for(text, only="hate_speech") == ["hate_speech"]


@pytest.mark.parametrize(
    "text",
    [
        "Warga Tionghoa merayakan Tahun Baru Cina di klenteng dengan tertib.",
        "Kedutaan Besar China memberi beasiswa kepada pelajar Klaten.",
        "Umat Kristen dan Islam bergotong royong membangun jembatan desa.",
        "Penyuluh agama mengajak warga tidak mudah mengkafirkan sesama.",
        "Kesenian Madura tampil di alun-alun.",
        "Mahasiswa asal Papua belajar membatik bersama warga.",
        "Petugas memadamkan api yang membakar gudang dekat gereja.",
    ],
)
def test_neutral_mentions_of_groups_are_not_hate(text, codes_for):
    assert codes_for(text, only="hate_speech") == []


@pytest.mark.parametrize(
    "text",
    [
        "Main slot gacor hari ini pasti maxwin!",
        "Situs togel terpercaya, deposit pulsa tanpa potongan.",
        "Bocoran RTP live tertinggi malam ini.",
        "Daftar judi online sekarang dapat bonus new member 100%.",
        "Link alternatif slot88 anti rungkad.",
        "Pola scatter hitam mahjong ways 2.",
        "Gabung di zeus138 dan toto4d sekarang.",
        "Main s1ot gac0r di s.i.t.u.s resmi.",
    ],
)
def test_gambling_promotion_is_flagged(text, codes_for):
    assert codes_for(text, only="gambling") == ["gambling"]


@pytest.mark.parametrize(
    "text",
    [
        "Slot waktu pendaftaran posyandu dibuka pukul 08.00.",
        "Slot vaksin untuk lansia masih tersedia 50 orang.",
        "Daftar slot online antrean Dukcapil lewat aplikasi resmi.",
        "Burung murai milik Pak Harjo sangat gacor dan juara lomba kicau.",
        "Kota Bandar Lampung menjadi tuan rumah lomba.",
        "Jackpot! Panen padi tahun ini melimpah.",
        "Polres Klaten menangkap pelaku judi online di Prambanan.",
        "Stop judi online: kenali bahayanya bagi keluarga.",
        "Komdigi memblokir ribuan situs judi setiap pekan.",
    ],
)
def test_harmless_uses_are_not_gambling(text, codes_for):
    assert codes_for(text, only="gambling") == []


def test_one_flag_per_sentence_names_every_term(codes_for, seeded_rules):
    from moderation.checks import post_input_from_text, run_checks

    post = post_input_from_text("Promo", "Main slot gacor maxwin di hoki88 sekarang.")
    flags = run_checks(post, rules=seeded_rules, codes={"gambling"})
    assert len(flags) == 1
    assert "maxwin" in flags[0].message and "hoki88" in flags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Vaksinasi rabies gratis: bawa anjing dan kucing peliharaan ke balai desa. Petugas "
        "kesehatan hewan juga memeriksa anjing yang pernah menggigit warga.",
        "Kasus ASF ditemukan di Tabanan. Babi yang mati mendadak jangan dibuang ke sungai.",
        "Warga berburu babi hutan yang merusak ladang dengan membawa anjing pemburu.",
        "Semua sekolah tetap buka walau ada kasus cacar monyet di kota tetangga.",
    ],
)
def test_animal_words_in_animal_health_posts_are_not_insults(text, codes_for):
    assert codes_for(text, only="profanity") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tadi ada vaksinasi rabies anjing di balai desa. Petugasnya kayak babi, kerja tidak becus.",
        "Kasus rabies naik lagi. Dasar anjing kau, ditegur malah marah.",
    ],
)
def test_animal_words_aimed_at_people_are_insults_even_in_animal_posts(text, codes_for):
    assert codes_for(text, only="profanity") == ["profanity"]


@pytest.mark.parametrize(
    "text",
    [
        # Counted: animals, not people.
        "Marga-marga menyumbang 12 ekor babi untuk pesta bakar batu syukuran gereja.",
        "Pencarian dibantu seekor anjing dari satuan pengamanan bandara.",
        # Named or denied, without quotes.
        "Jangan melabeli anak dengan sebutan bodoh atau nakal di depan temannya.",
        "Ejekan seperti tolol, goblok atau julukan soal fisik termasuk perundungan verbal.",
        "Psikolog mengingatkan bahwa tidak ada anak yang bodoh.",
        # A sermon, and halal food.
        "Ustaz mengajak jamaah memperbanyak zikir agar terhindar dari godaan setan.",
        "Produk yang mengandung lemak babi tidak dapat disertifikasi halal.",
    ],
)
def test_counted_named_denied_or_religious_uses_are_not_insults(text, codes_for):
    assert codes_for(text, only="profanity") == []


@pytest.mark.parametrize(
    "text",
    [
        "Dasar babi kau, 12 ekor ayam tetangga kau curi.",
        "Tidak becus, goblok semua pegawainya.",
        "Kamu memang setan, tidak pernah ikut pengajian tapi suka memfitnah.",
    ],
)
def test_insults_next_to_those_contexts_are_still_insults(text, codes_for):
    assert codes_for(text, only="profanity") == ["profanity"]


@pytest.mark.parametrize(
    "text",
    [
        "Satreskrim menangkap pengelola rekening judi online. Tersangka dijerat pasal "
        "perjudian, dan polisi meminta warga tidak meminjamkan rekening untuk togel.",
        "Satpol PP menurunkan spanduk bertuliskan slot gacor dan bonus new member, lalu "
        "meminta warga melapor.",
        "Orang tua perlu tahu istilah gacor dan maxwin yang dipakai anak yang kecanduan.",
    ],
)
def test_news_about_gambling_is_not_promotion(text, codes_for):
    assert codes_for(text, only="gambling") == []


def test_gambling_invitation_is_flagged_even_when_it_mentions_blocking(codes_for):
    text = (
        "Main di server akun pro Thailand dijamin gampang menang. Daftar lewat link alternatif "
        "terbaru karena link lama kena blokir."
    )
    assert codes_for(text, only="gambling") == ["gambling"]


def test_topic_context_needs_the_topic_word_somewhere_in_the_post():
    rule = WordRuleSpec("babi", "profanity", topic_context=("asf",))
    matcher = WordMatcher([rule])
    text = "Pedagang itu babi semua."
    assert matcher.find(text)
    assert not matcher.find(text.replace("itu", "pasar"), topic=frozenset({"asf"}))
