from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from kim.backends import temporary_password_expired
from kim.hashers import TemporaryPasswordHasher


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class EnrolForm(CodeForm):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=6,
        help_text=_("The six digits the app shows after you scanned the code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form, which says when a temporary password has expired.

    It also names the password field, which Wagtail leaves unlabelled (shown as English).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

    def get_invalid_login_error(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        user = get_user_model()._default_manager.filter(username=username).first()
        if (
            user is not None
            and password
            and temporary_password_expired(user)
            and TemporaryPasswordHasher().verify(password, user.password)
        ):
            return forms.ValidationError(
                _(
                    "This temporary password has expired. Ask your group admin or trainer "
                    "for a new one."
                ),
                code="temporary_password_expired",
            )
        return super().get_invalid_login_error()
