"""The demo portal's content: categories, groups and the fragments posts are composed from.

Everything here is invented for the demo. People's names are made up; places are the real
districts, sub-districts and villages loaded from the region data. Texts are written in
Indonesian, as members would write them.
"""

from dataclasses import dataclass, field

DISTRICTS = ("33.10", "34.04", "33.13")  # Klaten, Sleman, Karanganyar

# slug, name, description, needs a source, illustration motif
CATEGORIES = (
    (
        "berita",
        "Berita",
        "Kabar terbaru dari desa dan kecamatan, ditulis anggota KIM dan diperiksa editor.",
        True,
        "news",
    ),
    (
        "pengumuman",
        "Pengumuman",
        "Jadwal layanan, pendaftaran dan pemberitahuan resmi untuk warga.",
        True,
        "notice",
    ),
    (
        "potensi-desa",
        "Potensi Desa",
        "Kekayaan alam, produk unggulan dan gagasan warga yang membangun desa.",
        False,
        "village",
    ),
    (
        "umkm",
        "UMKM",
        "Usaha mikro, kecil dan menengah milik warga: produk, cerita dan peluang.",
        False,
        "market",
    ),
    (
        "kesehatan",
        "Kesehatan",
        "Posyandu, imunisasi, pola hidup bersih dan layanan puskesmas.",
        True,
        "health",
    ),
    (
        "pertanian",
        "Pertanian",
        "Musim tanam, panen, pupuk dan kabar dari kelompok tani.",
        False,
        "farm",
    ),
    (
        "pendidikan",
        "Pendidikan",
        "Sekolah, perpustakaan desa, beasiswa dan kegiatan belajar warga.",
        False,
        "education",
    ),
    (
        "infrastruktur",
        "Infrastruktur",
        "Jalan, jembatan, irigasi, air bersih dan penerangan.",
        False,
        "infrastructure",
    ),
    (
        "budaya-wisata",
        "Budaya & Wisata",
        "Tradisi, kesenian dan tujuan wisata di sekitar kita.",
        False,
        "culture",
    ),
)


@dataclass(frozen=True)
class GroupSpec:
    name: str
    region_code: str
    kind: str = "kim"  # kim or community
    founded: int = 2019
    description: str = ""
    networks: tuple = ("instagram", "whatsapp")
    status: str = "active"

    @property
    def handle(self):
        return "".join(ch for ch in self.name.lower() if ch.isalnum())


# Interleaved across the three districts, so that a small --groups still covers all three.
# Some sub-districts have no group on purpose: coverage gaps are part of the story.
KIM_GROUPS = (
    GroupSpec(
        "Sekar Jagad",
        "33.13.11",
        founded=2016,
        networks=("instagram", "facebook", "whatsapp", "youtube"),
    ),
    GroupSpec("Guyub Rukun", "33.10.01.2001", founded=2018),
    GroupSpec(
        "Lereng Merapi",
        "34.04.17.2005",
        founded=2015,
        networks=("instagram", "facebook", "youtube"),
    ),
    GroupSpec("Sekar Arum", "33.13.07.2005", founded=2019),
    GroupSpec(
        "Tirta Kencana", "33.10.17.2011", founded=2017, networks=("instagram", "tiktok", "whatsapp")
    ),
    GroupSpec("Ngudi Kawruh", "34.04.16.2005", founded=2020),
    GroupSpec("Mekar Sari", "33.13.12", founded=2018, networks=("instagram", "facebook")),
    GroupSpec("Lurik Lestari", "33.10.12", founded=2021),
    GroupSpec("Sido Maju", "34.04.10", founded=2017),
    GroupSpec("Giri Sari", "33.13.06.1003", founded=2019, networks=("instagram", "tiktok")),
    GroupSpec("Sumber Rejeki", "33.10.14", founded=2020),
    GroupSpec(
        "Suara Warga", "34.04.07.2002", founded=2016, networks=("instagram", "x", "whatsapp")
    ),
    GroupSpec("Tunas Harapan", "33.13.02", founded=2022),
    GroupSpec("Gemah Ripah", "33.10.16", founded=2018),
    GroupSpec("Mitra Tani", "34.04.15", founded=2019),
    GroupSpec("Cahaya Desa", "33.13.15", founded=2021),
    GroupSpec("Ngesti Luhur", "33.10.04", founded=2017),
    GroupSpec("Wahana Informasi", "34.04.02", founded=2018, networks=("instagram", "facebook")),
    GroupSpec("Rukun Makaryo", "33.13.14", founded=2020),
    GroupSpec("Kabar Desa", "33.10.23.2001", founded=2022),
    GroupSpec("Sinar Mulya", "34.04.12", founded=2016),
    GroupSpec(
        "Karya Bhakti", "33.13.09", founded=2015, networks=("instagram", "facebook", "youtube")
    ),
    GroupSpec("Sekar Kedaton", "33.10.25", founded=2016),
    GroupSpec("Jagad Kawruh", "34.04.13", founded=2019),
    GroupSpec("Lintang Panjer", "33.13.13", founded=2021),
    GroupSpec("Manunggal", "33.10.20", founded=2018),
    GroupSpec("Margo Mulyo", "34.04.14", founded=2020),
    GroupSpec("Bina Warta", "33.13.08", founded=2017),
    GroupSpec(
        "Wijaya Kusuma", "33.10.21", founded=2019, networks=("instagram", "whatsapp", "youtube")
    ),
    GroupSpec("Sedyo Rukun", "34.04.05", founded=2021),
    GroupSpec("Adi Luhung", "33.13.04", founded=2022),
    GroupSpec("Candra Kirana", "33.10.08", founded=2018),
    GroupSpec("Warta Tani", "34.04.03", founded=2017),
    GroupSpec("Gotong Royong", "33.13.10", founded=2019),
    GroupSpec("Setya Tuhu", "33.10.05", founded=2020),
    GroupSpec("Tri Tunggal", "34.04.08", founded=2016),
    GroupSpec("Sri Rejeki", "33.13.01", founded=2023),
    GroupSpec("Melati", "33.10.19", founded=2021),
    GroupSpec("Pelita", "34.04.11", founded=2018),
    GroupSpec("Kenanga", "33.13.16", founded=2022),
    GroupSpec("Dharma Putra", "33.10.13", founded=2019),
    GroupSpec("Cipta Karya", "34.04.01", founded=2017),
    GroupSpec("Handayani", "33.10.03", founded=2020),
    GroupSpec("Amerta", "34.04.09", founded=2018),
    GroupSpec("Surya Kencana", "33.13.05", founded=2021),
)

# Registered but not yet active: no public page, shown as "forming" in the coverage report.
FORMING_GROUPS = (
    GroupSpec("Jenawi Bangkit", "33.13.17", founded=2025, status="forming"),
    GroupSpec("Minggir Sejahtera", "34.04.04", founded=2025, status="forming"),
)

COMMUNITIES = (
    GroupSpec(
        "Informasi Seputar Klaten",
        "33.10",
        kind="community",
        founded=2013,
        networks=("facebook", "instagram"),
        description=(
            "Grup Facebook warga Klaten untuk berbagi kabar lalu lintas, kejadian di sekitar, "
            "lowongan kerja dan barang hilang. Admin grup bermitra dengan Diskominfo untuk "
            "meluruskan kabar yang belum jelas dan meneruskan informasi resmi."
        ),
    ),
    GroupSpec(
        "Info Cegatan Jogja",
        "34.04",
        kind="community",
        founded=2012,
        networks=("facebook", "instagram", "x"),
        description=(
            "Komunitas warganet Yogyakarta yang saling mengabarkan kondisi jalan, cuaca, "
            "kejadian darurat dan kegiatan warga. Unggahan anggota diperiksa admin sebelum "
            "tayang, dan informasi penting dikonfirmasi ke instansi terkait."
        ),
    ),
    GroupSpec(
        "Merapi News",
        "34.04",
        kind="community",
        founded=2014,
        networks=("facebook", "instagram", "youtube"),
        description=(
            "Kanal informasi warga lereng Merapi: kabar aktivitas gunung dari sumber resmi, "
            "jalur evakuasi, cuaca dan kegiatan desa-desa di sekitar Merapi."
        ),
    ),
    GroupSpec(
        "Kabar Karanganyar",
        "33.13",
        kind="community",
        founded=2015,
        networks=("facebook", "instagram", "tiktok"),
        description=(
            "Halaman warga Karanganyar yang membagikan kabar harian dari kecamatan-kecamatan, "
            "agenda kegiatan dan promosi usaha warga."
        ),
    ),
    GroupSpec(
        "Lawu Update",
        "33.13",
        kind="community",
        founded=2017,
        networks=("instagram", "tiktok", "youtube"),
        description=(
            "Akun komunitas pecinta lereng Lawu: informasi wisata Tawangmangu dan sekitarnya, "
            "kondisi jalan, cuaca pegunungan dan agenda budaya."
        ),
    ),
    GroupSpec(
        "Relawan Info Klaten",
        "33.10",
        kind="community",
        founded=2018,
        networks=("facebook", "whatsapp"),
        description=(
            "Jaringan relawan yang membantu menyebarkan informasi kebencanaan, donor darah dan "
            "layanan darurat di Klaten, bekerja sama dengan relawan desa dan KIM."
        ),
    ),
)

SOCIAL_URLS = {
    "instagram": "https://www.instagram.com/{handle}/",
    "facebook": "https://www.facebook.com/groups/{handle}/",
    "x": "https://x.com/{handle}",
    "tiktok": "https://www.tiktok.com/@{handle}",
    "youtube": "https://www.youtube.com/@{handle}",
    "whatsapp": "https://whatsapp.com/channel/{handle}",
}

KIM_DESCRIPTIONS = (
    "<p>KIM {name} berdiri pada {founded} di {place}, {district}. Anggotanya perangkat desa, "
    "kader PKK, pemuda karang taruna dan petani yang terbiasa berbagi kabar di grup WhatsApp "
    "RT.</p><p>Kami meneruskan informasi resmi dari pemerintah desa, kecamatan dan kabupaten, "
    "memeriksa kebenarannya lebih dulu, lalu menyampaikan pertanyaan dan aspirasi warga "
    "kepada pihak yang berwenang.</p>",
    "<p>Kelompok Informasi Masyarakat {name} dibentuk pada {founded} untuk warga {place}. "
    "Kegiatan kami: menulis kabar desa, mempromosikan produk UMKM, mengelola papan informasi "
    "di balai desa dan akun media sosial resmi kelompok.</p><p>Setiap kabar dicek dan "
    "dicek ulang sebelum dibagikan: benar, bermanfaat dan tidak menyinggung SARA.</p>",
    "<p>KIM {name} adalah wadah warga {place} untuk <b>akses informasi, diskusi, "
    "implementasi, networking, diseminasi dan aspirasi</b>. Sejak {founded}, kami rutin "
    "meliput kegiatan posyandu, kelompok tani dan kegiatan budaya desa.</p><p>Ada "
    "pertanyaan tentang layanan desa? Sampaikan lewat akun resmi kami, pasti kami teruskan.</p>",
)

# Invented names, common in Central Java and Yogyakarta.
PEOPLE = (
    "Sri Wahyuni",
    "Bambang Suryanto",
    "Siti Aminah",
    "Joko Susilo",
    "Endang Lestari",
    "Agus Prasetyo",
    "Tri Handayani",
    "Sugeng Riyadi",
    "Wahyu Hidayat",
    "Dwi Astuti",
    "Rini Kurniasih",
    "Suparno",
    "Sutrisno",
    "Yuli Rahmawati",
    "Heru Santoso",
    "Lilik Sumarni",
    "Anik Setyowati",
    "Eko Purnomo",
    "Nur Hidayah",
    "Sri Mulyani",
    "Budi Santosa",
    "Ratna Dewi",
    "Marsono",
    "Suwarni",
    "Teguh Wibowo",
    "Puji Lestari",
    "Hadi Sutrisno",
    "Yanti Nurhayati",
    "Darmaji",
    "Wulan Sari",
    "Ahmad Fauzi",
    "Retno Wulandari",
    "Slamet Raharjo",
    "Kartini Wijayanti",
    "Dimas Saputra",
    "Fitri Handayani",
)

PRODUCTS = {
    "": (
        "keripik tempe",
        "emping melinjo",
        "gula aren",
        "madu klanceng",
        "rempeyek kacang",
        "jamu instan",
        "wedang uwuh",
        "kerupuk rambak",
        "sambal kemasan",
        "kripik singkong",
        "batik ciprat",
        "kerajinan bambu",
        "abon lele",
        "kopi bubuk",
    ),
    "33.10": ("kain lurik", "gerabah", "payung kertas", "beras organik", "tahu kuning"),
    "34.04": ("salak pondoh", "bakpia", "kopi Merapi", "jamur tiram", "tas anyaman"),
    "33.13": ("teh Kemuning", "intip goreng", "stroberi segar", "kopi Lawu", "jahe merah instan"),
}

CROPS = {
    "": ("padi", "jagung", "cabai", "kedelai", "kacang tanah", "bawang merah", "ubi jalar"),
    "33.10": ("padi", "padi Rojolele", "tembakau", "melon"),
    "34.04": ("salak", "padi", "cabai", "jamur"),
    "33.13": ("padi", "wortel", "kubis", "stroberi", "sawi"),
}

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class Story:
    """One kind of post; titles and texts are templates filled with a place and people."""

    category: str
    titles: tuple
    summary: str
    body: tuple
    quote: tuple = ()  # (text, attribution)
    tags: tuple = ()
    sources: tuple = ()  # (kind, title, description)
    when: str = ""  # "past" for reports, "future" for announcements of an event
    place: str = ""
    for_communities: bool = False
    extra: dict = field(default_factory=dict)


EYEWITNESS = (
    "eyewitness",
    "Liputan langsung anggota {kelompok}",
    "Foto dan catatan diambil langsung di lokasi kegiatan.",
)
VILLAGE_OFFICE = (
    "official",
    "Pemerintah Desa {desa}",
    "Keterangan sekretaris desa kepada anggota {kelompok}.",
)
SUBDISTRICT_OFFICE = (
    "official",
    "Kantor Kecamatan {kecamatan}",
    "Pemberitahuan tertulis yang dibagikan dalam rapat koordinasi kecamatan.",
)

