"""The portal's roles: one Django group each, created by a migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "KIM member", _("KIM member")
    GROUP_ADMIN = "Group admin", _("Group admin")
    EDITOR = "Diskominfo editor", _("Diskominfo editor")
    TRAINER = "Trainer", _("Trainer")
    ADMINISTRATOR = "Administrator", _("Administrator")
