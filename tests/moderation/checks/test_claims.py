import pytest

pytestmark = pytest.mark.django_db

LONG_ENOUGH = " Kegiatan ini diikuti warga dari seluruh dusun dengan tertib dan lancar."


@pytest.mark.parametrize(
    "text",
    [
        "Angka stunting di Klaten turun menjadi 12,5 persen tahun ini.",
        "Sebanyak 35% warga belum memiliki jamban sehat.",
        "Anggaran perbaikan jalan mencapai Rp 2,5 miliar.",
        "Bantuan sebesar Rp 600 ribu diberikan kepada setiap keluarga.",
        "Tercatat 1.250 kasus demam berdarah sepanjang tahun.",
        "Menurut data dinas, angka kemiskinan terus menurun.",
        "Berdasarkan survei, mayoritas warga puas dengan layanan puskesmas.",
        "Sebanyak 4.500 warga menerima bantuan pangan.",
        "Jumlah penduduk kecamatan ini 45.000 jiwa.",
        "Penelitian menunjukkan daun kelor mencegah anemia.",
    ],
)
def test_claims_without_a_source_are_flagged(text, codes_for):
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == ["missing_source"]


@pytest.mark.parametrize(
    "text",
    [
        "Kerja bakti dimulai pukul 07.00 pada 17 Agustus 2024 di RT 03.",
        "Sekitar 50 warga hadir membersihkan saluran air.",
        "Sebanyak 25 peserta mengikuti pelatihan menulis berita.",
        "Tiket masuk Rp 10.000 untuk dewasa.",
        "Jalan sepanjang 300 meter itu kini sudah dicor.",
        "Lomba diikuti 12 tim dari 4 dusun.",
    ],
)
def test_dates_small_counts_and_prices_are_not_claims(text, codes_for):
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == []


def test_a_source_removes_the_flag(codes_for):
    text = "Angka stunting turun menjadi 12,5 persen tahun ini."
    assert codes_for(text, only="missing_source", sources=["Dinas Kesehatan Klaten"]) == []
    assert (
        codes_for(
            text,
            only="missing_source",
            sources=[{"title": "", "url": "https://dinkes.klatenkab.go.id/"}],
        )
        == []
    )


def test_a_category_that_needs_a_source_is_flagged_without_any_claim(codes_for):
    text = "Warga bergotong royong membersihkan saluran air sebelum musim hujan."
    assert codes_for(text, only="missing_source", needs_source=True) == ["missing_source"]
    assert (
        codes_for(
            text, only="missing_source", needs_source=True, sources=["Pemerintah Desa Sengon"]
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Harga tiket masuk Rp 25 ribu untuk dewasa.",
        "Cukup deposit 10 ribu dapat bonus 100%.",
        "Diskon 66% untuk semua menu akhir pekan ini.",
        "Peserta wajib membeli kartu baru, harganya 75 ribu.",
    ],
)
def test_prices_fees_and_offers_are_not_statistics(text, codes_for):
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == []
