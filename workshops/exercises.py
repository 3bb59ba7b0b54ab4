"""The workshop's ready-made exercises: a task, sample material, and what it should teach.

The material is Indonesian content, as participants write it. Some of it is deliberately
wrong (a debunked hoax, a resident's NIK and phone number, figures with no source) so that
participants meet the pre-check and the review at work; ``lesson`` tells the trainer what
should happen. tests/workshops/test_exercises.py runs every sample through the real checks.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: str
    task: str
    material_title: str
    summary: str
    body_html: tuple
    lesson: str
    # Flag codes the pre-check should raise on the material as given.
    expected_flags: frozenset = field(default_factory=frozenset)
    blocks: bool = False


EXERCISES = (
    Exercise(
        slug="kerja-bakti",
        title="1. Berita kegiatan warga yang lengkap",
        task=(
            "Lengkapi draf ini sampai layak terbit: tambahkan foto kegiatan dengan teks "
            "alternatif yang menggambarkan isi foto, isi sumber (Pemerintah Desa), lalu "
            "ajukan untuk moderasi."
        ),
        material_title="Kerja bakti bersihkan saluran air RW 03 sebelum musim hujan",
        summary="Warga RW 03 membersihkan saluran air pada Minggu pagi agar tidak banjir "
        "saat musim hujan.",
        body_html=(
            "<p>Warga RW 03 Desa Sumberejo bergotong royong membersihkan saluran air pada "
            "Minggu pagi. Kegiatan dimulai pukul tujuh dan diikuti bapak-bapak, ibu-ibu, serta "
            "pemuda karang taruna. Sampah plastik dan lumpur yang menyumbat gorong-gorong "
            "diangkut dengan gerobak ke tempat pembuangan sementara.</p>",
            "<p>Ketua RW berharap saluran yang bersih dapat mencegah genangan ketika hujan "
            "deras datang. Kerja bakti berikutnya direncanakan bulan depan di sekitar balai "
            "desa. Warga yang ingin ikut cukup membawa cangkul atau sapu lidi sendiri.</p>",
        ),
        lesson=(
            "Lolos pemeriksaan otomatis. Tanpa foto dan sumber, peninjau akan meminta "
            "perbaikan; dengan keduanya, tulisan dapat disetujui."
        ),
    ),
    Exercise(
        slug="hoaks-vaksin",
        title="2. Pesan berantai tentang vaksin",
        task=(
            "Draf ini menyalin pesan berantai dari grup WhatsApp. Ajukan apa adanya dan baca "
            "pesan dari pemeriksaan otomatis. Lalu lakukan cek dan ricek: cari penjelasan "
            "resmi dan tulis ulang menjadi tulisan yang meluruskan kabar tersebut."
        ),
        material_title="Vaksin ternyata berisi microchip pelacak",
        summary="Vaksin COVID-19 disebut berisi microchip untuk melacak warga yang disuntik.",
        body_html=(
            "<p>Vaksin COVID-19 mengandung microchip untuk melacak keberadaan warga yang "
            "disuntik. Kabar ini diterima dari grup WhatsApp keluarga dan sudah dibagikan "
            "ratusan kali sejak kemarin sore.</p>",
            "<p>Setelah divaksin, tubuh bisa dilacak lewat sinyal 5G dari menara terdekat. "
            "Karena itu warga diminta menolak vaksinasi di puskesmas dan posyandu lansia, "
            "lalu meneruskan pesan ini kepada semua keluarga dan tetangga.</p>",
        ),
        lesson=(
            "Diblokir: isinya mirip hoaks yang sudah dibantah Kementerian Kesehatan. Bahas "
            "cara menulis klarifikasi dengan sumber resmi."
        ),
        expected_flags=frozenset({"hoax_match"}),
        blocks=True,
    ),
    Exercise(
        slug="data-pribadi",
        title="3. Ajakan membantu warga yang sakit",
        task=(
            "Draf ini berniat baik tetapi memuat data pribadi. Ajukan, baca pesan "
            "pemeriksaan otomatis, lalu hapus NIK, nomor HP pribadi, dan alamat rumah. "
            "Arahkan bantuan lewat pemerintah desa."
        ),
        material_title="Mari bantu Pak Slamet yang sedang dirawat",
        summary="Warga diajak membantu biaya berobat seorang tetangga yang dirawat di rumah sakit.",
        body_html=(
            "<p>Bapak Slamet, warga yang beralamat di Jalan Melati No. 12 RT 02 RW 05, sudah "
            "dua minggu dirawat di rumah sakit. Keluarga membutuhkan bantuan untuk biaya "
            "pengobatan dan kebutuhan sehari-hari selama beliau dirawat.</p>",
            "<p>Untuk pendaftaran bantuan, NIK beliau 3310012505670003 dan warga yang ingin "
            "membantu dapat menghubungi istrinya di 0812-3456-7890. Setiap bantuan, sekecil "
            "apa pun, sangat berarti bagi keluarga yang sedang kesulitan.</p>",
        ),
        lesson=(
            "Diblokir: NIK, nomor HP pribadi, dan alamat rumah. Bahas persetujuan dan "
            "menyalurkan bantuan lewat kanal resmi."
        ),
        expected_flags=frozenset({"personal_data"}),
        blocks=True,
    ),
    Exercise(
        slug="harga-cabai",
        title="4. Harga cabai di pasar",
        task=(
            "Draf ini memuat angka tanpa sumber. Ajukan, lihat peringatan, lalu tambahkan "
            "sumber: pantauan harga Dinas Perdagangan atau nama pasar dan tanggal pantauan."
        ),
        material_title="Harga cabai rawit naik menjelang hari raya",
        summary="Harga cabai rawit di pasar kecamatan naik tajam menjelang hari raya.",
        body_html=(
            "<p>Harga cabai rawit di Pasar Kecamatan naik menjadi Rp 85.000 per kilogram, "
            "padahal minggu lalu masih Rp 45.000. Kenaikan ini disebut terjadi karena pasokan "
            "dari daerah penghasil berkurang akibat hujan deras.</p>",
            "<p>Sebanyak 70 persen pedagang mengaku omzet mereka turun karena pembeli "
            "mengurangi belanja. Warga diimbau membeli secukupnya dan tidak menimbun bahan "
            "pokok, karena harga diperkirakan kembali normal setelah panen berikutnya.</p>",
        ),
        lesson=(
            "Peringatan sumber hilang (tidak memblokir). Peninjau akurasi sebaiknya meminta "
            "sumber sebelum menyetujui."
        ),
        expected_flags=frozenset({"missing_source"}),
    ),
    Exercise(
        slug="pengumuman-posyandu",
        title="5. Pengumuman posyandu dengan foto",
        task=(
            "Tambahkan foto kegiatan posyandu pada draf ini. Isi teks alternatif yang "
            "menjelaskan foto untuk pembaca tunanetra, dan pastikan orang di foto setuju "
            "difoto. Nomor layanan puskesmas boleh tetap dicantumkan."
        ),
        material_title="Jadwal posyandu balita dan imunisasi bulan ini",
        summary="Posyandu Melati membuka layanan timbang balita dan imunisasi pada Selasa "
        "pagi di balai dusun.",
        body_html=(
            "<p>Posyandu Melati kembali membuka layanan penimbangan balita, pemberian "
            "vitamin A, dan imunisasi dasar pada Selasa pagi di balai dusun. Orang tua "
            "diminta membawa buku KIA dan datang sebelum pukul sepuluh.</p>",
            "<p>Informasi jadwal dapat ditanyakan ke layanan pengaduan Puskesmas Kecamatan "
            "di 0812-2000-3000. Petugas mengingatkan agar balita yang sedang demam "
            "diperiksakan dulu ke bidan desa sebelum diimunisasi.</p>",
        ),
        lesson=(
            "Lolos: nomor layanan puskesmas bukan data pribadi. Foto tanpa teks alternatif "
            "akan diberi peringatan; foto anak perlu izin orang tua."
        ),
    ),
)

BY_SLUG = {exercise.slug: exercise for exercise in EXERCISES}

INTRO = _(
    "Each exercise creates a draft post in the workshop's sandbox with sample material. "
    "Nothing in the sandbox is ever shown to the public or posted to social media."
)
