"""Residents' complaints and questions, the agencies (OPD) that answer them, and their answers."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Channel(models.TextChoices):
    FACEBOOK = "facebook", _("Facebook")
    FACEBOOK_GROUP = "facebook_group", _("Facebook group")
    INSTAGRAM = "instagram", _("Instagram")
    X = "x", _("X (Twitter)")
    TIKTOK = "tiktok", _("TikTok")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    WEB = "web", _("Web form")
    WALK_IN = "walk_in", _("In person")
    PHONE = "phone", _("Phone")
    LAPOR = "lapor", _("SP4N-LAPOR!")


# The channels counted as social media in reports.
SOCIAL_MEDIA_CHANNELS = (
    Channel.FACEBOOK,
    Channel.FACEBOOK_GROUP,
    Channel.INSTAGRAM,
    Channel.X,
    Channel.TIKTOK,
    Channel.WHATSAPP,
    Channel.TELEGRAM,
)


class Kind(models.TextChoices):
    COMPLAINT = "aduan", _("Complaint")
    QUESTION = "pertanyaan", _("Question")
    ASPIRATION = "aspirasi", _("Aspiration")
    HOAX_REPORT = "laporan_hoaks", _("Hoax report")


class Status(models.TextChoices):
    NEW = "baru", _("New")
    VERIFIED = "diverifikasi", _("Verified")
    FORWARDED = "diteruskan", _("Forwarded")
    ANSWERED = "ditanggapi", _("Answered")
    RESOLVED = "selesai", _("Resolved")
    REJECTED = "ditolak", _("Rejected")


CLOSED_STATUSES = (Status.RESOLVED, Status.REJECTED)
IN_PROGRESS_STATUSES = (Status.FORWARDED, Status.ANSWERED)


class LaporStatus(models.TextChoices):
    NONE = "", _("Not forwarded")
    SENT = "terkirim", _("Sent")
    VERIFIED = "terverifikasi", _("Verified by LAPOR!")
    DISPOSED = "didisposisi", _("Disposed to an agency")
    ANSWERED = "ditindaklanjuti", _("Followed up")
    CLOSED = "selesai", _("Closed")


class Agency(index.Indexed, models.Model):
    """A district agency (OPD) that answers complaints, managed by the editors."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    head_email = models.EmailField(
        _("head's e-mail"), blank=True, help_text=_("Overdue complaints are e-mailed here.")
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officers"),
        blank=True,
        related_name="complaint_agencies",
        help_text=_("Accounts that see and answer this agency's complaints."),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("head_email"),
        FieldPanel("officers"),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name


class NonWorkingDay(models.Model):
    """An extra day off (cuti bersama) on top of weekends and national holidays."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120, blank=True)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("extra non-working day")
        verbose_name_plural = _("extra non-working days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}".strip()


class ComplaintQuerySet(models.QuerySet):
    def received_between(self, start, end):
        """Complaints received from ``start`` (inclusive) to ``end`` (exclusive), aware times."""
        return self.filter(received_at__gte=start, received_at__lt=end)

    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def for_agency_officer(self, user):
        return self.filter(agency__officers=user)

    def visible_to(self, user):
        """The complaints a user may open: triage all, officers their agency's, admins theirs."""
        from .permissions import can_approve_public, is_triage

        if not user.is_authenticated:
            return self.none()
        if is_triage(user):
            return self
        visible = Q(agency__officers=user) | Q(logged_by=user)
        if can_approve_public(user):
            visible |= Q(first_response_at__isnull=False) | Q(kind=Kind.HOAX_REPORT)
        return self.filter(visible).distinct()

    def published(self):
        return self.filter(published_at__isnull=False)


def private_upload_to(instance, filename):
    """An unguessable name: the files are served only through the desk's permission check."""
    suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"complaints/{secrets.token_hex(16)}.{suffix}"


def new_reference():
    """A short reference residents can quote: the date and four hex digits, ADU-261203-3F9A."""
    today = timezone.localdate()
    return f"ADU-{today:%y%m%d}-{secrets.token_hex(2).upper()}"


class Complaint(models.Model):
    """One resident's complaint, question, aspiration or hoax report, from any channel."""

    reference = models.CharField(_("reference"), max_length=64, unique=True)
    received_at = models.DateTimeField(_("received"), db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    channel_url = models.URLField(_("link to the original"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "kim.Region",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as given when the code is not (yet) in the region table, e.g. imported rows.
    region_code = models.CharField(_("region code"), max_length=13, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    text = models.TextField(_("text"))
    screenshot = models.ImageField(
        _("screenshot"), upload_to=private_upload_to, blank=True, max_length=255
    )
    reporter_name = models.CharField(_("resident's name"), max_length=150, blank=True)
    reporter_contact = models.CharField(_("resident's contact"), max_length=150, blank=True)
    consent = models.BooleanField(
        _("consent"),
        default=False,
        help_text=_("The resident agreed that their name and contact are kept."),
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    lapor_tracking = models.CharField(_("SP4N-LAPOR! tracking number"), max_length=60, blank=True)
    lapor_status = models.CharField(
        _("SP4N-LAPOR! status"), max_length=20, choices=LaporStatus.choices, blank=True
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    answered_by_link = models.ForeignKey(
        "self",
        verbose_name=_("answered by the public answer of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="linked_questions",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="logged_complaints",
    )
    triage_note = models.TextField(_("triage note"), blank=True)
    posted_back_at = models.DateTimeField(_("reply posted on the channel"), null=True, blank=True)
    # Public answer ("Tanggapan"): masked question, shown after an editor's approval.
    public_question = models.TextField(_("question as published"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fact_check_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("fact-check post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fact_check_verdict = models.CharField(_("fact-check verdict"), max_length=60, blank=True)
    debunked_claim = models.ForeignKey(
        "moderation.DebunkedClaim",
        verbose_name=_("debunked claim"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        permissions = [
            ("triage_complaint", _("Can triage complaints")),
            ("log_complaint", _("Can log complaints from a channel")),
            ("approve_public_answer", _("Can publish answers to complaints")),
            ("view_complaint_reports", _("Can see complaint reports")),
        ]

    def __str__(self):
        return f"{self.reference}: {self.subject or self.text[:60]}"

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def public_answer(self):
        """The latest official answer (answers are ordered by time)."""
        answers = [a for a in self.answers.all() if not a.internal]
        return answers[-1] if answers else None


class Answer(models.Model):
    """An agency's official answer, or its resolution with evidence."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="answers")
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("official answer"))
    attachment = models.FileField(
        _("attachment or evidence"), upload_to=private_upload_to, blank=True
    )
    resolves = models.BooleanField(_("resolves the complaint"), default=False)
    internal = models.BooleanField(_("internal note"), default=False)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.complaint.reference} @ {self.created_at:%Y-%m-%d %H:%M}"


class ContactView(models.Model):
    """A record that someone saw a resident's name and contact (privacy audit)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="contact_views")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("contact view")
        verbose_name_plural = _("contact views")

    def __str__(self):
        return f"{self.complaint.reference}: {self.user} @ {self.viewed_at:%Y-%m-%d %H:%M}"
