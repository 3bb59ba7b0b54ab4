import pytest

from moderation.checks import ReferenceSet, Rules, post_input_from_text, run_checks


@pytest.fixture(scope="session")
def seeded_rules(django_db_setup, django_db_blocker):
    """The word lists and policies the data migration seeds, as editors first see them."""
    with django_db_blocker.unblock():
        return Rules.from_database()


@pytest.fixture(scope="session")
def seeded_reference(django_db_setup, django_db_blocker):
    """The seeded debunked claims, with no published posts."""
    from moderation.models import DebunkedClaim

    with django_db_blocker.unblock():
        claims = [claim.as_spec() for claim in DebunkedClaim.objects.filter(active=True)]
    return ReferenceSet(claims=claims)


@pytest.fixture(scope="session")
def codes_for(seeded_rules, seeded_reference):
    """Return the flag codes raised for a title and body under the seeded rules."""

    def check(body, title="Kabar warga", only=None, **kwargs):
        post = post_input_from_text(title, body, **kwargs)
        flags = run_checks(
            post, reference=seeded_reference, rules=seeded_rules, codes={only} if only else None
        )
        return [flag.code for flag in flags]

    return check


@pytest.fixture
def generate(settings, monkeypatch):
    """Fill the test database with generate_data, a given share of its posts in review."""
    from django.core.management import call_command

    from benchdata import services as benchdata

    def generate(*, in_review, **sizes):
        settings.DEBUG = True
        monkeypatch.setattr(benchdata, "IN_REVIEW_SHARE", in_review)
        call_command("generate_data", images=1, stdout=None, **sizes)

    return generate
