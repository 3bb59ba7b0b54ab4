"""The complaint desk's roles: one Django group each, created by a migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ComplaintRole(models.TextChoices):
    TRIAGE = "Complaint triage officer", _("Complaint triage officer")
    AGENCY_OFFICER = "Agency officer", _("Agency officer")
    AGENCY_HEAD = "Agency head", _("Agency head")
    COMMUNITY_ADMIN = "Community admin", _("Community admin")
