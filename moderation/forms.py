"""The reviewers' forms: one per review and action, shown in Wagtail's workflow modal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .workflow import AccuracyReviewState, ReviewReason, ReviewStage, UsefulnessReviewState, Verdict


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    stage = None

    def fields_from_model(self, model, names, *, required):
        for name in names:
            self.fields[name] = forms.BooleanField(
                label=model._meta.get_field(name).verbose_name.capitalize(), required=required
            )


class ApproveForm(ReviewForm):
    """Approval needs every checklist item ticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = STATE_MODELS[self.stage]
        self.fields_from_model(model, model.CHECKLIST, required=True)
        for name in model.CHECKLIST:
            self.fields[name].error_messages["required"] = _("Tick every item before approving.")
        self.order_fields([*model.CHECKLIST, "comment"])


class ReturnForm(ReviewForm):
    """Sending a post back says what to fix: reasons from the editors' list, or a note."""

    reasons = forms.MultipleChoiceField(
        label=_("What to fix"), required=False, widget=forms.CheckboxSelectMultiple
    )
    verdicts = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reasons"].choices = [
            (str(reason.pk), reason.text)
            for reason in ReviewReason.objects.filter(stage=self.stage, active=True)
        ]
        if self.verdicts:
            self.fields["verdict"] = forms.ChoiceField(
                label=_("Verdict"), choices=[(v.value, v.label) for v in self.verdicts]
            )
            self.order_fields(["verdict", "reasons", "comment"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("reasons") and not cleaned.get("comment", "").strip():
            raise forms.ValidationError(
                _("Tick what the author must fix, or write it in the comment."),
                code="no_reason",
            )
        return cleaned


class AccuracyApproveForm(ApproveForm):
    stage = ReviewStage.ACCURACY


class AccuracyReturnForm(ReturnForm):
    """A change request: a missing date or source is no verdict on the post's truth."""

    stage = ReviewStage.ACCURACY


class AccuracyDeclineForm(AccuracyReturnForm):
    """A rejection says why: the post is a hoax, misleading, or cannot be verified."""

    verdicts = (Verdict.HOAX, Verdict.MISLEADING, Verdict.UNVERIFIABLE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True


class UsefulnessApproveForm(ApproveForm):
    stage = ReviewStage.USEFULNESS


class UsefulnessReturnForm(ReturnForm):
    stage = ReviewStage.USEFULNESS


STATE_MODELS = {
    ReviewStage.ACCURACY: AccuracyReviewState,
    ReviewStage.USEFULNESS: UsefulnessReviewState,
}
FORMS = {
    (ReviewStage.ACCURACY, "approve"): AccuracyApproveForm,
    (ReviewStage.ACCURACY, "reject"): AccuracyReturnForm,
    (ReviewStage.ACCURACY, "decline"): AccuracyDeclineForm,
    (ReviewStage.USEFULNESS, "approve"): UsefulnessApproveForm,
    (ReviewStage.USEFULNESS, "reject"): UsefulnessReturnForm,
}


def review_form(stage, action):
    return FORMS[(stage, action)]


def bound_again(form_class, cleaned_data):
    """Rebuild a form from data that came back as cleaned data (e.g. through the editor)."""
    data = {}
    for name, value in cleaned_data.items():
        if value is True:
            data[name] = "on"
        elif value not in (False, None):
            data[name] = value
    return form_class(data=data)


class ClaimForm(forms.Form):
    pass


class DismissFlagForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why is this not a problem?"), max_length=500)
