import pytest

from moderation.checks.mask import mask_personal_data
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


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "Sumbangan ke no rekening BRI 0123-01-012345-50-1 a.n. Siti Aminah.",
            "0123-01-012345-50-1",
        ),
        ("Ini rekeningnya: Mandiri 1370012345678 an. Rudi Hartono.", "1370012345678"),
        ("Norek BCA 8720 1234 56 atas nama Dedi Kurniawan.", "8720 1234 56"),
        ("Nomor rekening BNI dia 0241 567 890 (Yuliana Pertiwi).", "0241 567 890"),
        ("Donasi ke rek BRI 3456.01.023456.50.9 an Wayan Sudarma.", "3456.01.023456.50.9"),
        # The owner's name ends with its sentence.
        (
            "Rekening BRI 0123-01-012345-50-1 a.n. Siti. Barang diantar ke balai desa.",
            "0123-01-012345-50-1",
        ),
        # No owner named, no institution in the sentence: someone's account.
        ("Transfer saja ke BRI 0123 4567 8901 234 sebelum Jumat.", "0123 4567 8901 234"),
    ],
)
def test_a_persons_bank_account_is_personal_data(text, number, codes_for):
    findings = find_personal_data(text)
    assert [text[f.start : f.end] for f in findings] == [number]
    assert "rekening bank" in findings[0].message
    assert codes_for(text, only="personal_data") == ["personal_data"]


@pytest.mark.parametrize(
    "text",
    [
        "Sumbangan melalui rekening BSI 7123456789 a.n. Panitia Renovasi Mushola Nurul Huda.",
        "Zakat dapat ditransfer ke rekening BPD DIY 001.221.000123 a.n. BAZNAS Kabupaten Sleman.",
        "Rekening Masjid Al-Ikhlas: BSI 7123456789, konfirmasi ke takmir.",
        "Infak pembangunan gereja: BRI 0123-01-000123-56-7 (Panitia Pembangunan Gereja).",
        "Iuran disetor ke rekening BUMDes Maju Jaya di Bank Jateng 2-034-05678-9.",
        # Amounts, not accounts.
        "Saldo rekening kas desa Rp 12.500.000 per akhir bulan.",
        "Rekening koperasi bertambah 12.500.000 rupiah tahun ini.",
    ],
)
def test_an_institutions_account_and_amounts_are_not_personal_data(text, codes_for):
    assert codes_for(text, only="personal_data") == []


def test_account_numbers_are_masked_wherever_quoted():
    assert (
        mask_personal_data("no rekening BRI 0123-01-012345-50-1 a.n. Siti Aminah")
        == "no rekening BRI 01**-**-******-*0-1 a.n. Siti Aminah"
    )
    # Dotted groups after a bank's name are an account, not an amount of money.
    assert mask_personal_data("rek BRI 3456.01.023456.50.9") == "rek BRI 34**.**.******.*0.9"
    assert mask_personal_data("Saldo rekening kas Rp 12.500.000.") == (
        "Saldo rekening kas Rp 12.500.000."
    )
