from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kim.models import ContributorGroup, GroupStatus, Region
from kim.roles import Role

from . import services
from .models import Workshop

MAX_CSV_BYTES = 512 * 1024


def trainer_choices():
    return (
        get_user_model()
        .objects.filter(groups__name=Role.TRAINER, is_active=True)
        .order_by("first_name", "username")
    )


def real_groups():
    return ContributorGroup.objects.filter(status=GroupStatus.ACTIVE, is_training=False)


class ParticipantsField(forms.Form):
    """Participants from a pasted list of names, a CSV file, or just a count."""

    names = forms.CharField(
        label=_("Names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One participant per line; add a comma and a phone number if you like."),
    )
    csv_file = forms.FileField(
        label=_("Or a CSV file"),
        required=False,
        help_text=_(
            "Columns: name, phone (optional), own group (optional), with or without a header row."
        ),
    )
    count = forms.IntegerField(
        label=_("Or just a number of accounts"),
        required=False,
        min_value=1,
        max_value=services.MAX_PARTICIPANTS,
        help_text=_("Accounts are named Peserta 001, Peserta 002, ..."),
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("csv_file")
        if upload:
            if upload.size > MAX_CSV_BYTES:
                raise forms.ValidationError(_("The CSV file is too large."))
            data = upload.read()
            if b"\x00" in data:
                # A spreadsheet's own format or a damaged file: no text file holds NUL bytes,
                # and PostgreSQL refuses them in a name.
                raise forms.ValidationError(
                    _("This is not a CSV text file. Save the list as CSV (UTF-8) and try again.")
                )
            try:
                entries = services.entries_from_csv(data)
            except UnicodeDecodeError as error:
                raise forms.ValidationError(_("Save the CSV file as UTF-8.")) from error
        elif cleaned.get("names", "").strip():
            entries = services.entries_from_names(cleaned["names"])
        elif cleaned.get("count"):
            entries = services.entries_from_count(cleaned["count"])
        else:
            entries = []
        if len(entries) > services.MAX_PARTICIPANTS:
            raise forms.ValidationError(
                _("A workshop can have at most %(n)d participants.")
                % {"n": services.MAX_PARTICIPANTS}
            )
        cleaned["entries"] = entries
        return cleaned


class WorkshopForm(ParticipantsField, forms.ModelForm):
    trainers = forms.ModelMultipleChoiceField(
        label=_("Trainers"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Trainers see the board and review the sandbox's posts."),
    )

    class Meta:
        model = Workshop
        fields = ["title", "date", "place", "region"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.districts()
        self.fields["trainers"].queryset = trainer_choices()
        if user is not None and self.fields["trainers"].queryset.filter(pk=user.pk).exists():
            self.initial.setdefault("trainers", [user.pk])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("entries") and not self.errors:
            raise forms.ValidationError(
                _("Give the participants' names, a CSV file or a number of accounts.")
            )
        return cleaned


class TrainersForm(forms.Form):
    trainers = forms.ModelMultipleChoiceField(
        label=_("Trainers"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = trainer_choices()


class RegenerateForm(forms.Form):
    everyone = forms.BooleanField(
        label=_("Also for participants who already chose their own password"), required=False
    )


class PurgeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand: the sandbox's posts, photos, documents and the accounts that "
            "were not moved are deleted for good."
        )
    )


class AddParticipantsForm(ParticipantsField):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("entries") and not self.errors:
            raise forms.ValidationError(
                _("Give the participants' names, a CSV file or a number of accounts.")
            )
        return cleaned


class MonevFilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kabupaten = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=Region.objects.none(), to_field_name="code"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kabupaten"].queryset = Region.objects.districts()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return cleaned
