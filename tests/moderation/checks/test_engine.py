import pytest

from moderation.checks import (
    Policy,
    ReferenceSet,
    Rules,
    WordRuleSpec,
    post_input_from_text,
    run_checks,
)
from moderation.checks.types import fingerprint

BODY = (
    "Warga Dusun Krajan bergotong royong membersihkan saluran air. Hubungi Bu Sri di "
    "0812-3456-7890. Dasar goblok yang buang sampah sembarangan!"
)
RULES = [WordRuleSpec("goblok", "profanity")]


def checked(body=BODY, **kwargs):
    return run_checks(
        post_input_from_text("Kerja bakti", body), rules=kwargs.pop("rules", Rules(RULES)), **kwargs
    )


def test_blocking_flags_come_first_with_default_policy():
    flags = checked(codes={"personal_data", "profanity"})
    assert [(f.code, f.severity) for f in flags] == [
        ("personal_data", "block"),
        ("profanity", "warn"),
    ]


def test_editors_can_make_a_code_block_or_switch_it_off():
    rules = Rules(
        RULES,
        policies=[
            Policy("profanity", blocks=True),
            Policy("personal_data", blocks=True, active=False),
        ],
    )
    flags = checked(rules=rules, codes={"personal_data", "profanity"})
    assert [(f.code, f.severity) for f in flags] == [("profanity", "block")]


def test_a_dismissed_flag_is_not_reported_again():
    first = checked(codes={"personal_data", "profanity"})
    phone = next(f for f in first if f.code == "personal_data")
    again = checked(codes={"personal_data", "profanity"}, dismissed={phone.fingerprint})
    assert [f.code for f in again] == ["profanity"]


def test_a_dismissal_survives_edits_elsewhere_but_not_to_the_flagged_text():
    phone = checked(codes={"personal_data"})[0]
    edited = "Kerja bakti diundur ke Sabtu. " + BODY
    assert checked(edited, codes={"personal_data"}, dismissed={phone.fingerprint}) == []
    changed = BODY.replace("0812-3456-7890", "0813-9999-0000")
    assert checked(changed, codes={"personal_data"}, dismissed={phone.fingerprint})


def test_fingerprints_ignore_spacing_and_case():
    assert fingerprint("profanity", "Dasar  GOBLOK") == fingerprint("profanity", "dasar goblok")
    assert fingerprint("profanity", "x") != fingerprint("hate_speech", "x")


def test_flags_carry_where_they_are():
    flag = checked(codes={"profanity"})[0]
    assert flag.field == "body"
    assert flag.excerpt == "Dasar goblok yang buang sampah sembarangan!"
    assert BODY[flag.start : flag.end] == "goblok"


def test_with_no_rules_or_reference_only_built_in_checks_run():
    codes = {f.code for f in run_checks(post_input_from_text("Judul", BODY))}
    assert codes == {"personal_data", "too_short"}


def test_flags_serialise_for_storage():
    data = checked(codes={"profanity"})[0].as_dict()
    assert data["code"] == "profanity" and data["severity"] == "warn"
    assert len(data["fingerprint"]) == 32


@pytest.mark.django_db
def test_reference_set_from_database_has_live_posts_and_active_claims():
    from moderation.checks.engine import clear_cached_indexes
    from moderation.fingerprints import fingerprints_backfill
    from moderation.models import DebunkedClaim
    from tests.factories import PostPageFactory, rich_text_body

    clear_cached_indexes()
    text = "Posyandu Melati Dusun Jetis buka Rabu 10 Juli 2024 pukul 08.00 di rumah Bu Sarmi."
    live = PostPageFactory(title="Posyandu Sengon", body=rich_text_body(text))
    PostPageFactory(title="Draf", draft=True, body=rich_text_body(text))
    fingerprints_backfill()
    before = ReferenceSet.from_database()
    assert before.duplicates.most_similar(text).post.pk == live.pk
    seeded = len(before.claims)
    DebunkedClaim.objects.update(active=False)
    DebunkedClaim.objects.create(claim="Jembatan Dengkeng ambruk dan ditutup total")
    after = ReferenceSet.from_database()
    assert len(after.claims) == 1 and seeded > 1
