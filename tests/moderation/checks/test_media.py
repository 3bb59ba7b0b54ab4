import pytest

from moderation.checks import ImageRef, PostInput, Rules, TextPart, run_checks
from moderation.checks.engine import Policy
from moderation.checks.media import alt_problem


@pytest.mark.parametrize(
    "alt", ["", "   ", "IMG_2034.jpg", "foto", "Gambar", "DSC00123", "dokumentasi", "WA0012.jpeg"]
)
def test_empty_or_useless_alt_text_is_a_problem(alt):
    assert alt_problem(alt)


@pytest.mark.parametrize(
    "alt",
    [
        "Warga membersihkan saluran air di Dusun Krajan",
        "Foto bersama peserta pelatihan KIM di aula kecamatan",
    ],
)
def test_descriptive_alt_text_is_fine(alt):
    assert alt_problem(alt) == ""


def post(images=(), words=60):
    body = " ".join(["kata"] * words)
    return PostInput(title="Judul", body=[TextPart("body", body)], images=list(images))


def test_hero_and_block_images_without_alt_are_flagged():
    flags = run_checks(
        post(
            [
                ImageRef("hero_alt", ""),
                ImageRef("body", "foto", 2, "Rapat"),
                ImageRef("body", "Peserta menyimak materi", 3),
            ]
        ),
        codes={"missing_alt_text"},
    )
    assert [(f.field, f.block_index) for f in flags] == [("hero_alt", None), ("body", 2)]


@pytest.mark.parametrize(("words", "flagged"), [(10, True), (39, True), (40, False)])
def test_too_short_uses_the_minimum(words, flagged):
    codes = [f.code for f in run_checks(post(words=words), codes={"too_short"})]
    assert codes == (["too_short"] if flagged else [])


def test_editors_can_change_the_minimum():
    rules = Rules(policies=[Policy("too_short", blocks=False, threshold=100)])
    assert [f.code for f in run_checks(post(words=60), rules=rules)] == ["too_short"]
