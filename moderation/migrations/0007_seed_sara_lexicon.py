"""Seed the SARA hostility lexicon and the harmless topics of words that are insults only sometimes.

The data is written out here, as in 0002, so that this migration keeps doing the same thing
whatever later code looks like. Editors change all of it in the admin. An entry an editor
already has is left alone; harmless topics are only filled in where still empty.
"""

from django.db import migrations

# Names of peoples that are also places ("Jawa Tengah", "Pulau Bali"): a group only next to a
# word for people, and not next to a word that makes them a place.
PEOPLE = "orang\nsuku\netnis\nwarga\nkaum\nwong\nketurunan\nbangsa\nmasyarakat\npendatang\n" \
         "perantau\nmahasiswa\npedagang\npengusaha\npekerja\nburuh\nanak\nputra\nputri"
PLACE = "tengah\ntimur\nbarat\nutara\nselatan\npulau\nprovinsi\nkabupaten\nkota\nselat\nlaut"
PEOPLES = (
    "jawa sunda madura batak minang minangkabau bugis makassar dayak papua ambon flores bali "
    "betawi melayu aceh nias toraja timor arab india tamil sasak buton mandar manado banjar "
    "padang palembang ntt sumba rote sabu bima tapanuli"
).split()
GROUPS = (
    "tionghoa cina china cokin aseng kristen kristiani nasrani katolik protestan islam muslim "
    "muslimin hindu buddha budha buddhis konghucu ahmadiyah syiah yahudi kafir nonmuslim "
    "pendatang perantau imigran pengungsi rohingya minoritas jemaat umat"
).split() + [
    "orang luar", "warga luar", "orang timur", "anak rantau", "rambut lurus",
    "rambut keriting", "kulit hitam", "pribumi",
]
HOSTILE = (
    # exclusion
    "usir enyah minggat hengkang depak tendang singkir pulangkan dipulangkan memulangkan "
    "tolak hadang halangi segel bongkar bubarkan sweeping kucilkan "
    # violence
    "bunuh bantai basmi habisi bakar serang hajar gebuk lempari bacok gorok ganyang perangi "
    "musnahkan binasakan"
).split() + [
    "angkat kaki", "kirim balik", "bersih dari", "tidak pantas", "tidak boleh tinggal",
    "tidak usah dilayani", "tidak usah diberi", "tidak melayani", "tidak menerima",
    "tidak terima", "tidak akan terima", "tidak akan menerima", "tidak diberi tempat",
    "jangan beli", "jangan belanja", "jangan jual", "jangan sewakan", "jangan sewa",
    "jangan terima", "jangan kasih", "jangan beri", "jangan diberi", "jangan layani",
    "jangan dilayani", "jangan pilih", "jangan pakai", "jangan bergaul", "jangan antar",
    "jangan diproses", "jangan biarkan", "jangan dibiarkan", "jangan kerja", "jangan izinkan",
    "ojo tuku", "ojo didol", "boikot", "tutup pintu", "tutup jalan",
]
LIKENED = (
    "tikus kecoa kecoak lintah benalu parasit hama wereng rayap virus penyakit kanker sampah "
    "kotoran tahi najis binatang hewan anjing babi monyet kera setan iblis musuh biang perusuh "
    "pengkhianat penjajah laknat kotor jorok rakus lalat belatung ulat cacing"
).split()
# Everyday uses of hostile words: a Papuan feast, cooking, farming, fireworks.
HARMLESS = {
    "bakar": "batu\nsate\njagung\nikan\nsampah\njerami\nlahan\nayam\nkembang api\n"
             "ogoh-ogoh\nlilin\nkalori\nsemangat",
    "serang": "hama\nwereng\npenyakit\nnyamuk\nserangan jantung",
    "basmi": "hama\nnyamuk\njentik\ntikus\nwereng\nnarkoba\njudi",
    "bunuh": "nyamuk\njentik\nbakteri\nkuman\nvirus\nhama",
    "bongkar": "muat\npasang",
    "tolak": "angin\nbala",
}
TOLERANCE = (
    "toleransi toleran intoleran intoleransi rukun kerukunan diskriminasi diskriminatif rasis "
    "rasisme damai perdamaian persaudaraan persatuan bhinneka keberagaman beragam hormati "
    "menghormati moderasi stigma provokasi hasutan ujaran kebencian"
).split() + [
    "lintas agama", "lintas iman", "main hakim sendiri", "adu domba", "hak asasi", "komnas ham",
]