STORIES = (
    # Berita
    Story(
        "berita",
        (
            "Warga {desa} Kerja Bakti Bersihkan Saluran Air Jelang Musim Hujan",
            "Gotong Royong Warga {desa} Bersihkan Selokan Sebelum Musim Hujan",
        ),
        "Puluhan warga {desa} turun membersihkan saluran air dan memangkas ranting pohon agar "
        "air hujan tidak meluap ke permukiman.",
        (
            "Sejak pukul {jam} pagi, warga dari beberapa RT di {desa}, Kecamatan {kecamatan}, "
            "berkumpul membawa cangkul, sabit dan karung. Mereka mengangkat sedimen dan sampah "
            "plastik yang menyumbat saluran di sepanjang jalan desa.",
            "Kerja bakti ini digelar setelah warga melaporkan genangan di beberapa titik saat "
            "hujan deras bulan lalu. Laporan itu dikumpulkan anggota {kelompok} dan diteruskan ke "
            "pemerintah desa.",
            "Sampah yang terkumpul dipilah: plastik dibawa ke bank sampah, sedangkan daun dan "
            "ranting dijadikan kompos oleh kelompok wanita tani.",
        ),
        quote=(
            "Kalau salurannya lancar, air tidak masuk ke rumah warga. Kuncinya jangan "
            "buang sampah ke selokan.",
            "{nama}, ketua RT di {desa}",
        ),
        tags=("gotong royong", "kerja bakti", "musim hujan"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
        when="past",
        place="Saluran desa {desa}",
    ),
    Story(
        "berita",
        (
            "Musrenbangdes {desa} Prioritaskan Perbaikan Jalan dan Posyandu",
            "Warga {desa} Usulkan Perbaikan Jalan Usaha Tani dalam Musrenbangdes",
        ),
        "Musyawarah perencanaan pembangunan desa {desa} menyepakati usulan prioritas tahun "
        "depan, mulai dari jalan usaha tani hingga alat timbang posyandu.",
        (
            "Musyawarah digelar di balai desa dan dihadiri perwakilan RT, kelompok tani, kader "
            "posyandu, karang taruna dan tokoh masyarakat. Setiap dusun menyampaikan usulan yang "
            "sudah dibahas di tingkat RT.",
            "Usulan yang paling banyak disuarakan adalah perbaikan jalan usaha tani yang rusak "
            "saat musim hujan. Kader posyandu juga meminta tambahan alat timbang dan alat ukur "
            "tinggi badan anak.",
            "Hasil musyawarah akan dibawa ke musyawarah tingkat kecamatan. {kelompok} akan "
            "mengabarkan perkembangan usulan ini kepada warga.",
        ),
        quote=(
            "Semua usulan kami catat. Tidak semua bisa tahun depan, tapi urutannya "
            "disepakati bersama.",
            "{nama}, perangkat Desa {desa}",
        ),
        tags=("musrenbang", "pembangunan desa"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
        when="past",
        place="Balai Desa {desa}",
    ),
    Story(
        "berita",
        (
            "Cek Fakta: Pesan Berantai Pendaftaran Bantuan Lewat Tautan Adalah Hoaks",
            "Hati-hati, Tautan Pendaftaran Bantuan Tunai yang Beredar di WhatsApp Palsu",
        ),
        "Pesan berantai yang meminta warga mengisi data pribadi lewat tautan untuk mendapat "
        "bantuan tunai tidak benar. Pendaftaran bantuan tidak pernah lewat tautan semacam itu.",
        (
            "Beberapa hari terakhir, warga di {kecamatan} menerima pesan WhatsApp berisi tautan "
            "pendaftaran bantuan tunai. Pesan itu meminta nomor KTP, nomor KK dan foto diri.",
            "Anggota {kelompok} mengecek kabar tersebut ke dinas sosial dan pemerintah desa. "
            "Hasilnya: tidak ada pendaftaran bantuan melalui tautan tersebut. Data penerima "
            "bantuan diusulkan lewat musyawarah desa dan diverifikasi petugas.",
            "<p><b>Yang perlu dilakukan warga:</b></p><ul><li>Jangan membuka tautan dan jangan "
            "mengisi data pribadi.</li><li>Jangan meneruskan pesan tersebut ke grup lain.</li>"
            "<li>Tanyakan ke perangkat desa atau pengurus KIM bila ragu.</li></ul>",
        ),
        quote=(
            "Saring dulu sebelum sharing. Kalau ragu, tanya ke desa atau ke kami.",
            "{nama}, {pengurus} {kelompok}",
        ),
        tags=("hoaks", "cek fakta", "literasi digital"),
        sources=(
            (
                "official",
                "Dinas Sosial {kabupaten}",
                "Dikonfirmasi melalui telepon oleh pengurus {kelompok}.",
            ),
            VILLAGE_OFFICE,
        ),
        for_communities=True,
    ),
    Story(
        "berita",
        (
            "Anggota {kelompok} Belajar Menulis Berita dan Mengelola Akun Resmi",
            "Pelatihan Jurnalistik Warga untuk Anggota KIM di {kecamatan}",
        ),
        "Anggota KIM di {kecamatan} mengikuti pelatihan menulis berita, memotret dengan "
        "ponsel dan mengelola akun media sosial resmi kelompok.",
        (
            "Pelatihan diisi narasumber dari Dinas Komunikasi dan Informatika {kabupaten}. Peserta "
            "belajar menyusun berita dengan rumus 5W+1H dan memeriksa kebenaran informasi sebelum "
            "dibagikan.",
            "Sesi praktik dilakukan langsung di sekitar balai desa. Peserta memotret kegiatan "
            "warga dengan ponsel, menulis keterangan foto, lalu mengunggahnya untuk diperiksa "
            "editor sebelum tayang.",
            "Peserta juga diingatkan untuk tetap tenang saat menerima komentar kasar di media "
            "sosial, menjawab pertanyaan yang sungguh-sungguh dengan cepat, dan melaporkan masalah "
            "serius kepada pengurus.",
        ),
        quote=(
            "Berita yang baik itu benar, jelas sumbernya dan bermanfaat bagi warga.",
            "{nama}, narasumber pelatihan",
        ),
        tags=("pelatihan", "jurnalistik warga", "kim"),
        sources=(
            (
                "official",
                "Diskominfo {kabupaten}",
                "Materi pelatihan yang dibagikan kepada peserta.",
            ),
            EYEWITNESS,
        ),
        when="past",
        place="Aula Kecamatan {kecamatan}",
    ),
    Story(
        "berita",
        (
            "Warga {desa} Aktifkan Lagi Ronda Malam Bergilir",
            "Ronda Malam di {desa} Kembali Digiatkan",
        ),
        "Warga {desa} kembali menjadwalkan ronda malam bergilir di setiap RT setelah beberapa "
        "kali ada laporan kehilangan barang.",
        (
            "Jadwal ronda disusun dalam pertemuan RT dan dibagikan lewat grup WhatsApp warga. "
            "Setiap malam, empat sampai enam warga berjaga di pos ronda.",
            "Selain berjaga, petugas ronda juga mengingatkan warga untuk mengunci pintu dan "
            "kendaraan. Kentongan di pos ronda kembali dipakai sebagai tanda bila ada kejadian.",
            "Pemerintah desa mengapresiasi inisiatif warga dan meminta setiap kejadian dilaporkan "
            "ke perangkat desa dan Bhabinkamtibmas setempat.",
        ),
        tags=("keamanan", "siskamling"),
        sources=(
            VILLAGE_OFFICE,
            ("eyewitness", "Pengurus RT di {desa}", "Keterangan langsung kepada anggota KIM."),
        ),
    ),
    Story(
        "berita",
        (
            "Simulasi Tanggap Bencana di {desa}, Warga Berlatih Jalur Evakuasi",
            "Warga {desa} Ikuti Latihan Evakuasi Bersama Relawan",
        ),
        "Ratusan warga {desa} mengikuti simulasi tanggap bencana: mengenali tanda bahaya, "
        "berjalan melalui jalur evakuasi dan berkumpul di titik kumpul.",
        (
            "Simulasi dimulai dengan bunyi sirene. Warga, termasuk lansia dan anak-anak, "
            "diarahkan relawan menuju titik kumpul di lapangan desa.",
            "Petugas mencatat waktu yang dibutuhkan setiap dusun untuk sampai ke titik kumpul. "
            "Catatan itu menjadi bahan evaluasi rencana kontinjensi desa.",
            "Warga diingatkan menyiapkan tas siaga berisi dokumen penting, obat-obatan, senter "
            "dan pakaian ganti, serta hanya mengikuti informasi dari sumber resmi.",
        ),
        quote=(
            "Latihan seperti ini membuat warga tidak panik kalau benar-benar terjadi.",
            "{nama}, relawan desa",
        ),
        tags=("bencana", "evakuasi", "relawan"),
        sources=(
            (
                "official",
                "BPBD {kabupaten}",
                "Skenario simulasi yang dibacakan petugas sebelum latihan.",
            ),
            EYEWITNESS,
        ),
        when="past",
        place="Lapangan Desa {desa}",
        for_communities=True,
    ),
    Story(
        "berita",
        (
            "Warga {kecamatan} Ramaikan Jalan Sehat dan Lomba Kampung Bersih",
            "Jalan Sehat Warga {kecamatan} Sekaligus Umumkan Juara Kampung Bersih",
        ),
        "Ribuan warga {kecamatan} mengikuti jalan sehat yang ditutup dengan pengumuman "
        "pemenang lomba kampung bersih antar-RT.",
        (
            "Rute jalan sehat sepanjang lima kilometer melewati jalan desa dan pematang sawah. "
            "Panitia menyediakan pos air minum dan petugas kesehatan di beberapa titik.",
            "Lomba kampung bersih dinilai dari pengelolaan sampah, tanaman di pekarangan dan "
            "kebersihan saluran air. Kampung pemenang mendapat bibit tanaman dan tempat sampah "
            "terpilah.",
        ),
        tags=("lingkungan", "olahraga"),
        sources=(SUBDISTRICT_OFFICE, EYEWITNESS),
        when="past",
        place="Lapangan Kecamatan {kecamatan}",
        for_communities=True,
    ),
    # Pengumuman
    Story(
        "pengumuman",
        (
            "Perekaman KTP Elektronik Keliling di Balai Desa {desa}, {tanggal}",
            "Layanan Jemput Bola KTP-el dan Kartu Identitas Anak di {desa}",
        ),
        "Petugas kependudukan membuka layanan perekaman KTP elektronik dan Kartu Identitas "
        "Anak di Balai Desa {desa} pada {tanggal}. Bawa fotokopi KK.",
        (
            "Layanan ini ditujukan terutama bagi warga yang baru berusia 17 tahun, lansia dan "
            "warga yang belum sempat datang ke kantor kependudukan.",
            "<p><b>Yang perlu dibawa:</b></p><ul><li>Fotokopi Kartu Keluarga.</li><li>Surat "
            "pengantar dari RT/RW bila diminta.</li><li>Untuk KIA: akta kelahiran dan pas foto "
            "anak di atas lima tahun.</li></ul>",
            "Layanan dibuka pukul {jam} sampai selesai, dengan kuota terbatas. Warga diminta "
            "mendaftar lebih dulu ke ketua RT masing-masing.",
        ),
        tags=("adminduk", "ktp elektronik", "layanan publik"),
        sources=(
            (
                "official",
                "Dinas Kependudukan dan Pencatatan Sipil {kabupaten}",
                "Surat pemberitahuan jadwal layanan keliling.",
            ),
            VILLAGE_OFFICE,
        ),
        when="future",
        place="Balai Desa {desa}",
        for_communities=True,
    ),
    Story(
        "pengumuman",
        (
            "Pembayaran PBB di {desa} Dibuka di Balai Desa hingga {tanggal}",
            "Pengingat: Bayar PBB Desa {desa} Sebelum {tanggal}",
        ),
        "Warga {desa} dapat membayar Pajak Bumi dan Bangunan di balai desa setiap hari kerja "
        "hingga {tanggal}. Bawa lembar SPPT.",
        (
            "Petugas desa melayani pembayaran setiap hari kerja pukul 08.00 sampai 13.00. Warga "
            "juga dapat membayar melalui kantor pos atau bank yang ditunjuk.",
            "Warga yang belum menerima lembar SPPT dapat menanyakannya kepada ketua RT atau "
            "langsung ke kantor desa.",
            "Pembayaran tepat waktu membantu desa menjalankan program pembangunan. Warga yang "
            "terlambat dapat dikenai denda sesuai aturan yang berlaku.",
        ),
        tags=("pajak", "pbb", "layanan publik"),
        sources=(VILLAGE_OFFICE,),
        when="future",
        place="Kantor Desa {desa}",
    ),
    Story(
        "pengumuman",
        (
            "Jalan di {desa} Ditutup Sementara untuk Pengecoran, {tanggal}",
            "Pengalihan Arus: Jalan Desa {desa} Dicor Mulai {tanggal}",
        ),
        "Jalan desa di {desa} ditutup sementara untuk pengecoran mulai {tanggal}. Pengendara "
        "diminta memakai jalur alternatif.",
        (
            "Penutupan berlangsung sekitar tujuh hari, menunggu cor mengering. Kendaraan roda "
            "empat diarahkan melalui jalan dusun sebelah utara.",
            "Warga yang rumahnya berada di ruas jalan tersebut tetap dapat melintas dengan "
            "berjalan kaki melalui papan pijakan yang disediakan pekerja.",
            "Pemerintah desa memohon maaf atas ketidaknyamanan ini dan meminta warga tidak "
            "melintas di atas cor yang belum kering.",
        ),
        tags=("jalan desa", "pengalihan arus"),
        sources=(VILLAGE_OFFICE,),
        when="future",
        place="Jalan desa {desa}",
        for_communities=True,
    ),
    Story(
        "pengumuman",
        (
            "Pendaftaran Pelatihan Kerja Gratis bagi Pemuda {kab} Dibuka",
            "Kesempatan Pelatihan Menjahit, Las dan Servis Ponsel untuk Warga {kab}",
        ),
        "Pelatihan keterampilan kerja gratis dibuka untuk warga {kab} usia 18 sampai 35 tahun. "
        "Pendaftaran ditutup {tanggal}.",
        (
            "Program pelatihan meliputi menjahit, pengelasan, servis ponsel dan pemasaran "
            "digital. Peserta mendapat sertifikat dan uang transport selama pelatihan.",
            "<p><b>Syarat pendaftaran:</b></p><ul><li>Warga {kab} dibuktikan dengan KTP.</li>"
            "<li>Usia 18 sampai 35 tahun.</li><li>Tidak sedang bersekolah atau kuliah.</li></ul>",
            "Pendaftaran dapat dilakukan di kantor desa atau kecamatan. Pendaftaran tidak dipungut "
            "biaya; waspadai pihak yang meminta uang atas nama panitia.",
        ),
        tags=("pelatihan kerja", "pemuda", "lowongan"),
        sources=(
            (
                "official",
                "Dinas Tenaga Kerja {kabupaten}",
                "Pengumuman pendaftaran yang diteruskan pemerintah kecamatan.",
            ),
        ),
        when="future",
        place="Balai Latihan Kerja {kab}",
        for_communities=True,
    ),
    Story(
        "pengumuman",
        (
            "Undangan Rapat Warga {desa}: Membahas Pengelolaan Sampah",
            "Rapat Warga {desa} Bahas Jadwal Pengangkutan Sampah, {tanggal}",
        ),
        "Pemerintah desa mengundang perwakilan RT dan warga {desa} membahas jadwal "
        "pengangkutan sampah dan iuran kebersihan pada {tanggal}.",
        (
            "Rapat membahas rencana pengangkutan sampah dua kali seminggu, pemilahan sampah dari "
            "rumah dan besaran iuran yang disepakati bersama.",
            "Warga yang tidak dapat hadir dapat menitipkan usulan kepada ketua RT atau melalui "
            "pengurus {kelompok}.",
        ),
        tags=("sampah", "lingkungan", "rapat warga"),
        sources=(VILLAGE_OFFICE,),
        when="future",
        place="Balai Desa {desa}",
    ),
    Story(
        "pengumuman",
        (
            "Vaksinasi Rabies Gratis untuk Anjing dan Kucing di {kecamatan}",
            "Jadwal Vaksinasi Hewan Peliharaan di {kecamatan}, {tanggal}",
        ),
        "Petugas peternakan membuka vaksinasi rabies gratis untuk anjing dan kucing di "
        "{kecamatan} pada {tanggal}.",
        (
            "Pemilik hewan diminta membawa hewan dalam keadaan sehat, memakai tali atau kandang "
            "agar aman saat antre.",
            "Hewan yang sudah divaksin akan mendapat kartu vaksinasi. Simpan kartu ini untuk "
            "vaksinasi berikutnya tahun depan.",
        ),
        tags=("kesehatan hewan", "vaksinasi"),
        sources=(
            (
                "official",
                "Dinas Pertanian dan Peternakan {kabupaten}",
                "Jadwal vaksinasi yang dibagikan ke kecamatan.",
            ),
        ),
        when="future",
        place="Halaman Kantor Kecamatan {kecamatan}",
    ),
    # Potensi Desa
    Story(
        "potensi-desa",
        (
            "Mata Air di {desa} Jadi Sumber Air Bersih dan Tempat Bermain Anak",
            "Menjaga Mata Air {desa} agar Tetap Jernih",
        ),
        "Mata air di {desa} mengalirkan air jernih sepanjang tahun. Warga sepakat menjaga "
        "kebersihannya dan mengelolanya bersama.",
        (
            "Mata air ini dipakai warga untuk kebutuhan sehari-hari dan mengairi sawah di "
            "sekitarnya. Pada sore hari, anak-anak bermain di kolam kecil yang dibuat warga.",
            "Pemuda karang taruna membuat papan larangan membuang sampah dan menanam pohon di "
            "sekitar mata air agar debit air tetap terjaga.",
            "Pemerintah desa berencana menata kawasan ini sebagai tempat wisata air sederhana yang "
            "dikelola BUMDes, tanpa mengurangi pasokan air untuk warga.",
        ),
        quote=(
            "Air ini warisan. Kalau kita rusak, anak cucu yang rugi.",
            "{nama}, tokoh masyarakat {desa}",
        ),
        tags=("mata air", "lingkungan", "bumdes"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "potensi-desa",
        (
            "Embung {desa} Dimanfaatkan untuk Budidaya Ikan Nila",
            "Dari Embung Desa, Warga {desa} Panen Ikan Nila",
        ),
        "Embung desa di {desa} kini tidak hanya menampung air hujan, tetapi juga menjadi tempat "
        "budidaya ikan nila yang dikelola kelompok pemuda.",
        (
            "Kelompok pemuda menebar {sedikit} ribu benih nila dengan jaring apung. Pakan dibeli "
            "dari iuran anggota dan sebagian dari dana BUMDes.",
            "Setelah sekitar empat bulan, ikan dipanen dan dijual ke warga serta warung makan di "
            "sekitar desa. Sebagian hasil disisihkan untuk membeli benih berikutnya.",
            "Air embung tetap dipakai untuk mengairi sawah saat kemarau, sehingga budidaya diatur "
            "agar tidak mengganggu kebutuhan petani.",
        ),
        tags=("perikanan", "embung", "bumdes"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
    ),
    Story(
        "potensi-desa",
        (
            "Bank Sampah {desa} Ubah Plastik Jadi Tabungan Warga",
            "Menabung Sampah di {desa}: Plastik Ditimbang, Saldo Bertambah",
        ),
        "Bank sampah yang dikelola ibu-ibu PKK {desa} menerima setoran plastik, kertas dan "
        "botol bekas yang ditimbang dan dicatat sebagai tabungan.",
        (
            "Setiap Minggu pagi, warga datang membawa sampah yang sudah dipilah dari rumah. "
            "Petugas menimbang dan mencatatnya di buku tabungan.",
            "Sampah yang terkumpul dijual ke pengepul. Tabungan warga bisa diambil menjelang hari "
            "raya atau dipakai membayar iuran kebersihan.",
            "Sejak bank sampah berjalan, tumpukan sampah di pinggir jalan desa berkurang dan "
            "selokan lebih jarang tersumbat.",
        ),
        quote=(
            "Awalnya yang menabung cuma sepuluh orang, sekarang hampir semua RT ikut.",
            "{nama}, pengelola bank sampah",
        ),
        tags=("bank sampah", "pkk", "lingkungan"),
        sources=(EYEWITNESS,),
        when="past",
        place="Bank Sampah {desa}",
    ),
    Story(
        "potensi-desa",
        (
            "Belajar Membatik hingga Menanam Padi di Kampung Edukasi {desa}",
            "Kampung Edukasi {desa} Ramai Dikunjungi Rombongan Sekolah",
        ),
        "Kampung edukasi di {desa} menawarkan kegiatan belajar membatik, menanam padi dan "
        "membuat makanan tradisional bagi rombongan sekolah.",
        (
            "Pengunjung diajak turun ke sawah, mencoba membajak dengan alat sederhana dan menanam "
            "bibit padi bersama petani.",
            "Di sanggar, anak-anak belajar mencanting batik dengan motif sederhana. Hasil karya "
            "boleh dibawa pulang sebagai kenang-kenangan.",
            "Pengelola melibatkan warga sebagai pemandu dan penyedia makanan, sehingga pendapatan "
            "dari kunjungan ikut dirasakan warga.",
        ),
        tags=("desa wisata", "edukasi", "batik"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "potensi-desa",
        (
            "Kelompok Ternak {desa} Kembangkan Kambing Peranakan Etawa",
            "Susu Kambing Etawa dari {desa} Mulai Dikemas dan Dijual",
        ),
        "Kelompok ternak di {desa} mengembangkan kambing peranakan etawa. Susunya mulai "
        "dikemas dan dijual ke warga sekitar.",
        (
            "Kelompok beranggotakan belasan peternak yang memelihara kambing di kandang "
            "kelompok. Pakan hijauan ditanam sendiri di lahan desa.",
            "Susu diperah setiap pagi, dipasteurisasi sederhana dan dikemas dalam botol. Kotoran "
            "kambing diolah menjadi pupuk organik untuk kebun warga.",
        ),
        quote=(
            "Peternakan kelompok lebih mudah dirawat karena kami bergiliran jaga.",
            "{nama}, ketua kelompok ternak",
        ),
        tags=("peternakan", "kambing etawa"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "potensi-desa",
        (
            "Pekarangan Bergizi: Ibu-ibu {desa} Tanam Sayur di Polybag",
            "Kebun Pekarangan {desa} Bantu Dapur Warga Lebih Hemat",
        ),
        "Ibu-ibu PKK {desa} memanfaatkan pekarangan rumah untuk menanam sayur dan tanaman "
        "obat dalam polybag.",
        (
            "Setiap rumah mendapat beberapa polybag berisi bibit cabai, tomat, sawi dan terong. "
            "Kader PKK berkeliling memberi contoh cara menyiram dan memupuk.",
            "Hasil panen dipakai untuk kebutuhan dapur sendiri, sisanya dijual ke tetangga. Kader "
            "juga mengajarkan pembuatan pupuk dari sisa sayuran.",
        ),
        tags=("pkk", "ketahanan pangan", "pekarangan"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "potensi-desa",
        (
            "Kotoran Sapi Diolah Jadi Biogas, Dapur Warga {desa} Lebih Hemat",
            "Biogas dari Kandang Sapi, Inovasi Peternak {desa}",
        ),
        "Peternak sapi di {desa} mengolah kotoran ternak menjadi biogas untuk memasak. Sisa "
        "olahannya dipakai sebagai pupuk.",
        (
            "Instalasi biogas dibangun di dekat kandang kelompok dan disalurkan ke beberapa rumah "
            "di sekitarnya dengan pipa.",
            "Warga mengaku pengeluaran untuk gas elpiji berkurang. Ampas biogas yang sudah "
            "difermentasi menjadi pupuk yang disukai petani sayur.",
        ),
        tags=("biogas", "energi terbarukan", "peternakan"),
        sources=(EYEWITNESS,),
    ),
    # UMKM
    Story(
        "umkm",
        (
            "{Produk} Buatan Warga {desa} Tembus Pasar Luar Kota",
            "Dari {desa}, {Produk} Kini Dikirim ke Luar Kota",
        ),
        "{Produk} buatan warga {desa} kini dipesan pembeli dari luar kota berkat penjualan lewat "
        "media sosial dan lokapasar.",
        (
            "Usaha ini dimulai dari dapur rumah dengan dua pekerja. Kini ada {sedikit} warga "
            "sekitar "
            "yang ikut bekerja, sebagian besar ibu rumah tangga.",
            "Pesanan datang lewat WhatsApp dan lokapasar. Produk dikemas rapi, diberi label "
            "komposisi dan nomor izin edar pangan industri rumah tangga.",
            "Pelaku usaha berharap ada pendampingan lanjutan untuk desain kemasan dan akses "
            "permodalan agar kapasitas produksi bisa ditambah.",
        ),
        quote=(
            "Yang penting kualitas dijaga. Pembeli yang puas pasti pesan lagi.",
            "{nama}, pemilik usaha {produk}",
        ),
        tags=("umkm", "produk lokal", "pemasaran digital"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "umkm",
        (
            "Pelaku UMKM {kecamatan} Belajar Jualan Lewat Media Sosial",
            "Kelas Pemasaran Digital untuk Pelaku UMKM di {kecamatan}",
        ),
        "Puluhan pelaku UMKM di {kecamatan} belajar memotret produk dengan ponsel, menulis "
        "keterangan yang menarik dan melayani pembeli secara daring.",
        (
            "Peserta membawa produk masing-masing untuk praktik memotret. Narasumber menunjukkan "
            "cara memanfaatkan cahaya matahari dan latar sederhana.",
            "Sesi berikutnya membahas cara menulis keterangan produk, menentukan harga ongkos "
            "kirim "
            "dan membalas pertanyaan pembeli dengan sopan.",
            "Anggota {kelompok} ikut mendampingi peserta membuat akun usaha dan mengunggah produk "
            "pertama mereka.",
        ),
        tags=("umkm", "pemasaran digital", "pelatihan"),
        sources=(SUBDISTRICT_OFFICE, EYEWITNESS),
        when="past",
        place="Aula Kecamatan {kecamatan}",
    ),
    Story(
        "umkm",
        (
            "Bazar UMKM {kecamatan} Digelar {tanggal}",
            "Ayo Belanja Produk Lokal di Bazar UMKM {kecamatan}",
        ),
        "Bazar UMKM digelar di {kecamatan} pada {tanggal}. Ada kuliner, kerajinan dan hasil "
        "pertanian dari berbagai desa.",
        (
            "Lebih dari {jumlah} stan diisi pelaku usaha dari desa-desa di {kecamatan}, mulai dari "
            "{produk}, makanan ringan hingga kerajinan tangan.",
            "Panitia juga menyiapkan panggung hiburan dan lomba mewarnai untuk anak-anak. "
            "Pengunjung diimbau membawa tas belanja sendiri untuk mengurangi sampah plastik.",
        ),
        tags=("umkm", "bazar", "produk lokal"),
        sources=(SUBDISTRICT_OFFICE,),
        when="future",
        place="Lapangan Kecamatan {kecamatan}",
        for_communities=True,
    ),
    Story(
        "umkm",
        (
            "Cerita {nama}, Merintis Usaha {Produk} dari Dapur Rumah",
            "{nama} dan Usaha {Produk} yang Dirintis dari Nol",
        ),
        "Berawal dari coba-coba di dapur rumah, {nama} kini memproduksi {produk} yang dijual ke "
        "warung dan toko oleh-oleh di sekitar {kecamatan}.",
        (
            "Modal awalnya kecil: peralatan dapur seadanya dan bahan baku yang dibeli di pasar "
            "desa. Produk pertama dititipkan ke warung tetangga.",
            "Lambat laun pesanan bertambah. Ia mengikuti pelatihan keamanan pangan dan mengurus "
            "izin produksi pangan industri rumah tangga.",
            "Kini ia mengajak beberapa tetangga bekerja bersama, terutama saat pesanan ramai "
            "menjelang hari raya.",
        ),
        quote=("Jangan takut mulai dari kecil. Yang penting tekun dan jujur soal bahan.", "{nama}"),
        tags=("umkm", "inspirasi", "perempuan berdaya"),
        sources=(
            (
                "eyewitness",
                "Wawancara anggota {kelompok}",
                "Wawancara langsung di tempat produksi.",
            ),
        ),
    ),
    Story(
        "umkm",
        (
            "UMKM {desa} Ikuti Pendampingan Sertifikasi Halal Gratis",
            "Pelaku Usaha {desa} Urus Sertifikat Halal Lewat Pendampingan",
        ),
        "Pelaku usaha makanan di {desa} mengikuti pendampingan sertifikasi halal gratis untuk "
        "usaha mikro dan kecil.",
        (
            "Pendamping memeriksa bahan baku, alur produksi dan kebersihan dapur setiap peserta. "
            "Data kemudian diunggah ke sistem untuk diproses.",
            "Peserta diminta menyiapkan KTP, nomor induk berusaha dan daftar bahan yang dipakai. "
            "Pendampingan tidak dipungut biaya.",
        ),
        tags=("umkm", "sertifikasi halal"),
        sources=(VILLAGE_OFFICE,),
    ),
    Story(
        "umkm",
        (
            "Kemasan Baru, Penjualan {Produk} Warga {desa} Meningkat",
            "Ganti Kemasan, {Produk} dari {desa} Makin Dilirik Pembeli",
        ),
        "Setelah mengganti kemasan dengan label yang lebih jelas, penjualan {produk} buatan "
        "warga {desa} meningkat.",
        (
            "Kemasan lama hanya berupa plastik bening tanpa keterangan. Kemasan baru mencantumkan "
            "nama produk, komposisi, tanggal kedaluwarsa dan nomor kontak.",
            "Desain dibuat bersama mahasiswa yang sedang KKN di desa. Biaya cetak ditanggung "
            "bersama oleh kelompok usaha.",
        ),
        tags=("umkm", "kemasan"),
        sources=(EYEWITNESS,),
    ),
    # Kesehatan
    Story(
        "kesehatan",
        (
            "Jadwal Posyandu Balita dan Lansia di {desa}, {tanggal}",
            "Posyandu {desa} Buka {tanggal}: Timbang Balita dan Cek Lansia",
        ),
        "Posyandu balita dan lansia di {desa} dibuka {tanggal}. Bawa buku KIA untuk balita dan "
        "kartu kesehatan untuk lansia.",
        (
            "Kader akan menimbang dan mengukur tinggi badan balita, memberikan vitamin A sesuai "
            "jadwal, serta mencatat perkembangan anak di buku KIA.",
            "Untuk lansia tersedia pemeriksaan tekanan darah, gula darah dan senam ringan. Petugas "
            "puskesmas hadir untuk konsultasi.",
            "Orang tua diminta datang tepat waktu agar antrean tidak menumpuk. Bila anak sedang "
            "sakit, sampaikan kepada kader untuk dijadwalkan ulang.",
        ),
        tags=("posyandu", "balita", "lansia"),
        sources=(
            (
                "official",
                "Puskesmas {kecamatan}",
                "Jadwal posyandu bulanan yang dibagikan kepada kader.",
            ),
        ),
        when="future",
        place="Posyandu {desa}",
    ),
    Story(
        "kesehatan",
        (
            "Kader Posyandu {desa} Ajak Warga Cegah Stunting Sejak Kehamilan",
            "Cegah Stunting, Kader {desa} Kunjungi Rumah Ibu Hamil",
        ),
        "Kader posyandu {desa} mengunjungi ibu hamil dan keluarga dengan balita untuk "
        "mengingatkan pentingnya gizi seimbang sejak masa kehamilan.",
        (
            "Dalam kunjungan rumah, kader mengecek buku KIA, menanyakan pola makan dan "
            "mengingatkan jadwal pemeriksaan kehamilan.",
            "Kader juga mengajarkan menu sederhana berbahan lokal seperti telur, ikan, tempe dan "
            "sayuran hijau yang mudah didapat di desa.",
            "Balita yang berat badannya tidak naik dua bulan berturut-turut dirujuk ke puskesmas "
            "untuk pemeriksaan lebih lanjut.",
        ),
        quote=(
            "Seribu hari pertama kehidupan itu penting sekali. Kami ingin semua anak di sini "
            "tumbuh sehat.",
            "{nama}, kader posyandu {desa}",
        ),
        tags=("stunting", "gizi", "posyandu"),
        sources=(
            ("official", "Puskesmas {kecamatan}", "Materi penyuluhan gizi untuk kader posyandu."),
            EYEWITNESS,
        ),
    ),
    Story(
        "kesehatan",
        (
            "Cegah Demam Berdarah, Warga {desa} Galakkan Gerakan 3M Plus",
            "Jumantik Cilik di {desa} Periksa Jentik dari Rumah ke Rumah",
        ),
        "Warga {desa} menggalakkan gerakan 3M Plus: menguras, menutup dan mendaur ulang, "
        "ditambah memeriksa jentik nyamuk seminggu sekali.",
        (
            "Kader jumantik berkeliling memeriksa bak mandi, tempat minum burung dan barang bekas "
            "yang dapat menampung air.",
            "Petugas puskesmas mengingatkan bahwa pengasapan hanya membunuh nyamuk dewasa. "
            "Memberantas sarang nyamuk adalah cara paling efektif mencegah demam berdarah.",
            "<p><b>3M Plus di rumah:</b></p><ul><li>Menguras bak mandi seminggu sekali.</li>"
            "<li>Menutup rapat tempat penampungan air.</li><li>Mendaur ulang barang bekas.</li>"
            "<li>Plus: memakai kelambu dan menanam tanaman pengusir nyamuk.</li></ul>",
        ),
        tags=("demam berdarah", "psn", "jumantik"),
        sources=(
            ("official", "Puskesmas {kecamatan}", "Imbauan pemberantasan sarang nyamuk."),
            EYEWITNESS,
        ),
        for_communities=True,
    ),
    Story(
        "kesehatan",
        (
            "Donor Darah di Balai Desa {desa} Kumpulkan {jumlah} Kantong",
            "Warga {desa} Antusias Ikut Donor Darah",
        ),
        "Kegiatan donor darah di Balai Desa {desa} berhasil mengumpulkan {jumlah} kantong "
        "darah untuk membantu kebutuhan rumah sakit.",
        (
            "Calon pendonor menjalani pemeriksaan tekanan darah dan kadar hemoglobin sebelum "
            "mendonorkan darah. Sebagian warga belum dapat mendonor karena tekanan darahnya "
            "rendah.",
            "Panitia menyediakan makanan ringan dan minuman bagi pendonor. Kegiatan serupa "
            "direncanakan setiap tiga bulan.",
        ),
        quote=(
            "Setetes darah kita bisa menyelamatkan nyawa orang lain.",
            "{nama}, panitia donor darah",
        ),
        tags=("donor darah", "kemanusiaan"),
        sources=(
            (
                "official",
                "Unit Donor Darah PMI {kab}",
                "Rekap jumlah kantong darah yang diterima petugas.",
            ),
            EYEWITNESS,
        ),
        when="past",
        place="Balai Desa {desa}",
        for_communities=True,
    ),
    Story(
        "kesehatan",
        (
            "Puskesmas {kecamatan} Buka Layanan Kejar Imunisasi Anak",
            "Anak Belum Lengkap Imunisasi? Puskesmas {kecamatan} Buka Layanan Kejar",
        ),
        "Puskesmas {kecamatan} membuka layanan kejar imunisasi bagi anak yang belum mendapat "
        "imunisasi lengkap sesuai usianya.",
        (
            "Orang tua dapat membawa anak ke puskesmas atau posyandu terdekat dengan membawa buku "
            "KIA. Petugas akan memeriksa imunisasi apa saja yang belum diberikan.",
            "Imunisasi diberikan gratis. Petugas mengingatkan bahwa demam ringan setelah imunisasi "
            "adalah hal yang wajar dan biasanya hilang dalam satu sampai dua hari.",
        ),
        tags=("imunisasi", "anak", "puskesmas"),
        sources=(("official", "Puskesmas {kecamatan}", "Surat edaran layanan imunisasi kejar."),),
        when="future",
        place="Puskesmas {kecamatan}",
    ),
    Story(
        "kesehatan",
        (
            "Cek Kesehatan Gratis untuk Lansia di {desa}",
            "Lansia {desa} Ikuti Senam dan Periksa Tekanan Darah",
        ),
        "Puluhan lansia di {desa} mengikuti senam bersama dan pemeriksaan kesehatan gratis: "
        "tekanan darah, gula darah dan kolesterol.",
        (
            "Pemeriksaan dilakukan petugas puskesmas dibantu kader. Lansia dengan hasil "
            "pemeriksaan di atas normal diberi rujukan untuk kontrol ke puskesmas.",
            "Setelah pemeriksaan, peserta mendapat penyuluhan tentang pola makan rendah garam dan "
            "pentingnya minum obat secara teratur bagi penderita hipertensi.",
        ),
        tags=("lansia", "cek kesehatan"),
        sources=(
            ("official", "Puskesmas {kecamatan}", "Keterangan petugas di lokasi."),
            EYEWITNESS,
        ),
        when="past",
        place="Balai Desa {desa}",
    ),
    # Pertanian
    Story(
        "pertanian",
        (
            "Panen Raya {Komoditas} di {desa}, Petani Bersyukur Hasil Membaik",
            "Petani {desa} Panen {Komoditas}, Hasil Lebih Baik dari Musim Lalu",
        ),
        "Petani di {desa} memanen {komoditas} dengan hasil yang lebih baik dibanding musim "
        "lalu berkat pengairan yang cukup dan serangan hama yang terkendali.",
        (
            "Panen dilakukan bersama anggota kelompok tani dan buruh tani dari desa sekitar. "
            "Sebagian hasil langsung dibeli pedagang di pinggir sawah.",
            "Petani menyebut pengaturan air irigasi secara bergilir membuat tanaman tidak "
            "kekurangan air saat masa pengisian.",
            "Kelompok tani berencana menyisihkan sebagian hasil panen untuk benih dan lumbung "
            "pangan desa.",
        ),
        quote=(
            "Alhamdulillah, musim ini lebih baik. Airnya cukup, hamanya juga bisa kami "
            "kendalikan bersama.",
            "{nama}, petani di {desa}",
        ),
        tags=("panen", "petani", "ketahanan pangan"),
        sources=(
            (
                "official",
                "Penyuluh pertanian {kecamatan}",
                "Keterangan penyuluh pertanian lapangan kepada anggota KIM.",
            ),
            EYEWITNESS,
        ),
        when="past",
        place="Sawah {desa}",
    ),
    Story(
        "pertanian",
        (
            "Musim Tanam Dimulai, Petani {desa} Tanam {Komoditas} Serentak",
            "Tanam Serentak {Komoditas} di {desa} untuk Tekan Serangan Hama",
        ),
        "Petani {desa} memulai musim tanam {komoditas} secara serentak. Tanam bersamaan "
        "membantu memutus siklus hama.",
        (
            "Kelompok tani menyepakati jadwal tanam dalam rapat di balai desa. Air irigasi "
            "dibagi bergilir per blok sawah.",
            "Penyuluh pertanian mengingatkan petani memakai benih bersertifikat dan memantau sawah "
            "secara rutin pada minggu-minggu awal.",
        ),
        tags=("musim tanam", "petani"),
        sources=(
            (
                "official",
                "Penyuluh pertanian {kecamatan}",
                "Jadwal tanam hasil rapat kelompok tani.",
            ),
        ),
        when="past",
        place="Sawah {desa}",
    ),
    Story(
        "pertanian",
        (
            "Petani {desa} Tebus Pupuk Bersubsidi Cukup dengan KTP",
            "Cara Menebus Pupuk Bersubsidi bagi Petani {desa}",
        ),
        "Petani di {desa} yang terdaftar dalam kelompok tani dapat menebus pupuk bersubsidi di "
        "kios resmi cukup dengan menunjukkan KTP.",
        (
            "Petani yang belum terdaftar diminta menghubungi ketua kelompok tani atau penyuluh "
            "pertanian untuk didata pada musim berikutnya.",
            "Harga pupuk bersubsidi sudah ditetapkan pemerintah. Petani diminta melapor bila "
            "menemukan kios yang menjual di atas harga eceran tertinggi.",
        ),
        tags=("pupuk bersubsidi", "petani"),
        sources=(
            (
                "official",
                "Dinas Pertanian {kabupaten}",
                "Penjelasan tata cara penebusan pupuk bersubsidi.",
            ),
        ),
    ),
    Story(
        "pertanian",
        (
            "Gerakan Pengendalian Tikus Serentak di Sawah {desa}",
            "Petani {desa} Kompak Berburu Tikus Sebelum Tanam",
        ),
        "Petani {desa} menggelar gerakan pengendalian tikus serentak dengan pengemposan dan "
        "pembersihan pematang sebelum musim tanam.",
        (
            "Lubang-lubang tikus di pematang diasapi dengan alat emposan. Petani juga membersihkan "
            "semak yang menjadi tempat bersarang tikus.",
            "Penyuluh menyarankan pemasangan pagar plastik dan bubu perangkap di beberapa titik "
            "serta menjaga burung hantu yang menjadi pemangsa alami tikus.",
        ),
        tags=("hama tikus", "petani"),
        sources=(
            ("official", "Penyuluh pertanian {kecamatan}", "Hadir memandu gerakan."),
            EYEWITNESS,
        ),
        when="past",
        place="Persawahan {desa}",
    ),
    Story(
        "pertanian",
        (
            "Sekolah Lapang: Petani {kecamatan} Belajar Membuat Pupuk Organik",
            "Petani {desa} Olah Jerami dan Kotoran Ternak Jadi Pupuk Organik",
        ),
        "Petani di {kecamatan} belajar membuat pupuk organik dari jerami, kotoran ternak dan "
        "sisa sayuran dalam sekolah lapang.",
        (
            "Peserta mencampur bahan, menambahkan cairan pengurai dan menutup tumpukan dengan "
            "terpal. Pupuk siap dipakai setelah sekitar tiga minggu.",
            "Pupuk organik membantu memperbaiki struktur tanah dan mengurangi ketergantungan pada "
            "pupuk kimia.",
        ),
        tags=("pupuk organik", "sekolah lapang"),
        sources=(
            ("official", "Penyuluh pertanian {kecamatan}", "Pemateri sekolah lapang."),
            EYEWITNESS,
        ),
        when="past",
        place="Gapoktan {desa}",
    ),
    Story(
        "pertanian",
        (
            "Traktor Bantuan Dipakai Bergiliran oleh Kelompok Tani {desa}",
            "Alsintan Kelompok Tani {desa} Percepat Olah Lahan",
        ),
        "Kelompok tani di {desa} menggunakan traktor tangan bantuan secara bergiliran. Olah "
        "lahan jadi lebih cepat dan biaya lebih ringan.",
        (
            "Jadwal pemakaian traktor diatur pengurus kelompok. Anggota membayar iuran kecil untuk "
            "bahan bakar dan perawatan mesin.",
            "Dengan traktor, pengolahan satu petak sawah yang biasanya makan waktu dua hari kini "
            "selesai dalam setengah hari.",
        ),
        tags=("alsintan", "kelompok tani"),
        sources=(EYEWITNESS,),
    ),
    # Pendidikan
    Story(
        "pendidikan",
        (
            "Perpustakaan Desa {desa} Ramai Dikunjungi Anak-anak Sepulang Sekolah",
            "Perpustakaan Desa {desa} Tambah Koleksi dan Jam Buka",
        ),
        "Perpustakaan desa {desa} kini buka hingga sore hari. Anak-anak datang sepulang sekolah "
        "untuk membaca dan mengerjakan tugas.",
        (
            "Koleksi buku bertambah dari sumbangan warga dan program perpustakaan daerah. Ada buku "
            "cerita anak, buku pertanian dan buku keterampilan.",
            "Relawan membacakan dongeng setiap Sabtu sore. Perpustakaan juga menyediakan akses "
            "internet untuk anak-anak yang mengerjakan tugas sekolah.",
        ),
        quote=(
            "Anak-anak senang karena ada tempat belajar yang nyaman dan gratis.",
            "{nama}, pengelola perpustakaan desa",
        ),
        tags=("perpustakaan", "literasi", "anak"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "pendidikan",
        (
            "Kelas Literasi Digital untuk Orang Tua di {desa}: Kenali Hoaks dan Penipuan Daring",
            "Orang Tua di {desa} Belajar Mengenali Penipuan Lewat Ponsel",
        ),
        "Orang tua di {desa} belajar mengenali hoaks, penipuan berkedok hadiah dan cara "
        "mendampingi anak menggunakan internet.",
        (
            "Pemateri menunjukkan contoh pesan penipuan yang sering beredar, dari undian berhadiah "
            "sampai permintaan kode OTP.",
            "Peserta juga belajar mengatur kontrol orang tua di ponsel dan membatasi waktu layar "
            "anak.",
            "Kegiatan ini digagas {kelompok} bersama pemerintah desa dan akan digelar bergiliran "
            "di setiap dusun.",
        ),
        quote=(
            "Jangan pernah berikan kode OTP kepada siapa pun, termasuk yang mengaku petugas.",
            "{nama}, pemateri literasi digital",
        ),
        tags=("literasi digital", "hoaks", "keluarga"),
        sources=(EYEWITNESS, VILLAGE_OFFICE),
        when="past",
        place="Balai Desa {desa}",
    ),
    Story(
        "pendidikan",
        (
            "Mahasiswa KKN Buka Les Gratis untuk Anak-anak {desa}",
            "Les Gratis Bahasa Inggris dan Matematika untuk Anak {desa}",
        ),
        "Mahasiswa yang sedang KKN di {desa} membuka les gratis matematika dan bahasa Inggris "
        "untuk anak-anak SD dan SMP.",
        (
            "Les diadakan di balai dusun setiap sore. Anak-anak dibagi menurut jenjang kelas "
            "agar materinya sesuai.",
            "Selain les, mahasiswa juga mengajak anak-anak bermain permainan tradisional dan "
            "membuat kerajinan dari barang bekas.",
        ),
        tags=("kkn", "les gratis", "anak"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "pendidikan",
        (
            "Pendaftaran Murid Baru: Cek Jadwal dan Jalur Penerimaan di {kab}",
            "Orang Tua di {kab}, Ini Jadwal Pendaftaran Sekolah Tahun Ini",
        ),
        "Pendaftaran murid baru jenjang SD dan SMP di {kab} segera dibuka. Orang tua diminta "
        "menyiapkan dokumen sejak sekarang.",
        (
            "Pendaftaran dilakukan secara daring melalui laman resmi dinas pendidikan. Sekolah "
            "menyediakan meja bantuan bagi orang tua yang kesulitan mendaftar.",
            "<p><b>Dokumen yang disiapkan:</b></p><ul><li>Kartu Keluarga.</li><li>Akta "
            "kelahiran.</li><li>Rapor atau surat keterangan lulus.</li></ul>",
            "Orang tua diingatkan bahwa pendaftaran tidak dipungut biaya. Laporkan bila ada pihak "
            "yang menjanjikan kursi dengan imbalan uang.",
        ),
        tags=("pendaftaran sekolah", "pendidikan"),
        sources=(
            (
                "official",
                "Dinas Pendidikan {kabupaten}",
                "Jadwal pendaftaran yang diumumkan dinas.",
            ),
        ),
        when="future",
        place="Sekolah-sekolah di {kab}",
        for_communities=True,
    ),
    Story(
        "pendidikan",
        (
            "PAUD di {desa} Ajak Orang Tua Bermain Bersama Anak",
            "Hari Bermain Bersama di PAUD {desa}",
        ),
        "PAUD di {desa} mengundang orang tua bermain bersama anak: menyusun balok, menggambar "
        "dan permainan tradisional.",
        (
            "Guru PAUD menjelaskan bahwa bermain adalah cara anak belajar. Orang tua diajak "
            "mencoba permainan yang bisa dilakukan di rumah tanpa biaya.",
            "Kegiatan ditutup dengan makan bersama menu sehat yang dibawa setiap keluarga.",
        ),
        tags=("paud", "parenting", "anak"),
        sources=(EYEWITNESS,),
        when="past",
        place="PAUD {desa}",
    ),
    Story(
        "pendidikan",
        (
            "Kejar Paket C di {kecamatan} Kembali Buka Pendaftaran",
            "Belum Punya Ijazah SMA? Daftar Kejar Paket C di {kecamatan}",
        ),
        "Pusat kegiatan belajar masyarakat di {kecamatan} membuka pendaftaran Kejar Paket C "
        "setara SMA bagi warga yang putus sekolah.",
        (
            "Kegiatan belajar diadakan malam hari agar peserta yang bekerja tetap bisa ikut. "
            "Peserta tidak dipungut biaya.",
            "Pendaftaran dibuka hingga {tanggal} di kantor PKBM. Bawa fotokopi ijazah terakhir, "
            "KTP dan Kartu Keluarga.",
        ),
        tags=("kesetaraan", "paket c"),
        sources=(("official", "PKBM {kecamatan}", "Brosur pendaftaran."),),
        when="future",
        place="PKBM {kecamatan}",
    ),
    # Infrastruktur
    Story(
        "infrastruktur",
        (
            "Jalan Penghubung di {desa} Selesai Dicor, Warga Tak Lagi Berlumpur",
            "Akhirnya, Jalan Dusun di {desa} Mulus Setelah Dicor",
        ),
        "Ruas jalan penghubung antardusun di {desa} selesai dicor. Warga dan anak sekolah kini "
        "tidak lagi melewati jalan berlumpur saat hujan.",
        (
            "Pengecoran sepanjang sekitar {jumlah}0 meter dibiayai dana desa dan dikerjakan warga "
            "secara padat karya.",
            "Selama pengerjaan, warga bergotong royong menyediakan konsumsi bagi pekerja. Jalan "
            "ditutup beberapa hari menunggu cor mengering.",
            "Pemerintah desa meminta kendaraan bermuatan berat tidak melintas agar jalan awet.",
        ),
        quote=(
            "Dulu kalau hujan, motor harus dituntun. Sekarang anak-anak bisa berangkat sekolah "
            "dengan tenang.",
            "{nama}, warga {desa}",
        ),
        tags=("jalan desa", "dana desa", "padat karya"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
        when="past",
        place="Jalan dusun {desa}",
    ),
    Story(
        "infrastruktur",
        (
            "Jembatan di {desa} Diperbaiki, Akses Anak Sekolah Kembali Aman",
            "Perbaikan Jembatan {desa} Rampung Lebih Cepat",
        ),
        "Jembatan kecil di {desa} yang lantainya rusak telah diperbaiki. Anak sekolah dan petani "
        "kembali dapat melintas dengan aman.",
        (
            "Lantai jembatan yang lapuk diganti dengan pelat beton. Pagar pengaman juga dipasang "
            "di kedua sisi.",
            "Perbaikan dilakukan setelah warga menyampaikan keluhan melalui {kelompok} dan "
            "musyawarah desa.",
        ),
        tags=("jembatan", "aspirasi warga"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
        for_communities=True,
    ),
    Story(
        "infrastruktur",
        (
            "Lampu Jalan Tenaga Surya Terangi Jalan {desa}",
            "Jalan {desa} Kini Terang dengan Lampu Tenaga Surya",
        ),
        "Sebanyak {sedikit}0 lampu penerangan jalan tenaga surya dipasang di ruas-ruas jalan "
        "{desa} yang sebelumnya gelap.",
        (
            "Lampu menyala otomatis saat hari mulai gelap dan tidak membutuhkan sambungan listrik. "
            "Perawatannya diserahkan kepada pengurus RT.",
            "Warga berharap penerangan ini membuat jalan lebih aman, terutama bagi pedagang yang "
            "berangkat ke pasar dini hari.",
        ),
        tags=("penerangan jalan", "energi surya"),
        sources=(VILLAGE_OFFICE,),
    ),
    Story(
        "infrastruktur",
        (
            "Saluran Irigasi {desa} Direhabilitasi Lewat Padat Karya",
            "Padat Karya Tunai: Warga {desa} Perbaiki Saluran Irigasi",
        ),
        "Saluran irigasi tersier di {desa} direhabilitasi melalui program padat karya tunai "
        "yang melibatkan warga setempat sebagai pekerja.",
        (
            "Dinding saluran yang jebol diganti pasangan batu. Pekerja menerima upah harian "
            "sehingga program ini juga menambah penghasilan warga.",
            "Petani berharap air bisa sampai ke petak-petak sawah di ujung saluran yang selama ini "
            "sering kekurangan air.",
        ),
        tags=("irigasi", "padat karya"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
    ),
    Story(
        "infrastruktur",
        (
            "Air Bersih Kini Mengalir ke {jumlah} Rumah di {desa}",
            "Jaringan Air Bersih Desa {desa} Diperluas",
        ),
        "Jaringan air bersih berbasis masyarakat di {desa} diperluas dan kini melayani {jumlah} "
        "rumah tangga.",
        (
            "Air diambil dari sumur dalam dan ditampung di tandon sebelum dialirkan ke "
            "rumah-rumah. "
            "Setiap rumah memiliki meteran air sendiri.",
            "Pengelolaan dilakukan badan pengelola yang dibentuk warga. Iuran bulanan dipakai "
            "untuk biaya listrik pompa dan perawatan.",
        ),
        tags=("air bersih", "sanitasi"),
        sources=(VILLAGE_OFFICE,),
    ),
    Story(
        "infrastruktur",
        (
            "Warga Laporkan Jalan Berlubang di {desa}, Petugas Segera Meninjau",
            "Aduan Warga soal Jalan Rusak di {desa} Ditindaklanjuti",
        ),
        "Laporan warga tentang jalan berlubang di {desa} yang dikirim melalui {kelompok} sudah "
        "diteruskan dan ditinjau petugas.",
        (
            "Warga mengirim foto lubang jalan yang membahayakan pengendara, terutama pada malam "
            "hari. {kelompok} meneruskan laporan itu lengkap dengan titik lokasinya.",
            "Petugas dari dinas terkait meninjau lokasi dan memasang rambu peringatan sementara. "
            "Perbaikan dijadwalkan sesuai antrean pemeliharaan jalan.",
            "Warga yang menemukan kerusakan fasilitas umum dapat melapor dengan menyertakan foto "
            "dan lokasi yang jelas.",
        ),
        tags=("aspirasi warga", "jalan rusak", "aduan"),
        sources=(
            (
                "official",
                "Dinas Pekerjaan Umum {kabupaten}",
                "Tanggapan atas laporan yang diteruskan KIM.",
            ),
            EYEWITNESS,
        ),
        for_communities=True,
    ),
    Story(
        "infrastruktur",
        (
            "Talud Longsor di {desa} Diperbaiki Secara Gotong Royong",
            "Warga {desa} Gotong Royong Bangun Kembali Talud yang Longsor",
        ),
        "Talud di tepi jalan {desa} yang longsor setelah hujan deras dibangun kembali secara "
        "gotong royong oleh warga.",
        (
            "Material batu dan semen dibantu pemerintah desa, sedangkan tenaga berasal dari warga "
            "setiap RT yang bergiliran.",
            "Selama perbaikan, pengendara diminta berhati-hati karena sebagian badan jalan "
            "menyempit.",
        ),
        tags=("gotong royong", "longsor"),
        sources=(VILLAGE_OFFICE, EYEWITNESS),
        when="past",
        place="Jalan desa {desa}",
    ),
    # Budaya & Wisata
    Story(
        "budaya-wisata",
        (
            "Merti Desa {desa}: Kirab Gunungan Hasil Bumi dan Pentas Wayang",
            "Tradisi Merti Desa di {desa} Kembali Digelar Meriah",
        ),
        "Warga {desa} menggelar merti desa sebagai ungkapan syukur atas hasil panen, dengan "
        "kirab gunungan hasil bumi dan pentas wayang kulit semalam suntuk.",
        (
            "Kirab dimulai dari ujung desa menuju balai desa. Gunungan berisi sayuran, buah dan "
            "hasil bumi lain diarak warga berpakaian adat.",
            "Setelah doa bersama, gunungan diperebutkan warga. Malam harinya, pentas wayang kulit "
            "digelar di halaman balai desa.",
            "Tradisi ini menjadi ajang berkumpul warga yang merantau dan menarik pengunjung dari "
            "desa sekitar.",
        ),
        quote=(
            "Merti desa itu cara kami berterima kasih dan menjaga kerukunan.",
            "{nama}, sesepuh desa {desa}",
        ),
        tags=("merti desa", "tradisi", "wayang"),
        sources=(EYEWITNESS,),
        when="past",
        place="Balai Desa {desa}",
    ),
    Story(
        "budaya-wisata",
        (
            "Festival Kuliner Tradisional di {kecamatan}, {tanggal}",
            "Ayo Ramaikan Festival Jajanan Pasar {kecamatan}",
        ),
        "Festival kuliner tradisional digelar di {kecamatan} pada {tanggal}. Pengunjung dapat "
        "mencicipi jajanan pasar dan masakan khas desa.",
        (
            "Setiap desa menampilkan makanan khasnya, mulai dari jajanan pasar, sayur lodeh hingga "
            "minuman rempah.",
            "Panitia mengajak pengunjung memakai wadah makan sendiri. Pentas musik keroncong dan "
            "tari tradisional akan meramaikan acara.",
        ),
        tags=("kuliner", "festival", "wisata"),
        sources=(SUBDISTRICT_OFFICE,),
        when="future",
        place="Alun-alun {kecamatan}",
        for_communities=True,
    ),
    Story(
        "budaya-wisata",
        (
            "Anak Muda {desa} Hidupkan Lagi Karawitan di Sanggar Desa",
            "Gamelan di {desa} Kembali Berbunyi, Pemuda Rutin Berlatih",
        ),
        "Pemuda {desa} rutin berlatih karawitan di sanggar desa. Gamelan lama milik desa "
        "kembali dimainkan setiap pekan.",
        (
            "Latihan dipandu pengrawit senior yang dengan sabar mengajarkan gending-gending dasar.",
            "Kelompok karawitan pemuda ini mulai diundang mengisi acara pernikahan dan peringatan "
            "hari besar di desa.",
        ),
        quote=(
            "Kalau bukan kami yang melanjutkan, siapa lagi?",
            "{nama}, anggota karawitan pemuda",
        ),
        tags=("karawitan", "gamelan", "pemuda"),
        sources=(EYEWITNESS,),
    ),
    Story(
        "budaya-wisata",
        (
            "Jelajah Desa Wisata {desa}: Susur Sungai dan Kuliner Ndeso",
            "Akhir Pekan di Desa Wisata {desa}",
        ),
        "Desa wisata {desa} menawarkan paket susur sungai, bersepeda di pematang sawah dan "
        "makan siang masakan rumahan.",
        (
            "Pengunjung dipandu pemuda desa yang sudah mengikuti pelatihan pemandu wisata. Rute "
            "bersepeda melewati sawah, kebun dan rumah-rumah joglo.",
            "Paket wisata dapat dipesan melalui pengelola desa wisata. Pengunjung diminta menjaga "
            "kebersihan dan menghormati adat setempat.",
        ),
        tags=("desa wisata", "wisata alam"),
        sources=(EYEWITNESS,),
        for_communities=True,
    ),
    Story(
        "budaya-wisata",
        (
            "Pentas Seni Pelajar {kecamatan} Tampilkan Tari dan Teater Berbahasa Jawa",
            "Pelajar {kecamatan} Unjuk Kebolehan dalam Pentas Seni",
        ),
        "Pelajar dari sekolah-sekolah di {kecamatan} menampilkan tari tradisional, macapat dan "
        "teater berbahasa Jawa dalam pentas seni.",
        (
            "Setiap sekolah menampilkan satu pertunjukan. Penonton memadati pendapa kecamatan "
            "hingga malam hari.",
            "Pentas ini diharapkan menumbuhkan kecintaan anak-anak pada bahasa dan budaya Jawa.",
        ),
        tags=("seni pertunjukan", "pelajar", "budaya jawa"),
        sources=(EYEWITNESS,),
        when="past",
        place="Pendapa Kecamatan {kecamatan}",
    ),
    Story(
        "budaya-wisata",
        (
            "Batik Motif Khas {desa} Dipamerkan dalam Gelar Karya Warga",
            "Perajin {desa} Perkenalkan Batik Motif Baru",
        ),
        "Perajin batik {desa} memperkenalkan motif baru yang terinspirasi dari alam dan cerita "
        "rakyat desa.",
        (
            "Motif baru ini dirancang bersama pemuda desa dan digambar oleh perajin senior. "
            "Pewarnaannya memakai pewarna alami dari daun dan kulit kayu.",
            "Kain batik dijual di galeri desa dan melalui media sosial kelompok perajin.",
        ),
        tags=("batik", "kerajinan", "produk lokal"),
        sources=(EYEWITNESS,),
    ),
)

CLOSINGS = (
    "{kelompok} akan terus mengabarkan perkembangannya. Warga yang punya pertanyaan dapat "
    "menyampaikannya lewat pengurus RT atau akun resmi {kelompok}.",
    "Informasi ini sudah dikonfirmasi kepada pihak terkait sebelum dibagikan. Bantu sebarkan "
    "kepada keluarga dan tetangga yang belum mengetahuinya.",
    "Punya kabar kegiatan dari lingkungan Anda? Sampaikan kepada anggota {kelompok} agar bisa "
    "diliput dan dibagikan kepada warga lainnya.",
    "Mari bersama menjaga ruang informasi desa tetap sehat: periksa dulu, baru bagikan.",
)

DRAFTS = (
    (
        "Rencana Lomba Kebersihan Antar-RT",
        "Catatan awal rencana lomba kebersihan antar-RT, belum disepakati pengurus.",
    ),
    (
        "Catatan Persiapan Bazar UMKM Desa",
        "Daftar sementara peserta dan kebutuhan stan bazar UMKM, masih dilengkapi.",
    ),
)
PRIVATE_POST = (
    "Notulen Rapat Pengurus",
    "Notulen rapat internal pengurus: pembagian tugas liputan bulan ini. Hanya untuk anggota "
    "yang masuk.",
)
