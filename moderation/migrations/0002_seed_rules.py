"""Seed the check policies, word lists and a starter list of debunked claims.

The data is written out here rather than imported, so that this migration keeps doing the
same thing whatever later code looks like. Editors change all of it in the admin.
"""

from django.db import migrations, models

POLICIES = [
    # code, action, threshold
    ("personal_data", "block", None),
    ("hate_speech", "block", None),
    ("profanity", "warn", None),
    ("hoax_match", "block", 60),
    ("missing_source", "warn", None),
    ("suspicious_link", "warn", None),
    ("gambling", "block", None),
    ("duplicate", "warn", 50),
    ("missing_alt_text", "warn", None),
    ("too_short", "warn", 40),
]

DOG = "peliharaan\npelihara\nrabies\nvaksin\ngigit\nras\nkucing\nhewan\npakan\npelacak\nK9\n" \
      "gonggong\nliar\njinak\nsteril\nkandang\nekor\nmajikan\nadopsi\npenampungan\nshelter\n" \
      "herder\nlaut\nanak anjing\ndokter hewan"
HOSTILE = "dasar\nusir\nganyang\nbantai\nbasmi\nbunuh\nmusnahkan\nantek\nmampus\nlaknat\n" \
          "benci\nbabi\nanjing\nnajis\npulang ke negaranya"
# News and campaigns against gambling ("Stop judi online", "Polisi tangkap bandar togel").
AGAINST = "stop\nbahaya\nberantas\ntangkap\npolisi\npolres\npolsek\npolda\nsatgas\njerat\n" \
          "larang\ncegah\ndampak\nkorban\ncandu\nsosialisasi\nwaspada\nblokir\ntolak\nhindar\n" \
          "pelaku\ntersangka\nhukum\npidana\nancam\njauh\nrehabilitasi\nedukasi\nlawan\nrugi\n" \
          "perang\nbasmi\nbukti\nsita\ngerebek\nringkus"
GROUPS = r"(?:cina|china|tionghoa|aseng|kristen|katolik|islam|muslim|hindu|buddha|budha|" \
         r"konghucu|ahmadiyah|syiah|papua|madura|dayak|jawa|batak|ambon|bugis|arab|yahudi|kafir)"