ANIMAL_HEALTH = "rabies\nvaksinasi\nvaksin\ndokter hewan\nkesehatan hewan\npuskeswan\n" \
                "peternak\npeternakan\nternak\nkandang\nasf\nflu babi\ndemam babi\nzoonosis\n" \
                "hewan peliharaan\nsterilisasi\nsatwa\ncacar monyet\nkeswan\nhewan\nbabi hutan\n" \
                "berburu\nperburuan\npemburu\nhama\nkebun binatang\nprimata"
# News and warnings about gambling: raids, arrests, blocking, addiction, prevention.
GAMBLING_NEWS = "polisi\npolres\npolsek\npolda\npolresta\nkapolsek\nkapolres\nsatreskrim\n" \
                "tersangka\nditangkap\nmenangkap\nringkus\nrazia\ngerebek\nmenyita\ndisita\n" \
                "barang bukti\npidana\npasal\npenjara\ndijerat\nberantas\npemberantasan\n" \
                "blokir\ndiblokir\nbahaya\nkecanduan\npecandu\nsosialisasi\nmengimbau\n" \
                "imbauan\nsatpol\ndiskominfo\nkominfo\nkomdigi\ndisusupi\nkonseling\n" \
                "rehabilitasi\njauhi\nmelapor\nlaporkan\ncegah\npencegahan\nlawan"
TOPICS = {
    ("profanity", "anjing"): ANIMAL_HEALTH,
    ("profanity", "asu"): ANIMAL_HEALTH,
    ("profanity", "babi"): ANIMAL_HEALTH,
    ("profanity", "monyet"): ANIMAL_HEALTH,
    ("profanity", "kampret"): "kelelawar\nsatwa\ngua\ngoa",
}
GAMBLING_TERMS = [
    "judi online", "judi slot", "judi bola", "situs judi", "bandar togel", "bandar judi",
    "togel", "toto gelap", "casino online", "kasino online", "poker online", "slot",
    "slot gacor", "slot online", "gacor", "maxwin", "rtp live", "bocoran rtp", "pola gacor",
    "bonus new member", "deposit pulsa", "situs slot", "situs toto", "scatter", "jackpot",
    "link alternatif", "akun pro", "sbobet", "pkv games",
]
# Insults the first lists lacked: Javanese and Sundanese forms, and "setan", which is harmless
# in shows and folk tales.
STORIES = "wayang\npentas\nkesenian\ncerita rakyat\nogoh-ogoh\nlegenda\nfilm horor\ntari\n" \
          "penari\nkostum\ntopeng\ndongeng"
EXTRA_PROFANITY = [
    # term, harmless next to, harmless in a text about
    ("goblog", "", ""),
    ("gblk", "", ""),
    ("pekok", "", ""),
    ("ndasmu", "", ""),
    ("sinting", "", ""),
    ("bangke", "", ""),
    ("bedebah", "", ""),
    ("kunyuk", "", ""),
    ("otak udang", "", ""),
    ("setan", "hutan\nsetanan", STORIES),
    ("iblis", "", STORIES),
]
# Promotion that names no brand: lottery numbers, payouts, "jp paus", "wd lancar".
PROMOTION = "deposit\ndepo\nwd\nmember\ndaftar\nbonus\ncashback\nslot\ntogel\nbandar\n" \
            "pasaran\nmodal\nadmin\njackpot\nmaxwin\nakun\nsitus"
