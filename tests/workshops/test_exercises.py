"""Each exercise's sample material meets the pre-check the way its lesson says."""

import pytest

from moderation.checks import ReferenceSet, Rules, post_input_from_text, run_checks
from moderation.models import DebunkedClaim
from workshops.exercises import EXERCISES


@pytest.mark.django_db
def test_sample_material_raises_the_flags_the_lesson_expects():
    rules = Rules.from_database()
    reference = ReferenceSet(
        claims=[claim.as_spec() for claim in DebunkedClaim.objects.filter(active=True)]
    )
    for exercise in EXERCISES:
        post = post_input_from_text(exercise.material_title, "".join(exercise.body_html))
        flags = run_checks(post, reference=reference, rules=rules)
        assert {str(flag.code) for flag in flags} == set(exercise.expected_flags), exercise.slug
        assert any(flag.blocks for flag in flags) == exercise.blocks, exercise.slug
