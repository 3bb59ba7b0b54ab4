import pytest

from moderation.checks.personal_data import find_personal_data, plausible_nik

# The seeded rules are read from the test database.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Warga atas nama Sri Lestari, NIK 3310014507900001, belum menerima bantuan.",
        "No. KK: 3404 0123 0511 0007 milik keluarga Pak Harjo.",
        "Nomor 3310-01-450790-0001 tercatat di daftar penerima.",
        # Labelled as a NIK: flagged even if the digits do not follow the layout.
        "NIK: 1234567890123456",
        "Informasi lebih lanjut hubungi Bu Sri di 0812-3456-7890.",
        "Hubungi Mas Andi (0857 2233 4455) untuk pendaftaran.",
        "Kontak panitia: +62 812 3456 7890.",
        "WA 6281234567890 untuk pemesanan.",
        "Bapak Slamet, warga Jl. Melati No. 12, RT 03/RW 05, Desa Sengon, mendapat bantuan.",
        "Rumah Ibu Wartini di Gg. Kenanga No. 7 rusak berat akibat angin kencang.",
        "Almarhum Suparno beralamat di Dusun Krajan RT 02 RW 04 Desa Sengon.",
    ],
)
def test_personal_data_is_flagged(text, codes_for):
    assert find_personal_data(text)
    assert codes_for(text, only="personal_data") == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        # A public office's numbers.
        "Pengaduan dapat disampaikan ke Kantor Kecamatan Prambanan, telepon (0272) 321046.",
        "Dalam keadaan darurat hubungi call centre 112.",
        "Hotline Posko Banjir Kecamatan: 0811-2233-4455.",
        "Layanan Puskesmas Jogonalan via WhatsApp 0813 9000 1122 setiap hari kerja.",
        "Nomor pengaduan Dinas Sosial 0812-2000-3000 melayani warga.",
        # Masked, implausible or other numbers.
        "NIK yang benar ditulis 331001******0001 agar aman.",
        "Nomor resi 0000123456789012 dapat dilacak di kantor pos.",
        "NPWP 01.234.567.8-901.000 milik koperasi.",
        "Jumlah penduduk 1.234.567 jiwa pada 2023.",
        "Kode transaksi 9912345678901234 berhasil.",
        # Addresses of institutions, and roles rather than homes.
        "Rapat dipimpin Pak Kades Sutrisno di Balai Desa Sengon, Jl. Raya Prambanan No. 5.",
        "Bu Sri, Ketua KIM, mengundang warga ke Gedung Serbaguna, Jl. Mawar No. 3.",
        "Ketua RT 03/RW 05 Pak Budi mengajak warga kerja bakti.",
        "Kerja bakti warga RT 03 RW 05 membersihkan selokan.",
    ],
)
def test_look_alikes_are_not_flagged(text, codes_for):
    assert codes_for(text, only="personal_data") == []


def test_nik_plausibility_follows_the_layout():
    assert plausible_nik("3310014507900001")  # Klaten, woman born 5 July 1990
    assert plausible_nik("3404010511850007")
    assert not plausible_nik("1010014507900001")  # no province 10
    assert not plausible_nik("3310011399900001")  # month 99
    assert not plausible_nik("3310013507900001")  # day 35 is neither a man's nor a woman's
    assert not plausible_nik("3310014507900000")  # serial 0000


def test_flag_points_at_the_number(codes_for):
    text = "Informasi lebih lanjut hubungi Bu Sri di 0812-3456-7890."
    finding = find_personal_data(text)[0]
    assert text[finding.start : finding.end] == "0812-3456-7890"
