"""Admin forms: a social account with its credentials, and a post's cross-posting choices."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from kim.models import ContributorGroup
from kim.permissions import is_district_staff

from . import compose
from .models import CREDENTIAL_FIELDS, MANUAL_NETWORKS, Network, SocialAccount
from .permissions import admin_groups

# A function registered under this hook name takes (post, network, text) and returns the
# reasons the text may not go out (moderation: blocking flags of its checks).
TEXT_CHECK_HOOK = "crossposting_check_text"

CREDENTIAL_LABELS = {
    "page_access_token": _("Page access token"),
    "access_token": _("Access token"),
    "consumer_key": _("API key (consumer key)"),
    "consumer_secret": _("API key secret (consumer secret)"),
    "access_token_secret": _("Access token secret"),
    "bot_token": _("Bot token"),
}
ALL_CREDENTIALS = list(dict.fromkeys(f for fields in CREDENTIAL_FIELDS.values() for f in fields))


class SocialAccountForm(forms.ModelForm):
    """Credentials are write-only: empty fields keep what is stored, encrypted."""

    class Meta:
        model = SocialAccount
        fields = ["group", "network", "name", "remote_id", "handle", "enabled", "dry_run"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        groups = ContributorGroup.objects.all() if is_district_staff(user) else admin_groups(user)
        self.fields["group"].queryset = groups
        self.fields["group"].empty_label = _("The district (Diskominfo)")
        if not is_district_staff(user):
            self.fields["group"].required = True
            self.fields["group"].empty_label = None
        for name in ALL_CREDENTIALS:
            self.fields[name] = forms.CharField(
                label=CREDENTIAL_LABELS[name],
                required=False,
                strip=True,
                widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
                help_text=_("Stored encrypted. Leave empty to keep the stored value.")
                if self.instance.pk
                else "",
            )

    def clean(self):
        cleaned = super().clean()
        network = cleaned.get("network")
        if not network:
            return cleaned
        needed = CREDENTIAL_FIELDS.get(network, [])
        given = {name: cleaned.get(name) for name in needed if cleaned.get(name)}
        changing_network = self.instance.pk and self.instance.network != network
        if needed and (given or not self.instance.pk or changing_network):
            for name in needed:
                if name not in given:
                    self.add_error(name, _("Needed for this network."))
        if network not in MANUAL_NETWORKS and not cleaned.get("remote_id") and network != Network.X:
            self.add_error(
                "remote_id", _("Give the page, account or channel this account posts to.")
            )
        self.new_credentials = given if given and len(given) == len(needed) else None
        return cleaned


class CrossPostForm(forms.Form):
    """Accounts to send a post to, and the text per network of those accounts."""

    accounts = forms.ModelMultipleChoiceField(
        queryset=SocialAccount.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Send to"),
    )

    def __init__(self, *args, post, selectable, link, has_image, initial_texts, **kwargs):
        super().__init__(*args, **kwargs)
        self.post, self.link, self.has_image = post, link, has_image
        self.fields["accounts"].queryset = selectable.automatic().select_related("group")
        self.networks = [
            n for n in Network if n not in MANUAL_NETWORKS and selectable.filter(network=n).exists()
        ]
        for network in self.networks:
            self.fields[f"text_{network}"] = forms.CharField(
                label=Network(network).label,
                required=False,
                strip=False,
                initial=initial_texts.get(network, ""),
                widget=forms.Textarea(attrs={"rows": 6, "data-network": network}),
            )

    def clean(self):
        cleaned = super().clean()
        chosen_networks = {a.network for a in cleaned.get("accounts") or []}
        for network in self.networks:
            text = (cleaned.get(f"text_{network}") or "").replace("\r\n", "\n")
            cleaned[f"text_{network}"] = text
            if network not in chosen_networks:
                continue
            for problem in compose.problems(
                network, text, link=self.link, has_image=self.has_image
            ):
                self.add_error(f"text_{network}", problem)
        for network in self.networks:
            # The pre-check read the texts when the post was submitted; a text changed since
            # is checked here (moderation registers the check), before any network gets it.
            text = cleaned.get(f"text_{network}") or ""
            for check in hooks.get_hooks(TEXT_CHECK_HOOK):
                for problem in check(self.post, network, text):
                    self.add_error(f"text_{network}", problem)
        return cleaned

    def texts(self):
        return {network: self.cleaned_data[f"text_{network}"] for network in self.networks}


class MarkSentForm(forms.Form):
    """The copy a person found on the network: its address or id, so it can be deleted later."""

    remote = forms.CharField(
        label=_("Address or ID of the post on the network"),
        max_length=500,
        strip=True,
        error_messages={
            "required": _("Paste the address (or the ID) of the post you found on the network.")
        },
    )

    def __init__(self, *args, delivery, **kwargs):
        super().__init__(*args, **kwargs)
        self.delivery = delivery

    def clean_remote(self):
        from .clients import client_class

        value = self.cleaned_data["remote"]
        remote_id = client_class(self.delivery.account.network).remote_id_from(value)
        is_url = value.startswith(("https://", "http://"))
        if not remote_id and not is_url:
            raise forms.ValidationError(
                _("This is neither an address nor an ID of a post on %(network)s.")
                % {"network": self.delivery.account.get_network_display()}
            )
        self.remote_id = remote_id
        self.remote_url = value if is_url else ""
        return value
