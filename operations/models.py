"""What keeps the portal running: the scheduler's record and the scan's allow-list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ScheduledJob(models.Model):
    """When the worker's scheduler last started a periodic job, so restarts do not repeat it."""

    name = models.CharField(max_length=50, primary_key=True)
    last_run_at = models.DateTimeField()

    def __str__(self):
        return self.name


class AllowedDomainQuerySet(models.QuerySet):
    def hosts(self):
        return set(self.values_list("domain", flat=True))


class AllowedDomain(models.Model):
    """A domain public pages may link to; scan_public_pages reports links to any other.

    A domain covers its subdomains: go.id allows klatenkab.go.id.
    """

    domain = models.CharField(
        _("domain"),
        max_length=253,
        unique=True,
        help_text=_("For example go.id or facebook.com; subdomains are included."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = AllowedDomainQuerySet.as_manager()

    panels = [FieldPanel("domain"), FieldPanel("note")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("allowed link domain")
        verbose_name_plural = _("allowed link domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)


def normalise_domain(value):
    """`https://www.Example.go.id/x` and `.example.go.id` both become example.go.id."""
    value = value.strip().lower()
    if "://" in value:
        value = value.split("://", 1)[1]
    value = value.split("/", 1)[0].split(":", 1)[0].strip(".")
    return value.removeprefix("www.")
