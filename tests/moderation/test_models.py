import pytest
from django.core.exceptions import ValidationError

from moderation.checks import Rules, post_input_from_text, run_checks
from moderation.models import DebunkedClaim, FlagDismissal, FlagPolicy, WordRule
from tests.factories import PostPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_seed_gives_editors_a_policy_per_code_word_lists_and_claims():
    policies = dict(FlagPolicy.objects.values_list("code", "action"))
    assert policies == {
        "personal_data": "block",
        "hate_speech": "block",
        "hoax_match": "block",
        "gambling": "block",
        "profanity": "warn",
        "missing_source": "warn",
        "suspicious_link": "warn",
        "duplicate": "warn",
        "missing_alt_text": "warn",
        "too_short": "warn",
        "hidden_text": "block",
    }
    assert set(WordRule.objects.values_list("code", flat=True)) == {
        "hate_speech",
        "profanity",
        "gambling",
    }
    assert DebunkedClaim.objects.filter(active=True).count() == 15


def test_an_invalid_regular_expression_is_refused():
    rule = WordRule(term="slot(88", code="gambling", match="pattern")
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "term" in error.value.message_dict


def test_rules_follow_the_editors_changes():
    body = "Dasar goblok, sampah dibuang sembarangan lagi."
    post = post_input_from_text("Kabar", body)
    assert [
        f.severity for f in run_checks(post, rules=Rules.from_database(), codes={"profanity"})
    ] == ["warn"]
    FlagPolicy.objects.filter(code="profanity").update(action="block")
    assert [
        f.severity for f in run_checks(post, rules=Rules.from_database(), codes={"profanity"})
    ] == ["block"]
    WordRule.objects.filter(term="goblok").update(active=False)
    assert run_checks(post, rules=Rules.from_database(), codes={"profanity"}) == []


def test_a_new_harmless_context_takes_effect():
    post = post_input_from_text("Kabar", "Lomba anjing ras digelar di alun-alun.")
    assert run_checks(post, rules=Rules.from_database(), codes={"profanity"}) == []
    post = post_input_from_text("Kabar", "Lomba anjing pudel digelar di alun-alun.")
    assert run_checks(post, rules=Rules.from_database(), codes={"profanity"})
    rule = WordRule.objects.get(term="anjing", code="profanity")
    rule.harmless_context += "\nlomba"
    rule.save()
    assert run_checks(post, rules=Rules.from_database(), codes={"profanity"}) == []


def test_dismissals_feed_back_into_the_checks():
    page = PostPageFactory()
    editor = UserFactory()
    post = post_input_from_text("Kabar", "Info hubungi Bu Sri di 0812-3456-7890.", page_id=page.pk)
    flag = run_checks(post, codes={"personal_data"})[0]
    FlagDismissal.for_flag(
        flag, page=page, user=editor, reason="Bu Sri setuju nomornya dimuat."
    ).save()
    dismissed = FlagDismissal.objects.fingerprints(page)
    assert run_checks(post, codes={"personal_data"}, dismissed=dismissed) == []
    # What the dismissal keeps is shown to editors: the number is masked.
    assert FlagDismissal.objects.get().excerpt == "Info hubungi Bu Sri di 0812-****-**90."