WORDS = [
    # term, code, match, harmless context, required context, notes
    # --- insults -------------------------------------------------------------------------
    ("bodoh", "profanity", "word", "", "", "Mild. A quoted word in a sentence about name-calling "
     "(dipanggil \"bodoh\") is not flagged."),
    ("goblok", "profanity", "word", "", "", ""),
    ("tolol", "profanity", "word", "", "", ""),
    ("bego", "profanity", "word", "", "", ""),
    ("idiot", "profanity", "word", "", "", ""),
    ("dungu", "profanity", "word", "", "", ""),
    ("bangsat", "profanity", "word", "", "", ""),
    ("bajingan", "profanity", "word", "", "", ""),
    ("keparat", "profanity", "word", "", "", ""),
    ("brengsek", "profanity", "word", "", "", ""),
    ("sialan", "profanity", "word", "", "", ""),
    ("kurang ajar", "profanity", "word", "", "", ""),
    ("kampret", "profanity", "word", "kelelawar\ngua\ngoa\nguano\nsatwa\nsayap\nhama",
     "", "Also a small bat: harmless next to words about bats and caves."),
    ("cebong", "profanity", "word", "kodok\nkatak\nkolam\nberudu\nikan", "",
     "Political insult; also a tadpole."),
    ("anjing", "profanity", "word", DOG, "", "Harmless about real dogs."),
    ("asu", "profanity", "word", DOG, "", "Javanese for dog; harmless about real dogs."),
    ("babi", "profanity", "word",
     "ternak\nkandang\ndaging\nhutan\nflu\ndemam\nASF\nguling\nhama\nsate\npasar\nvaksin\n"
     "virus\npotong\nwabah\npeternak\nbabi hutan", "",
     "Harmless about pig farming, meat or wild boar."),
    ("monyet", "profanity", "word",
     "ekor\nhutan\nkera\nsatwa\nhama\nprimata\nkebun binatang\ntaman\nlindung\nkonservasi", "",
     "Harmless about the animal. Aimed at Papuans it is racist (see the hate-speech list)."),
    ("tahi", "profanity", "word", "lalat\nsapi\nkambing\nayam\npupuk\nkompos\nkandang",
     "", "'tahi lalat' is a mole on the skin; manure is harmless."),
    ("tai", "profanity", "word", "lalat\nsapi\nkambing\nayam\npupuk\nkompos\nkandang", "", ""),
    ("taik", "profanity", "word", "", "", ""),
    ("kontol", "profanity", "word", "", "", ""),
    ("memek", "profanity", "word", "", "", ""),
    ("ngentot", "profanity", "word", "", "", ""),
    ("jancok", "profanity", "word", "", "", ""),
    ("jancuk", "profanity", "word", "", "", ""),
    ("dancok", "profanity", "word", "", "", ""),
    ("kimak", "profanity", "word", "", "", ""),
    ("pantek", "profanity", "word", "", "", ""),
    ("lonte", "profanity", "word", "", "", ""),
    # --- SARA ------------------------------------------------------------------------------
    ("aseng", "hate_speech", "word", "", "", "Slur against Chinese Indonesians."),
    ("antek aseng", "hate_speech", "word", "", "", ""),
    ("antek asing", "hate_speech", "word", "", "", ""),
    ("kadrun", "hate_speech", "word", "", "", "Slur against religious groups."),
    ("halal darahnya", "hate_speech", "word", "", "", "A call to violence."),
    ("kafir", "hate_speech", "word", "", HOSTILE,
     "Flagged only next to a hostile word, so religious teaching is not."),
    ("cina", "hate_speech", "word", "", HOSTILE,
     "Flagged only next to a hostile word: 'Tahun Baru Cina' is fine."),
    ("china", "hate_speech", "word", "", HOSTILE, ""),
    (r"\b(?:usir|bantai|basmi|ganyang|bunuh|musnahkan|habisi|serang)\s+(?:semua\s+)?"
     r"(?:orang\s+|kaum\s+|etnis\s+|suku\s+|umat\s+|warga\s+)?" + GROUPS + r"\b",
     "hate_speech", "pattern", "", "", "A call to drive out or attack a group."),
    (r"\bbakar\s+(?:saja\s+)?(?:gereja|masjid|musala|mushola|vihara|pura|klenteng)\b",
     "hate_speech", "pattern", "", "", "A call to burn a house of worship."),
    (r"\bdasar\s+" + GROUPS + r"\b", "hate_speech", "pattern", "", "",
     "'dasar' + a group is an insult to the whole group."),
    (r"\b(?:monyet|kera)\b.{0,30}\bpapua\b|\bpapua\b.{0,30}\b(?:monyet|kera)\b",
     "hate_speech", "pattern", "", "", "Racist insult against Papuans."),
    (r"\b(?:syiah|ahmadiyah|kristen|katolik|hindu|buddha|budha|islam|konghucu)\s+"
     r"(?:sesat|najis|laknat)\b", "hate_speech", "pattern", "", "",
     "Calling a religion or sect deviant or unclean."),
    # --- online gambling -------------------------------------------------------------------
    ("slot gacor", "gambling", "word", "", "", ""),
    ("slot online", "gambling", "word",
     "vaksin\nantre\nantrean\ndaftar\npendaftaran\npeserta\nkuota\nlayanan\ndukcapil\njadwal\n"
     "tiket\nbooking\nwaktu", "", "Harmless for online booking slots."),
    ("slot", "gambling", "word", "",
     "gacor\nmaxwin\njp\njackpot\nscatter\ndeposit\ndepo\nspin\nrtp\nbet\njudi\nsitus\nwd\n"
     "akun pro\nthailand\nkamboja\nmahjong\nzeus\nolympus\nbonanza\npragmatic\nreceh",
     "Only next to gambling words: 'slot waktu' and 'slot vaksin' are fine."),
    ("gacor", "gambling", "word",
     "burung\nkicau\nlovebird\nmurai\nkenari\nocehan\ncucak\nperkutut\nkacer\nkolibri\n"
     "lomba\njalak\nmerpati", "", "Also a lively songbird: harmless about birds."),
    ("judi online", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("judi slot", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("judi bola", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("situs judi", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("situs slot", "gambling", "word", "", "", ""),
    ("situs toto", "gambling", "word", "", "", ""),
    ("bandar togel", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("bandar judi", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("togel", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("toto gelap", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("keluaran sgp", "gambling", "word", "", "", ""),
    ("keluaran hk", "gambling", "word", "", "", ""),
    ("maxwin", "gambling", "word", "", "", ""),
    ("rtp live", "gambling", "word", "", "", ""),
    ("bocoran rtp", "gambling", "word", "", "", ""),
    ("pola gacor", "gambling", "word", "", "", ""),
    ("anti rungkad", "gambling", "word", "", "", ""),
    ("deposit pulsa", "gambling", "word", "", "", ""),
    ("bonus new member", "gambling", "word", "", "", ""),
    ("scatter", "gambling", "word", "",
     "slot\nspin\nmahjong\nmaxwin\ngacor\njp\nbet\nhitam\nwild\nzeus\nolympus",
     "Only next to gambling words."),
    ("jackpot", "gambling", "word", "", "slot\nspin\nmaxwin\ngacor\njudi\nbet\ntogel\nscatter",
     "Only next to gambling words."),
    ("link alternatif", "gambling", "word", "",
     "slot\ntogel\ngacor\njudi\ntoto\nbet\nmaxwin\nqq\ncasino", ""),
    ("akun pro", "gambling", "word", "", "slot\ngacor\njudi\nthailand\nkamboja\nmaxwin", ""),
    ("mahjong ways", "gambling", "word", "", "", ""),
    ("gates of olympus", "gambling", "word", "", "", ""),
    ("sweet bonanza", "gambling", "word", "", "", ""),
    ("pragmatic play", "gambling", "word", "", "", ""),
    ("sbobet", "gambling", "word", "", "", ""),
    ("casino online", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("kasino online", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("poker online", "gambling", "word", AGAINST, "", "Harmless in news and campaigns against gambling."),
    ("pkv games", "gambling", "word", "", "", ""),
    (r"\b(?:slot|toto|togel|gacor|judi|hoki|zeus|mahjong|maxwin|bet|jp|win|bandar|situs|spin|"
     r"cuan|sbo|dewa|raja|pola|rtp|depo|jackpot|pragmatic)[a-z]*"
     r"(?:88|77|99|777|4d|303|138|168|234|365|808|888)\b", "gambling", "pattern", "", "",
     "Gambling brand names such as slot88, toto4d, zeus138."),
    (r"\b[a-z]{3,}qq\b", "gambling", "pattern", "", "", "Card-gambling brands (dominoqq)."),
]

CLAIMS = [
    # claim, other wordings, correction, clarified by, link
    (
        "Vaksin COVID-19 mengandung microchip untuk melacak keberadaan warga yang disuntik.",
        "Ada cip di dalam vaksin corona yang bisa memantau gerak-gerik penduduk.\n"
        "Setelah divaksin, tubuh bisa dilacak lewat sinyal 5G.",
        "Vaksin berisi bahan aktif dan zat penunjang yang tercantum di kemasannya. Tidak ada "
        "cip di dalamnya, dan benda elektronik tidak bisa lewat jarum suntik atau mengirim "
        "sinyal dari dalam tubuh.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Minum air rebusan daun sirih setiap pagi menyembuhkan COVID-19 dalam tiga hari.",
        "Rebusan daun pepaya dan jahe ampuh menyembuhkan virus corona tanpa obat dokter.",
        "Belum ada ramuan herbal yang terbukti menyembuhkan COVID-19. Orang yang sakit perlu "
        "memeriksakan diri ke puskesmas dan mengikuti anjuran tenaga kesehatan.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Bantuan BLT Rp 3 juta dari pemerintah sudah cair untuk semua warga, cukup klik link "
        "ini dan isi data KTP.",
        "Segera daftar bansos tunai tiga juta rupiah lewat tautan berikut sebelum kuota habis.",
        "Bantuan sosial tidak pernah dicairkan lewat tautan yang meminta data KTP. Status "
        "penerima dapat dicek di cekbansos.kemensos.go.id atau di kantor desa.",
        "Kementerian Sosial", "https://cekbansos.kemensos.go.id/",
    ),
    (
        "Pendaftaran CPNS dibuka lewat WhatsApp dengan membayar biaya administrasi Rp 500 "
        "ribu agar pasti diterima.",
        "Ada jalur khusus CPNS tanpa tes asal transfer uang pelicin ke panitia lewat WA.",
        "Pendaftaran CPNS hanya melalui portal resmi SSCASN BKN dan tidak dipungut biaya. "
        "Tidak ada jalur khusus berbayar.",
        "Badan Kepegawaian Negara", "https://sscasn.bkn.go.id/",
    ),
    (
        "Akan ada pemadaman listrik total di seluruh Pulau Jawa selama tiga hari mulai besok.",
        "PLN mematikan listrik se-Jawa tiga hari, warga diminta menyiapkan lilin dan genset.",
        "Tidak ada pengumuman pemadaman total. Pemadaman terencana diumumkan lewat kanal resmi "
        "PLN untuk wilayah dan jam tertentu.",
        "PLN", "https://web.pln.co.id/",
    ),
    (
        "BMKG memperingatkan gempa besar dan tsunami akan terjadi malam ini, warga diminta "
        "mengungsi sekarang.",
        "Gempa berkekuatan 9 SR diprediksi mengguncang Jawa Tengah nanti malam menurut BMKG.",
        "Gempa bumi belum bisa diprediksi waktunya oleh siapa pun. BMKG menyampaikan "
        "informasi gempa yang sudah terjadi dan peringatan dini tsunami sesudah gempa.",
        "BMKG", "https://www.bmkg.go.id/",
    ),
    (
        "Berkumur dengan air garam hangat membunuh virus corona di tenggorokan sehingga tidak "
        "perlu vaksin.",
        "",
        "Berkumur air garam tidak membunuh virus di saluran napas dan tidak menggantikan "
        "vaksinasi.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Imunisasi campak rubela (MR) menyebabkan anak menjadi autis dan mandul.",
        "Vaksin MR di posyandu membuat anak autisme dan tidak bisa punya keturunan.",
        "Penelitian di banyak negara tidak menemukan hubungan antara imunisasi MR dan autisme "
        "atau kemandulan. Imunisasi melindungi anak dari campak dan rubela.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Nyamuk Wolbachia hasil rekayasa genetik disebar untuk menularkan radang otak "
        "Japanese encephalitis kepada warga.",
        "Penyebaran telur nyamuk wolbachia membuat warga terkena penyakit radang otak.",
        "Wolbachia adalah bakteri alami; nyamuk ber-Wolbachia tidak direkayasa genetik dan "
        "justru menekan penularan demam berdarah.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Penculik anak berkeliaran menyamar sebagai orang gila dan pengemis untuk mengambil "
        "organ tubuh anak.",
        "Komplotan penculik anak pura-pura jadi pengamen lalu menjual organ korbannya.",
        "Polisi tidak menemukan laporan penculikan seperti dalam pesan berantai itu. Laporkan "
        "kejadian mencurigakan ke polsek atau nomor darurat 110.",
        "Kepolisian RI", "https://www.polri.go.id/",
    ),
    (
        "Tes swab lewat hidung merusak selaput otak dan menyebabkan kebocoran cairan otak.",
        "",
        "Alat usap hanya menjangkau rongga hidung bagian belakang, jauh dari selaput otak, bila "
        "dilakukan oleh petugas terlatih.",
        "Kementerian Kesehatan", "https://www.kemkes.go.id/",
    ),
    (
        "Sertifikat tanah lama terbitan sebelum 1997 tidak berlaku lagi dan tanahnya akan "
        "diambil alih negara.",
        "Girik dan sertifikat tanah lama hangus tahun depan, tanah warga disita pemerintah.",
        "Sertifikat lama tetap sah. Pemiliknya dianjurkan memperbarui data ke kantor "
        "pertanahan setempat; tanah tidak diambil alih negara karena itu.",
        "Kementerian ATR/BPN", "https://www.atrbpn.go.id/",
    ),
    (
        "Bupati membagikan bantuan modal usaha Rp 10 juta untuk UMKM lewat nomor WhatsApp "
        "pribadinya, syaratnya kirim foto KTP.",
        "Akun WhatsApp atas nama bupati menawarkan pinjaman modal tanpa bunga dan meminta "
        "biaya pengiriman.",
        "Bupati tidak membagikan bantuan lewat nomor pribadi. Program bantuan UMKM diumumkan "
        "lewat dinas terkait dan situs resmi pemerintah kabupaten.",
        "Diskominfo", "https://turnbackhoax.id/",
    ),
    (
        "Pemerintah membagikan kuota internet gratis 100 GB untuk semua pelajar, klik tautan "
        "untuk klaim.",
        "Kuota belajar gratis 100GB dari kementerian bisa diambil lewat link pendaftaran ini.",
        "Tidak ada pembagian kuota lewat tautan berantai. Tautan semacam itu mencuri data "
        "pribadi.",
        "Kementerian Komunikasi dan Digital", "https://www.komdigi.go.id/",
    ),
    (
        "Penerima bansos PKH harus membayar biaya pencairan dengan transfer ke rekening "
        "petugas pendamping.",
        "Dana PKH baru cair kalau penerima setor uang administrasi ke pendamping.",
        "Pencairan PKH tidak dipungut biaya. Laporkan petugas yang meminta uang ke dinas "
        "sosial atau kanal pengaduan resmi.",
        "Kementerian Sosial", "https://kemensos.go.id/",
    ),
]


def seed(apps, schema_editor):
    FlagPolicy = apps.get_model("moderation", "FlagPolicy")
    WordRule = apps.get_model("moderation", "WordRule")
    DebunkedClaim = apps.get_model("moderation", "DebunkedClaim")
    for code, action, threshold in POLICIES:
        FlagPolicy.objects.get_or_create(code=code,
                                         defaults={"action": action, "threshold": threshold})
    for term, code, match, harmless, required, notes in WORDS:
        WordRule.objects.get_or_create(
            code=code, term=term,
            defaults={"match": match, "harmless_context": harmless,
                      "required_context": required, "notes": notes},
        )
    for claim, variants, correction, source_name, source_url in CLAIMS:
        DebunkedClaim.objects.get_or_create(
            claim=claim,
            defaults={"variants": variants, "correction": correction,
                      "source_name": source_name, "source_url": source_url},
        )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [
        # Regular-expression entries are longer than the 200 characters 0001 allowed, which
        # PostgreSQL enforces: widen the column before seeding.
        migrations.AlterField(
            model_name="wordrule",
            name="term",
            field=models.CharField(
                help_text="A word or phrase as people write it; a regular expression if the "
                "match is 'Regular expression'. Spelling tricks (g0bl0k, gooblok, a.n.j.i.n.g) "
                "are caught automatically.",
                max_length=500,
                verbose_name="term",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
