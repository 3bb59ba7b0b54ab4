"""Social accounts, each post's cross-posting plan, and the delivery outbox."""

import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import crypto


class Network(models.TextChoices):
    FACEBOOK_PAGE = "facebook_page", _("Facebook Page")
    INSTAGRAM = "instagram", _("Instagram")
    X = "x", _("X")
    TELEGRAM = "telegram", _("Telegram channel")
    WHATSAPP_GROUP = "whatsapp_group", _("WhatsApp group (shared by hand)")
    FACEBOOK_GROUP = "facebook_group", _("Facebook group (shared by hand)")


# No API can post to these: the portal prepares the message and a person shares it.
MANUAL_NETWORKS = frozenset({Network.WHATSAPP_GROUP, Network.FACEBOOK_GROUP})
AUTOMATIC_NETWORKS = tuple(n for n in Network if n not in MANUAL_NETWORKS)

# What each network's client needs, in the order the account form asks for it.
CREDENTIAL_FIELDS = {
    Network.FACEBOOK_PAGE: ["page_access_token"],
    Network.INSTAGRAM: ["access_token"],
    Network.X: ["consumer_key", "consumer_secret", "access_token", "access_token_secret"],
    Network.TELEGRAM: ["bot_token"],
    Network.WHATSAPP_GROUP: [],
    Network.FACEBOOK_GROUP: [],
}


class AccountStatus(models.TextChoices):
    CONNECTED = "connected", _("Connected")
    NEEDS_RECONNECT = "needs_reconnect", _("Needs reconnecting")


class SocialAccountQuerySet(models.QuerySet):
    def district(self):
        return self.filter(group__isnull=True)

    def for_group(self, group):
        return self.filter(group=group)

    def automatic(self):
        return self.exclude(network__in=MANUAL_NETWORKS)

    def manual(self):
        return self.filter(network__in=MANUAL_NETWORKS)

    def enabled(self):
        return self.filter(enabled=True)

    def needing_reconnect(self):
        return self.filter(enabled=True, status=AccountStatus.NEEDS_RECONNECT)


