"""The reviewers' forms: what each decision asks for."""

import pytest

from moderation.forms import review_form
from moderation.workflow import ReviewReason, ReviewStage

pytestmark = pytest.mark.django_db


def accuracy_reason(text_start):
    return str(ReviewReason.objects.get(stage="accuracy", text__startswith=text_start).pk)


@pytest.mark.parametrize("stage", [ReviewStage.ACCURACY, ReviewStage.USEFULNESS])
def test_a_change_request_needs_something_to_fix(stage):
    form = review_form(stage, "reject")(data={"comment": "  "})
    assert not form.is_valid()
    assert form.non_field_errors() == [
        "Centang yang perlu diperbaiki penulis, atau tuliskan di komentar."
    ]


def test_a_change_request_asks_for_no_verdict():
    form_class = review_form(ReviewStage.ACCURACY, "reject")
    assert "verdict" not in form_class().fields
    # A missing date is a reason from the list, not a finding that the post is a hoax.
    missing_date = accuracy_reason("Tanggal, waktu, atau tempat")
    assert form_class(data={"reasons": [missing_date]}).is_valid()
    assert form_class(data={"comment": "Sebutkan tanggal kegiatannya."}).is_valid()


def test_a_rejection_still_needs_a_verdict_and_a_comment():
    form_class = review_form(ReviewStage.ACCURACY, "decline")
    reason = accuracy_reason("Isi sesuai dengan hoaks")
    assert not form_class(data={"reasons": [reason], "comment": "Sudah dibantah."}).is_valid()
    assert not form_class(data={"reasons": [reason], "verdict": "hoax"}).is_valid()
    assert form_class(
        data={"reasons": [reason], "verdict": "hoax", "comment": "Sudah dibantah."}
    ).is_valid()
