import pytest

from moderation.checks.hoax import ClaimIndex, ClaimSpec, find_claims, terms

pytestmark = pytest.mark.django_db


def test_terms_are_roots_without_stop_words():
    assert terms("Vaksin corona mengandung microchip untuk melacak warga") == [
        "vaksin",
        "covid",
        "kandung",
        "chip",
        "lacak",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Close to the seeded wording.
        "Vaksin COVID-19 mengandung microchip untuk melacak keberadaan warga yang disuntik.",
        # Paraphrases: other word forms, word order and synonyms.
        "Hati-hati, di dalam vaksin corona sudah ditanam cip pelacak supaya keberadaan kita "
        "bisa diketahui.",
        "Minum rebusan daun sirih tiap pagi bisa menyembuhkan covid cuma dalam 3 hari lho.",
        "Kabar gembira! BLT tiga juta rupiah dari pemerintah sudah cair untuk semua warga, "
        "klik link ini lalu isi data KTP kalian.",
        "Info pendaftaran CPNS 2025 via WhatsApp, cukup bayar administrasi 500 ribu dijamin "
        "diterima.",
        "BMKG memperingatkan malam ini akan terjadi gempa besar disertai tsunami, segera "
        "mengungsi.",
        "Hati-hati, imunisasi MR bikin anak autis dan mandul nantinya.",
        "Nyamuk wolbachia sengaja disebar untuk menularkan radang otak kepada warga.",
        "Listrik di seluruh Jawa bakal padam total tiga hari mulai besok, siapkan lilin.",
        "Sertifikat tanah yang terbit sebelum tahun 1997 sudah tidak berlaku, tanah akan "
        "diambil negara.",
        "Ada penculik anak yang menyamar jadi orang gila untuk mengambil organ anak-anak.",
    ],
)
def test_hoaxes_and_their_paraphrases_are_flagged(text, codes_for):
    assert codes_for(text, only="hoax_match") == ["hoax_match"]


@pytest.mark.parametrize(
    "text",
    [
        # Debunks that quote the hoax.
        "Beredar kabar bahwa vaksin COVID-19 mengandung microchip untuk melacak warga. "
        "Faktanya, informasi tersebut adalah hoaks.",
        "[HOAKS] Bantuan BLT Rp 3 juta cair untuk semua warga cukup klik link. Kemensos "
        "menegaskan bantuan tidak pernah dibagikan lewat tautan.",
        "Pesan berantai tentang pendaftaran CPNS lewat WhatsApp dengan biaya Rp 500 ribu "
        "tidak benar. Pendaftaran hanya melalui SSCASN.",
        "Klarifikasi: BMKG tidak pernah memperingatkan gempa besar dan tsunami malam ini.",
        # Posts on the same topics that make no false claim.
        "Puskesmas Jogonalan membuka vaksinasi COVID-19 dosis lanjutan untuk lansia setiap Selasa.",
        "Penyaluran BLT Dana Desa tahap dua dilaksanakan di balai desa dengan membawa KTP.",
        "Seleksi CPNS tahun ini dibuka melalui portal SSCASN BKN tanpa dipungut biaya.",
        "BMKG mengimbau warga memahami jalur evakuasi tsunami di pesisir selatan.",
        "Kader posyandu mengajak orang tua membawa anak imunisasi MR bulan ini.",
        "Warga memanen daun sirih untuk dijual ke pasar tradisional.",
        "PLN mengumumkan pemeliharaan jaringan listrik di Kecamatan Prambanan pada Selasa "
        "pukul 09.00 sampai 12.00.",
        "Kantor pertanahan membuka layanan pemutakhiran data sertifikat tanah bagi warga.",
        "Polsek mengimbau orang tua mengawasi anak saat bermain di luar rumah.",
        "UMKM dapat mengajukan bantuan modal usaha melalui Dinas Koperasi dengan membawa KTP.",
        "Bupati meninjau pelaksanaan vaksinasi di Puskesmas Klaten Tengah.",
    ],
)
def test_debunks_and_related_topics_are_not_flagged(text, codes_for):
    assert codes_for(text, only="hoax_match") == []