EXTRA_GAMBLING_IN_CONTEXT = [
    # term, only next to
    ("jp", "paus\nmaxwin\nslot\nwd\ndepo\ngacor\nspin\nscatter\nmodal\nrecehan\nreceh"),
    ("wd", PROMOTION),
    ("pasang angka", ""),
    ("angka main", ""),
    ("angka jitu", ""),
    ("colok bebas", ""),
    ("colok jitu", ""),
    ("bandar online", ""),
    ("pasaran lengkap", ""),
    ("pasti dibayar", PROMOTION),
    ("dibayar lunas", "menang\nkemenangan\npasang\nangka\ntogel\nbandar\nmember"),
    ("kemenangan berapa pun", ""),
    ("cashback mingguan", ""),
    ("member baru", "bonus\ndeposit\ndepo\ncashback\nfreebet\nturnover"),
]
EXTRA_GAMBLING = [
    ("agen togel", "Recruiting agents for lottery gambling."),
    ("agen slot", ""),
    ("agen judi", ""),
    ("togel online", ""),
    ("live casino", ""),
    ("turnover", ""),
    ("freebet", ""),
    ("jam gacor", ""),
]


def seed(apps, schema_editor):
    WordRule = apps.get_model("moderation", "WordRule")
    people = [(term, PEOPLE, PLACE) for term in PEOPLES]
    plain = [(term, "", "") for term in GROUPS]
    for term, required, harmless in people + plain:
        WordRule.objects.get_or_create(
            code="hate_speech", term=term, match="group",
            defaults={"required_context": required,
                      "harmless_context": harmless,
                      "notes": "A group of people, for the SARA hostility check."},
        )
    for kind, terms, note in (
        ("hostile", HOSTILE, "Exclusion, violence or boycott, when a group is named with it."),
        ("likened", LIKENED, "Dehumanising when said of a named group."),
        ("tolerance", TOLERANCE, "A sentence with this word speaks against hostility."),
    ):
        for term in terms:
            WordRule.objects.get_or_create(
                code="hate_speech", term=term, match=kind,
                defaults={"notes": note,
                          "harmless_context": HARMLESS.get(term, "")},
            )
    for (code, term), topics in TOPICS.items():
        WordRule.objects.filter(code=code, term=term, topic_context="").update(
            topic_context=topics
        )
    WordRule.objects.filter(code="gambling", term__in=GAMBLING_TERMS, topic_context="").update(
        topic_context=GAMBLING_NEWS
    )
    for term, note in EXTRA_GAMBLING:
        WordRule.objects.get_or_create(
            code="gambling", term=term,
            defaults={"match": "word", "topic_context": GAMBLING_NEWS, "notes": note},
        )


    for term, harmless, topics in EXTRA_PROFANITY:
        WordRule.objects.get_or_create(
            code="profanity", term=term, match="word",
            defaults={"harmless_context": harmless, "topic_context": topics},
        )
    for term, required in EXTRA_GAMBLING_IN_CONTEXT:
        WordRule.objects.get_or_create(
            code="gambling", term=term, match="word",
            defaults={"required_context": required, "topic_context": GAMBLING_NEWS,
                      "notes": "Promotion that names no brand."},
        )


def unseed(apps, schema_editor):
    WordRule = apps.get_model("moderation", "WordRule")
    WordRule.objects.filter(match__in=["group", "hostile", "likened", "tolerance"]).delete()
    WordRule.objects.filter(code="gambling", term__in=[t for t, _n in EXTRA_GAMBLING]).delete()
    WordRule.objects.filter(
        code="gambling", term__in=[t for t, _r in EXTRA_GAMBLING_IN_CONTEXT]
    ).delete()
    WordRule.objects.filter(code="profanity", term__in=[t for t, _h, _t in EXTRA_PROFANITY]).delete()
    WordRule.objects.filter(topic_context__in=[GAMBLING_NEWS, *TOPICS.values()]).update(
        topic_context=""
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0006_sara_lexicon_and_topic_context")]

    operations = [migrations.RunPython(seed, unseed)]
