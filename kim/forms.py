from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.account import NameEmailForm

from .models import ContributorGroup, GroupStatus

phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{6,20}$", _("Enter a phone number using digits, spaces or dashes only.")
)


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Letters, digits and . - _ only. The member signs in with it."),
        validators=[RegexValidator(r"^[\w.-]+$", _("Use letters, digits and . - _ only."))],
    )
    phone = forms.CharField(
        label=_("Phone (optional)"), max_length=30, required=False, validators=[phone_validator]
    )
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)
    as_admin = forms.BooleanField(
        label=_("Group admin"),
        required=False,
        help_text=_("Group admins may also edit the group page and manage members."),
    )

    def __init__(self, *args, allow_admin=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_admin:
            # Only district staff may make someone a group admin: raising rights is theirs.
            del self.fields["as_admin"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip().lower()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken; choose another."))
        return username


class MoveMemberForm(forms.Form):
    to_group = forms.ModelChoiceField(
        label=_("Move to group"),
        queryset=ContributorGroup.objects.filter(status=GroupStatus.ACTIVE),
    )


class AccountNameForm(NameEmailForm):
    """Wagtail's name (and e-mail) settings, for people with one name and often no e-mail.

    Members are created with their name as they write it ("Wati") and many have no e-mail
    address; Wagtail's own form requires both, so such a member could not save any account
    setting, not even their language.
    """

    last_name = forms.CharField(label=_("Last Name"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "email" in self.fields:
            self.fields["email"].required = False
