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


@pytest.mark.parametrize(
    "text",
    [
        # The group's own event: what happened there is its own observation.
        "Minggu pagi kelompok kami menggelar kerja bakti. Sebanyak 150 warga hadir membawa "
        "cangkul dan sabit.",
        "Panitia menggelar lomba tujuh belasan. Penonton lebih dari 2.000 orang memadati lapangan.",
        "Pada Senin, Pemdes Wonokerto menyalurkan BLT kepada 1.150 keluarga penerima.",
        "Koperasi kami menyalurkan 1.300 liter solar setiap minggu; sisa hasil usaha Rp 46 juta "
        "dibagikan kepada anggota.",
        # Sourced in the text.
        "\u201cCakupan imunisasi sudah 93 persen,\u201d kata Kepala Puskesmas Wedi, dr. Ratna.",
        "Camat Paliyan, Sugeng, menjelaskan kekeringan melanda enam desa. Sekitar 2.300 warga "
        "kesulitan air bersih.",
        # Emphasis and things handed out, not statistics.
        "Warga mendukung 100 persen tim sepak bola desa.",
        "Sebanyak 500 paket sembako disiapkan untuk lansia.",
        # Plain reported speech and requests.
        "Petugas loket bilang katanya berkas saya kurang satu.",
        "Kami minta pemda tegas melarang truk lewat jalan desa.",
    ],
)
def test_first_hand_reports_named_sources_and_plain_talk_are_not_claims(text, codes_for):
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == []


@pytest.mark.parametrize(
    "text",
    [
        # Hearsay keeps a figure a claim, even in a report of the group's own event.
        "Kelompok kami menggelar pertemuan. Katanya 1.500 anak sudah keracunan jajanan.",
        "Katanya mulai bulan depan harga pupuk naik 40 persen.",
        "Viral di media sosial, air rebusan daun sirsak ampuh menyembuhkan kanker.",
        "Jamu ini dijamin menurunkan gula darah dalam seminggu.",
        "Bupati sudah menetapkan semua tenaga honorer diberhentikan tahun depan.",
        "Gubernur resmi memberlakukan larangan truk melintas jalur selatan.",
        "Sebanyak 300 warga desa kami positif TBC.",
        # "dinas" names no one.
        "Menurut data dinas, 1.200 rumah belum teraliri listrik.",
        # A named source elsewhere does not vouch for a rumour or "menurut data".
        "Kepala Desa Sumber mengatakan kerja bakti digelar Minggu. Katanya 40 persen sumur "
        "sudah tercemar.",
        "Camat Wedi menjelaskan jadwal vaksinasi di balai desa. Remaja juga diajak ikut. "
        "Menurut data, 70 persen remaja kecanduan game.",
        "Tadi ada yang bilang katanya Pak Lurah sudah dapat info stok beras tinggal 20 persen.",
        "Harga tiket kapal naik 30 persen, kini Rp 400 ribu.",
        "Pada 2012 angka kemiskinan desa 40 persen dan kini tinggal 15 persen.",
        "Sudah diputuskan oleh pemerintah pusat, kebun warga akan diambil alih perusahaan.",
        "Jare kabar sing beredar, wis luwih saka 3.000 wong kena demam berdarah.",
        "Kabarnya 5.000 tenaga honorer akan diberhentikan tahun depan.",
        "Kata dokter, minum air es setelah makan bisa menyebabkan kanker usus.",
        "Tercatat lebih dari 1.500 TKW pulang dalam keadaan sakit tahun ini.",
    ],
)
def test_rumours_cures_decisions_and_unattributed_figures_are_claims(text, codes_for):
    assert set(codes_for(text + LONG_ENOUGH, only="missing_source")) == {"missing_source"}


def test_a_fact_check_retelling_a_cure_needs_no_source_for_it(codes_for):
    text = (
        "Hoaks: pesan berantai menyebut air rebusan daun sirih ampuh menyembuhkan covid. "
        "Tidak benar, tidak ada obat rumahan yang menyembuhkan covid."
    )
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == []


def test_a_sentence_flagged_as_a_hoax_gets_no_second_flag_for_its_source(codes_for):
    hoax = (
        "Sudah terbukti, air rebusan daun sirih diminum tiap pagi bisa menyembuhkan covid "
        "dalam tiga hari."
    )
    assert codes_for(hoax + LONG_ENOUGH, only="missing_source") == ["missing_source"]
    assert codes_for(hoax + LONG_ENOUGH).count("missing_source") == 0
    assert "hoax_match" in codes_for(hoax + LONG_ENOUGH)


@pytest.mark.parametrize(
    "text",
    [
        # The paragraph names the source, after the figure or sentences before it.
        "Jumlah wisatawan selama libur Lebaran mencapai 120 ribu orang. Angka itu disampaikan "
        "Kepala Dinas Pariwisata Samosir dalam rapat evaluasi, Senin.",
        "Dinas Kesehatan Kabupaten Sikka memaparkan perkembangan demam berdarah dalam rapat "
        "koordinasi di Maumere. Dua pasien anak meninggal dunia. Sepanjang November tercatat "
        "214 kasus.",
        "Menurut Dinkes Bantul, sejak Januari sudah ada 46 kasus leptospirosis.",
        "Kata Pak Lurah dalam rapat RW, realisasi pembayaran PBB baru 61 persen.",
        "Dikutip dari laman resmi Kementerian Kesehatan, tahun lalu tercatat 400 ribu kasus "
        "malaria.",
        "Sesuai petunjuk teknis PPDB dari Dinas Pendidikan, kuota jalur zonasi 50 persen dan "
        "prestasi 30 persen.",
        "Retribusi mengikuti Perda Nomor 5 Tahun 2023. Kios tertutup dikenai Rp 150 ribu "
        "per bulan.",
        # Limits, price lists and history.
        "Gabah dibeli dengan kadar air maksimal 25 persen.",
        "Harga tiket kelas ekonomi Rp 310 ribu dan kelas eksekutif Rp 360 ribu per orang.",
        "Jalur kereta ini dibangun antara tahun 1887 dan 1891. Di Lembah Anai kemiringannya "
        "mencapai 7 persen.",
        # The group's own records and a recent day of its own work.
        "Bank sampah kami buka setiap Rabu. Total tabungan nasabah yang tercatat di buku kami "
        "bulan ini Rp 4,7 juta.",
        "Ngecor gang wetan masjid rampung Minggu kemarin. Dana swadaya terkumpul Rp 14 juta.",
        "Wakil Bupati Sinjai menyerahkan 15 ribu bibit kakao kepada kelompok tani, Kamis.",
        "Pemilihan digelar panitia desa. Dari 1.412 pemilih, sebanyak 1.087 orang menggunakan "
        "hak pilihnya.",
        # Instructions and specifications.
        "Lap meja dan gagang pintu dengan alkohol 70 persen.",
        "Tuang adonan ke cetakan sampai 90 persen penuh.",
    ],
)
def test_figures_sourced_in_the_paragraph_limits_price_lists_and_history_are_not_claims(
    text, codes_for
):
    assert codes_for(text + LONG_ENOUGH, only="missing_source") == []


def test_history_is_counted_back_from_the_year_given():
    from moderation.checks.claims import find_claims

    text = "Jembatan ini dibangun pada 2015. Anggarannya mencapai Rp 3 miliar."
    assert find_claims(text, this_year=2040) == []
    assert find_claims(text, this_year=2020) != []
