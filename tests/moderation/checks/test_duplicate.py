import random

import pytest

from moderation.checks.duplicate import DuplicateIndex, PublishedPost

POSTED = (
    "Pemerintah Desa Sengon bersama warga menggelar kerja bakti membersihkan saluran irigasi "
    "di Dusun Krajan pada Minggu pagi. Kegiatan ini dilakukan menjelang musim hujan agar air "
    "tidak meluap ke permukiman dan sawah. Kepala desa mengajak seluruh warga menjaga "
    "kebersihan saluran dan tidak membuang sampah sembarangan. Setelah kerja bakti, warga "
    "makan bersama di balai dusun. Kegiatan serupa akan diadakan setiap bulan."
)


def reworded(text, share, seed=1):
    """Replace a share of the words, as a member copying a post and changing details would."""
    rng = random.Random(seed)
    words = text.split()
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = rng.choice(["kemarin", "Sabtu", "Prambanan", "banyak", "bersama", "pagi"])
    return " ".join(words)


@pytest.fixture
def index():
    others = [
        PublishedPost(
            2,
            "Posyandu balita",
            "Kader posyandu Desa Sengon menimbang 45 balita dan "
            "memberi makanan tambahan. Orang tua diminta rutin datang setiap bulan.",
        ),
        PublishedPost(
            3,
            "Kerja bakti di Jogonalan",
            "Warga Desa Jogonalan menggelar kerja "
            "bakti membersihkan makam menjelang bulan Ramadan. Kepala desa "
            "mengucapkan terima kasih atas partisipasi warga.",
        ),
    ]
    return DuplicateIndex([PublishedPost(1, "Kerja bakti saluran irigasi", POSTED), *others])


@pytest.mark.parametrize("share", [0.0, 0.05, 0.1])
def test_a_copy_with_small_changes_is_a_duplicate(index, share):
    match = index.most_similar("Kerja bakti saluran irigasi\n" + reworded(POSTED, share))
    assert match is not None and match.post.pk == 1


def test_a_published_post_pasted_into_a_longer_one_is_a_duplicate(index):
    longer = (
        POSTED + " " + " ".join(f"Tambahan kalimat nomor {n} tentang hal lain." for n in range(30))
    )
    assert index.most_similar(longer).post.pk == 1


@pytest.mark.parametrize("share", [0.35, 0.5])
def test_a_heavily_rewritten_post_is_not_a_duplicate(index, share):
    assert index.most_similar(reworded(POSTED, share, seed=3)) is None


def test_a_post_on_the_same_topic_is_not_a_duplicate(index):
    text = (
        "Warga Dusun Ngemplak bergotong royong memperbaiki jembatan bambu yang rusak "
        "diterjang banjir. Kepala dusun berterima kasih kepada pemuda karang taruna yang "
        "membantu sejak pagi hingga sore."
    )
    assert index.most_similar(text) is None


def test_a_post_is_not_its_own_duplicate(index):
    assert index.most_similar(POSTED, exclude=1) is None


def test_an_empty_index_finds_nothing():
    assert DuplicateIndex().most_similar(POSTED) is None
