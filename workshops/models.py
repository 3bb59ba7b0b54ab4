"""Workshops, their participants, and what stays of them after the sandbox is purged."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kim.models import ContributorGroup, Region, RegionLevel


class WorkshopStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed (sandbox purged)")


class WorkshopQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=WorkshopStatus.OPEN)

    def trained_by(self, user):
        return self.filter(trainers=user)


class Workshop(models.Model):
    """A training day: a sandbox group, participant accounts, and afterwards the record."""

    title = models.CharField(_("title"), max_length=150)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    region = models.ForeignKey(
        Region,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": RegionLevel.DISTRICT},
        help_text=_("The sandbox group is filed under this district; it is never public."),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="workshops_trained"
    )
    sandbox = models.OneToOneField(
        ContributorGroup,
        verbose_name=_("sandbox group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="workshop",
    )
    # The trainers' rights: edit, review and publish in the sandbox subtree, nothing else.
    trainer_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="workshop_trained",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=WorkshopStatus.choices, default=WorkshopStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return f"{self.title} ({self.date:%d-%m-%Y})"

    @property
    def is_open(self):
        return self.status == WorkshopStatus.OPEN

    def username_for(self, number):
        return f"ws{self.pk}-peserta-{number:03d}"

    def passwords_expire_at(self):
        """Participants' temporary passwords work until the end of the workshop's day.

        Accounts added after that day (a late list) keep theirs until the end of the day they
        were made: a temporary password that never worked would help nobody.
        """
        last_day = max(self.date, timezone.localdate())
        next_day = datetime.combine(last_day + timedelta(days=1), time.min)
        return timezone.make_aware(next_day)


class ParticipantQuerySet(models.QuerySet):
    def in_sandbox(self):
        """Participants whose account is still in the sandbox (not moved, not purged)."""
        return self.filter(user__isnull=False, moved_at__isnull=True)

    def attended(self):
        return self.filter(
            Q(attended=True)
            | Q(user__last_login__isnull=False, workshop__status=WorkshopStatus.OPEN)
        )


class Participant(models.Model):
    """One person at a workshop; the row and its results outlive the sandbox account."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    number = models.PositiveIntegerField(_("number"))
    full_name = models.CharField(_("name"), max_length=150)
    username = models.CharField(_("username"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_participations",
    )
    home_group = models.ForeignKey(
        ContributorGroup,
        verbose_name=_("own group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_participants",
        help_text=_("The real group the participant belongs to, if known."),
    )
    moved_at = models.DateTimeField(_("moved to own group"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    # The progress board's steps, kept when the sandbox is purged.
    results = models.JSONField(_("results"), default=dict, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["workshop", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "number"], name="workshops_participant_number"
            ),
        ]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.full_name