class SocialAccount(models.Model):
    """An official account of the district (no group) or of one contributor group."""

    group = models.ForeignKey(
        "kim.ContributorGroup",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="social_accounts",
        help_text=_("Leave empty for the district's own accounts."),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("How editors recognise the account, e.g. the page name."),
    )
    remote_id = models.CharField(
        _("page, account or chat ID"),
        max_length=120,
        blank=True,
        help_text=_(
            "Facebook Page ID, Instagram professional account ID, X user ID (optional) "
            "or Telegram channel (@name or -100… ID)."
        ),
    )
    handle = models.CharField(
        _("public address"),
        max_length=250,
        blank=True,
        help_text=_("X user name, or the group's invitation link for groups shared by hand."),
    )
    credentials_encrypted = models.TextField(editable=False, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    dry_run = models.BooleanField(
        _("dry run"),
        default=False,
        help_text=_("Prepare previews only; never post to the network (workshops, testing)."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AccountStatus.choices, default=AccountStatus.CONNECTED
    )
    status_reason = models.CharField(_("reason"), max_length=500, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SocialAccountQuerySet.as_manager()

    class Meta:
        ordering = ["group__name", "network", "name"]
        verbose_name = _("social account")
        verbose_name_plural = _("social accounts")

    def __str__(self):
        return f"{self.name} ({self.get_network_display()})"

    @property
    def is_manual(self):
        return self.network in MANUAL_NETWORKS

    @property
    def owner_name(self):
        return self.group.name if self.group_id else str(settings.PORTAL_DISTRICT_NAME)

    @property
    def credentials(self):
        return crypto.decrypt(self.credentials_encrypted)

    def set_credentials(self, values):
        self.credentials_encrypted = crypto.encrypt(values) if values else ""

    @property
    def needs_reconnect(self):
        return self.status == AccountStatus.NEEDS_RECONNECT

    @property
    def profile_url(self):
        """The account's own page on the network, where a person checks what was posted."""
        handle = (self.handle or "").lstrip("@")
        remote = (self.remote_id or "").lstrip("@")
        if self.network == Network.FACEBOOK_PAGE and remote:
            return f"https://www.facebook.com/{remote}"
        if self.network == Network.INSTAGRAM and handle:
            return f"https://www.instagram.com/{handle}/"
        if self.network == Network.X and handle:
            return f"https://x.com/{handle}"
        if self.network == Network.TELEGRAM and remote and not remote.lstrip("-").isdigit():
            return f"https://t.me/{remote}"
        return ""


class CrossPostPlan(models.Model):
    """Which accounts a post goes to, and its text tailored per network."""

    post = models.OneToOneField(
        "kim.PostPage", on_delete=models.CASCADE, related_name="crosspost_plan"
    )
    accounts = models.ManyToManyField(SocialAccount, blank=True, related_name="plans")
    texts = models.JSONField(_("texts per network"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cross-posting plan")

    def __str__(self):
        return str(self.post)


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    DEAD = "dead", _("Gave up")
    DRY_RUN = "dry_run", _("Preview only (dry run)")
    DELETED = "deleted", _("Deleted from the network")
    UNCERTAIN = "uncertain", _("Uncertain: check the network")
    CANCELLED = "cancelled", _("Cancelled")


# The query parameter that carries a delivery's marker in the link it posts.
MARKER_PARAMETER = "kim"


def new_marker():
    return secrets.token_hex(6)


def add_marker(link, marker):
    """The post's address with this delivery's marker as a query parameter."""
    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != MARKER_PARAMETER]
    query.append((MARKER_PARAMETER, marker))
    return urlunsplit(parts._replace(query=urlencode(query)))


class ErrorKind(models.TextChoices):
    NONE = "", _("None")
    TRANSIENT = "transient", _("Temporary problem")
    RATE_LIMITED = "rate_limited", _("Rate limited")
    UNCERTAIN = "uncertain", _("Outcome unknown")
    AUTH = "auth", _("Account needs reconnecting")
    PERMANENT = "permanent", _("Rejected by the network")


class DeliveryQuerySet(models.QuerySet):
    def due(self, now):
        """Queued deliveries whose time has come, and claims abandoned by a dead worker."""
        return self.filter(
            Q(status=DeliveryStatus.QUEUED, next_attempt_at__lte=now)
            | Q(status=DeliveryStatus.SENDING, lease_until__lt=now)
        )

    def may_exist(self):
        """Deliveries that may have left a copy on the network: to list when unpublishing."""
        return self.filter(
            Q(status__in=[DeliveryStatus.SENT, DeliveryStatus.UNCERTAIN, DeliveryStatus.SENDING])
            | Q(uncertain=True, status__in=[DeliveryStatus.QUEUED, DeliveryStatus.DEAD])
        )

    def waiting(self):
        """Deliveries that have not reached the network yet and may still be cancelled."""
        return self.filter(
            status__in=[DeliveryStatus.QUEUED, DeliveryStatus.FAILED, DeliveryStatus.DEAD],
            uncertain=False,
        )

    def for_post(self, post):
        return self.filter(post=post)

    def retryable(self):
        return self.filter(status__in=RETRYABLE)


RETRYABLE = (DeliveryStatus.FAILED, DeliveryStatus.DEAD, DeliveryStatus.UNCERTAIN)


class Delivery(models.Model):
    """One post to one account: the outbox row the worker claims, sends and records.

    `round` is 1 for the first publication; "post again" adds a round, so the unique key
    (post, account, round) stops a second row for the same intent.
    """

    post = models.ForeignKey("kim.PostPage", on_delete=models.CASCADE, related_name="deliveries")
    account = models.ForeignKey(SocialAccount, on_delete=models.CASCADE, related_name="deliveries")
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    text = models.TextField(_("text"))
    link = models.URLField(_("link to the post"), max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    error_kind = models.CharField(
        _("problem"), max_length=15, choices=ErrorKind.choices, blank=True, default=ErrorKind.NONE
    )
    last_error = models.TextField(_("reason"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, default=timezone.now
    )
    # A worker holds a delivery while it talks to the network; an expired lease means the
    # worker died, and the next one must check the network before sending again.
    lease_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Set just before a claim's first request to the network: a claim taken over from a dead
    # worker is uncertain only if this is set.
    request_started_at = models.DateTimeField(null=True, blank=True)
    uncertain = models.BooleanField(
        default=False, help_text="A previous attempt may have reached the network."
    )
    # When the earliest attempt that may have reached the network began: the look-up reads
    # the account's posts back to this moment.
    uncertain_since = models.DateTimeField(null=True, blank=True)
    # Goes into the posted link (?kim=...), so the look-up recognises this delivery's copy.
    marker = models.CharField(max_length=32, default=new_marker, editable=False)
    marked_by_hand = models.BooleanField(_("marked as sent by hand"), default=False)
    remote_id = models.CharField(_("remote ID"), max_length=120, blank=True)
    remote_url = models.URLField(_("remote link"), max_length=500, blank=True)
    # Instagram publishes in two calls; the container survives between them (24 hours).
    container_id = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["post", "account__network", "account__name", "-round"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "account", "round"], name="crossposting_delivery_once_per_round"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["status", "lease_until"]),
        ]

    def __str__(self):
        return f"{self.post} → {self.account}"

    @property
    def network(self):
        return self.account.network

    @property
    def marked_link(self):
        return add_marker(self.link, self.marker)

    @property
    def marked_text(self):
        """The text as posted: the post's address in it carries this delivery's marker."""
        if self.link in self.text:
            return self.text.replace(self.link, self.marked_link)
        return self.text

    @property
    def can_retry(self):
        return self.status in RETRYABLE

    @property
    def is_uncertain(self):
        return self.status == DeliveryStatus.UNCERTAIN

    @property
    def can_delete_remote(self):
        from .clients import client_class

        return (
            self.status == DeliveryStatus.SENT
            and bool(self.remote_id)
            and client_class(self.account.network).supports_delete
        )


class AttemptOutcome(models.TextChoices):
    SENT = "sent", _("Sent")
    FOUND = "found", _("Found already posted")
    RETRY = "retry", _("Will retry")
    FAILED = "failed", _("Failed")
    DEAD = "dead", _("Gave up")
    UNCERTAIN = "uncertain", _("Uncertain")
    CANCELLED = "cancelled", _("Cancelled")


class DeliveryAttempt(models.Model):
    """One call of a delivery's network, kept for the history and for troubleshooting."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=AttemptOutcome.choices, blank=True
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self):
        return f"{self.delivery} #{self.number}"


class ManualShare(models.Model):
    """A person's record that they pasted a post into a WhatsApp or Facebook group."""

    post = models.ForeignKey("kim.PostPage", on_delete=models.CASCADE, related_name="manual_shares")
    account = models.ForeignKey(
        SocialAccount, on_delete=models.CASCADE, related_name="manual_shares"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(_("shared"), default=timezone.now)

    class Meta:
        ordering = ["-shared_at"]
        verbose_name = _("manual share")
        verbose_name_plural = _("manual shares")

    def __str__(self):
        return f"{self.post} → {self.account}"
