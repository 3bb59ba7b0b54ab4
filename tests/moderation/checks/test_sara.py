import pytest

from moderation.checks.sara import HostilityMatcher
from moderation.checks.words import MatchKind, WordRuleSpec

pytestmark = pytest.mark.django_db


def lexicon():
    group, hostile, likened, tolerance = (
        MatchKind.GROUP,
        MatchKind.HOSTILE,
        MatchKind.LIKENED,
        MatchKind.TOLERANCE,
    )
    people = ("orang", "suku", "pedagang")
    return [
        WordRuleSpec("pendatang", "hate_speech", match=group),
        WordRuleSpec("tionghoa", "hate_speech", match=group),
        WordRuleSpec(
            "jawa",
            "hate_speech",
            match=group,
            required_context=people,
            harmless_context=("tengah",),
        ),
        WordRuleSpec("usir", "hate_speech", match=hostile),
        WordRuleSpec("boikot", "hate_speech", match=hostile),
        WordRuleSpec("jangan sewakan", "hate_speech", match=hostile),
        WordRuleSpec("bakar", "hate_speech", match=hostile),
        WordRuleSpec("tikus", "hate_speech", match=likened),
        WordRuleSpec("sampah", "hate_speech", match=likened),
        WordRuleSpec("diskriminasi", "hate_speech", match=tolerance),
    ]


def found(text):
    return [(h.group, h.kind) for h in HostilityMatcher(lexicon()).find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Usir saja para pendatang dari kampung ini.",
        "Warga pendatang harus diusir sebelum kampung habis.",
        "Mulai besok boikot semua toko milik orang Tionghoa.",
        "Jangan lagi sewakan rumah kepada pendatang.",
        "Pendatang itu seperti tikus, menghabiskan semuanya.",
        "Pedagang dari Jawa itu sampah.",
        # "Mereka" stands for the group named in the sentence before.
        "Pendatang makin banyak di pasar. Usir mereka semua.",
    ],
)
def test_group_named_with_exclusion_or_likening_is_hostile(text):
    assert found(text)


@pytest.mark.parametrize(
    "text",
    [
        # Negated: a call for tolerance.
        "Jangan mengusir pendatang, mereka juga warga kita.",
        "Warga tidak boleh mengusir pendatang tanpa musyawarah.",
        # A tolerance sentence quoting what it fights.
        "Kami menolak diskriminasi dan ajakan memboikot toko orang Tionghoa.",
        # A derived noun reports an event, not a call.
        "Kebakaran menghanguskan tiga rumah warga pendatang di Dusun Krajan.",
        # Said not to be the thing.
        "Pendatang bukan tikus, mereka tetangga kita.",
        # Both words present, but the group is not called the thing.
        "Warga pendatang ikut kerja bakti membersihkan sampah di selokan.",
        # A place, not a people.
        "Harga cabai di Jawa Tengah naik, petani membakar jerami sisa panen.",
        # Group and hostile word in different sentences without "mereka".
        "Pendatang baru disambut syukuran. Polisi mengusir penjual petasan dari alun-alun.",
    ],
)
def test_neutral_festive_and_tolerant_mentions_are_clean(text):
    assert found(text) == []


def test_flag_names_the_group_and_the_word(codes_for, seeded_rules):
    from moderation.checks import post_input_from_text, run_checks

    post = post_input_from_text("Kabar", "Pendatang itu seperti tikus, usir saja dari sini.")
    flags = [f for f in run_checks(post, rules=seeded_rules) if f.code == "hate_speech"]
    assert len(flags) == 1
    assert "Pendatang" in flags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Mulai sekarang jangan sewakan kos kepada pendatang, biar mereka pulang sendiri.",
        "Saya ajak semua boikot toko-toko milik orang Tionghoa di pasar.",
        "Orang Madura itu kasar, lebih baik diusir saja dari kampung kita.",
        "Kontrakan saya tidak menerima penyewa dari suku Batak dan orang Timur.",
        "Perantau Jawa itu kayak hama wereng, datang bergerombol menghabiskan lahan.",
        "Kelompok Ahmadiyah itu penyakit, harus dibasmi sampai ke akar-akarnya.",
    ],
)
def test_seeded_lexicon_flags_hostility_without_slurs(text, codes_for):
    assert codes_for(text, only="hate_speech") == ["hate_speech"]


@pytest.mark.parametrize(
    "text",
    [
        "Selamat Hari Raya Natal bagi umat Kristen, semoga damai menyertai kita semua.",
        "Umat Hindu merayakan Nyepi; warga pendatang diminta menghormati catur brata.",
        "Gong Xi Fa Cai untuk warga Tionghoa yang merayakan Imlek.",
        "Pemuda masjid menjaga ibadah Paskah di gereja, kerukunan tetap terjaga.",
        "Pak Dukuh mengingatkan warga agar tidak mengusir atau mengucilkan pendatang.",
        "Komnas HAM meminta tidak ada warga Ahmadiyah yang diusir dari kampungnya.",
        "Mahasiswa Papua menggelar festival budaya dan bakar batu di Yogyakarta.",
    ],
)
def test_seeded_lexicon_leaves_festive_and_tolerance_posts_clean(text, codes_for):
    assert codes_for(text, only="hate_speech") == []
