import json
import random
from pathlib import Path

import pytest

from moderation.checks.duplicate import DuplicateIndex, PublishedPost, fingerprint, post_text

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


DATA = Path(__file__).parent.parent.parent / "data"


def scores(name):
    """Precision and recall of the duplicate check on a labelled file of reposts."""
    lines = [json.loads(line) for line in (DATA / name).read_text().splitlines() if line]
    index = DuplicateIndex(
        PublishedPost(line["id"], line["title"], line["body"])
        for line in lines
        if line["kind"] == "published"
    )
    found = expected = right = 0
    for line in (line for line in lines if line["kind"] == "post"):
        match = index.most_similar(post_text(line["title"], "", line["body"]))
        found += match is not None
        expected += bool(line["duplicate_of"])
        right += match is not None and match.post.pk == line["duplicate_of"]
    return right / found, right / expected


def test_reworded_reposts_are_found_and_same_topic_posts_stay_clean():
    assert scores("reposts_dev.jsonl") == (1.0, 1.0)


def test_the_held_out_reposts_score_as_the_readme_says():
    precision, recall = scores("reposts_heldout.jsonl")
    assert precision >= 0.9 and recall >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "Rp 312.000.000 pada 14 Mei 2024 pukul 08.00",
        "Rp 312 juta pada 14/5/2024 jam 08.00",
    ],
)
def test_figures_and_dates_are_read_the_same_however_written(text):
    facts = dict(fingerprint(text)[0].facts)
    assert sorted(facts.values()) == ["d", "n", "t", "y"]
    assert fingerprint("Rp 312.000.000 pada 14 Mei 2024 pukul 08.00")[0].facts == tuple(
        sorted(facts.items())
    )


def test_a_title_in_title_case_names_nobody():
    assert not fingerprint("Kerja Bakti Saluran Irigasi Bersama")[0].names
    assert fingerprint("Warga bertemu Suparno di Krajan.")[0].names