def test_a_debunk_title_covers_the_whole_post(codes_for):
    body = "Vaksin COVID-19 mengandung microchip untuk melacak keberadaan warga yang disuntik."
    assert codes_for(body, title="Cek fakta: vaksin tidak berisi cip", only="hoax_match") == []
    assert codes_for(body, title="Waspadai vaksin", only="hoax_match") == ["hoax_match"]


def test_a_claim_added_by_editors_is_matched_at_once():
    index = ClaimIndex([ClaimSpec("Jembatan Sungai Dengkeng ambruk dan ditutup total", pk=1)])
    found = find_claims(
        [
            (
                "body",
                "Katanya jembatan di Sungai Dengkeng sudah ambruk, jalan "
                "ditutup total mulai hari ini.",
            )
        ],
        index,
    )
    assert [match.claim.pk for _key, match in found.values()] == [1]


def test_common_words_alone_do_not_match():
    index = ClaimIndex(
        [
            ClaimSpec("Vaksin mengandung babi sehingga haram", pk=1),
            ClaimSpec("Vaksin menyebabkan kemandulan pada perempuan", pk=2),
        ]
    )
    found = find_claims([("body", "Vaksin untuk anak tersedia di puskesmas.")], index)
    assert found == {}


def test_the_threshold_is_respected():
    index = ClaimIndex([ClaimSpec("Pemadaman listrik total se-Jawa selama tiga hari", pk=1)])
    text = [("body", "Ada pemadaman listrik di Jawa bagian selatan.")]
    assert find_claims(text, index, threshold=0.5)
    assert not find_claims(text, index, threshold=0.95)


ECTP = ClaimSpec(
    "Perekaman e-KTP dihentikan permanen karena blangko habis, warga tidak bisa mengurus bansos.",
    pk="ektp",
)
POLIO = ClaimSpec("Vaksin polio tetes di posyandu mengandung enzim babi dan membuat anak lumpuh.")


@pytest.mark.parametrize(
    "text",
    [
        # Spellings: blanko/blangko, KTP-el/e-KTP/KTP elektronik.
        "Blanko KTP-el sudah habis, perekaman KTP elektronik ditutup untuk selamanya. Yang "
        "belum rekam tidak akan dapat bansos.",
        # Javanese, word order changed.
        "Jare petugas, mulai sesuk ora ana perekaman e-KTP maneh amarga blangko wis entek, "
        "sing durung rekam ora iso ngurus bansos.",
        # The spreader's own denial does not make it a fact-check.
        "Perekaman e-KTP dihentikan karena blangko habis, yang belum rekam tidak dapat "
        "bansos. Ini bukan hoaks!",
    ],
)
def test_paraphrases_across_spellings_and_javanese_match(text):
    assert find_claims([("body", text)], ClaimIndex([ECTP, POLIO]))


@pytest.mark.parametrize(
    "text",
    [
        "Disdukcapil memastikan kabar perekaman e-KTP dihentikan karena blangko habis tidak "
        "benar. Perekaman tetap dibuka setiap hari kerja.",
        "Cek fakta: blangko KTP-el habis dan perekaman ditutup? Keliru.",
        # A named source denies it, the claim retold sentences later.
        "Kepala Dinas membantah pesan berantai itu. Pesan tersebut menyebut perekaman KTP "
        "elektronik dihentikan karena blangko habis sehingga warga tidak bisa mengurus bansos.",
    ],
)
def test_posts_refuting_the_claim_do_not_match(text):
    assert not find_claims([("body", text)], ClaimIndex([ECTP, POLIO]))


def test_shared_topic_words_alone_do_not_match():
    text = "Posyandu mengadakan imunisasi polio tetes untuk anak balita minggu depan."
    assert not find_claims([("body", text)], ClaimIndex([ECTP, POLIO]))


def test_javanese_function_words_are_not_claim_words():
    assert terms("Iki kabar sing wis nyebar karo kuwi") == ["nyebar"]
