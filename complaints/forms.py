from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kim.models import GroupPage, Region, RegionLevel

from .models import Agency, Channel, Complaint, Kind, LaporStatus

SCREENSHOT_TYPES = ("image/jpeg", "image/png", "image/webp")
MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024


def place_choices():
    return Region.objects.filter(level__in=[RegionLevel.DISTRICT, RegionLevel.SUBDISTRICT])


class ConsentMixin:
    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("reporter_name") or cleaned.get("reporter_contact")) and not cleaned.get(
            "consent"
        ):
            raise ValidationError(
                _(
                    "A name or contact may be kept only with the resident's consent: tick the "
                    "consent box or leave them empty."
                )
            )
        return cleaned

    def clean_screenshot(self):
        upload = self.cleaned_data.get("screenshot")
        if upload:
            if upload.size > MAX_SCREENSHOT_BYTES:
                raise ValidationError(_("The screenshot is larger than 5 MB."))
            content_type = getattr(upload, "content_type", "")
            if content_type and content_type not in SCREENSHOT_TYPES:
                raise ValidationError(_("Upload a JPEG, PNG or WebP picture."))
        return upload


class IntakeForm(ConsentMixin, forms.Form):
    """What a community admin logs from their channel, short enough for a phone."""

    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    channel_url = forms.URLField(
        label=_("Link to the post or comment"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    text = forms.CharField(
        label=_("What the resident wrote"), widget=forms.Textarea(attrs={"rows": 4})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.COMPLAINT)
    region = forms.ModelChoiceField(
        label=_("Place"), queryset=Region.objects.none(), required=False
    )
    screenshot = forms.ImageField(label=_("Screenshot (optional)"), required=False)
    consent = forms.BooleanField(
        label=_("The resident agrees that their name and contact are kept"), required=False
    )
    reporter_name = forms.CharField(label=_("Resident's name"), max_length=150, required=False)
    reporter_contact = forms.CharField(
        label=_("Resident's contact"), max_length=150, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = place_choices()


class PublicComplaintForm(ConsentMixin, forms.Form):
    """The residents' own form on the portal; ``website`` is a trap for bots."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.COMPLAINT)
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Your complaint or question"), widget=forms.Textarea(attrs={"rows": 5})
    )
    region = forms.ModelChoiceField(
        label=_("Place"), queryset=Region.objects.none(), required=False
    )
    screenshot = forms.ImageField(label=_("Picture (optional)"), required=False)
    reporter_name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    reporter_contact = forms.CharField(
        label=_("Phone or e-mail for the answer"), max_length=150, required=False
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and contact are kept to answer me, as the notice above says"),
        required=False,
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = place_choices()

    @property
    def is_bot(self):
        return bool(self.data.get("website"))


class VerifyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    note = forms.CharField(label=_("Note"), required=False)


class RouteForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(active=True))
    note = forms.CharField(label=_("Note"), required=False)


class LaporForm(forms.Form):
    tracking = forms.CharField(label=_("SP4N-LAPOR! tracking number"), max_length=60)
    lapor_status = forms.ChoiceField(
        label=_("SP4N-LAPOR! status"),
        choices=[c for c in LaporStatus.choices if c[0]],
        initial=LaporStatus.SENT,
    )


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Reference of the first complaint"), max_length=64)

    def clean_into(self):
        reference = self.cleaned_data["into"].strip()
        target = Complaint.objects.filter(reference=reference).first()
        if target is None:
            raise ValidationError(_("No complaint has this reference."))
        return target


class LinkAnswerForm(forms.Form):
    answered_by = forms.CharField(label=_("Reference of the published answer"), max_length=64)

    def clean_answered_by(self):
        reference = self.cleaned_data["answered_by"].strip()
        target = Complaint.objects.published().filter(reference=reference).first()
        if target is None:
            raise ValidationError(_("No published answer has this reference."))
        return target


class RejectForm(forms.Form):
    note = forms.CharField(label=_("Reason"), required=False)


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 5}))
    attachment = forms.FileField(label=_("Attachment or evidence"), required=False)
    resolves = forms.BooleanField(label=_("This resolves the complaint"), required=False)


class SendBackForm(forms.Form):
    reason = forms.CharField(label=_("Why it is not this agency's"), max_length=500)


class PublishForm(forms.Form):
    question = forms.CharField(
        label=_("Question as published"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Personal data is masked and insults are left out on publication."),
    )


VERDICTS = [
    ("Hoaks", _("Hoax")),
    ("Salah", _("False")),
    ("Menyesatkan", _("Misleading")),
    ("Sebagian benar", _("Partly true")),
]


class FactCheckForm(forms.Form):
    group_page = forms.ModelChoiceField(
        label=_("Publish under the group"), queryset=GroupPage.objects.none()
    )
    title = forms.CharField(label=_("Title of the cek-fakta post"), max_length=255)
    verdict = forms.ChoiceField(label=_("Verdict"), choices=VERDICTS)
    correction = forms.CharField(label=_("The facts"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group_page"].queryset = GroupPage.objects.live().order_by("title")
