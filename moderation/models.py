"""Editor-managed rule data for the pre-checks, and dismissals of flags on one post."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .checks.hoax import ClaimSpec
from .checks.mask import mask_personal_data
from .checks.types import FlagCode, Severity
from .checks.words import MatchKind, WordRuleSpec

WORD_LIST_CODES = [
    (FlagCode.HATE_SPEECH.value, FlagCode.HATE_SPEECH.label),
    (FlagCode.PROFANITY.value, FlagCode.PROFANITY.label),
    (FlagCode.GAMBLING.value, FlagCode.GAMBLING.label),
]


def _lines(text):
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class FlagPolicy(models.Model):
    """Whether a flag code blocks submission or only warns, set by the editors."""

    code = models.CharField(_("check"), max_length=20, choices=FlagCode.choices, unique=True)
    action = models.CharField(
        _("when found"), max_length=5, choices=Severity.choices, default=Severity.WARN
    )
    active = models.BooleanField(_("active"), default=True)
    threshold = models.PositiveSmallIntegerField(
        _("threshold"),
        null=True,
        blank=True,
        help_text=_(
            "Too short: the minimum number of words. Debunked claim and duplicate: how "
            "alike, in percent, before a flag is raised. Leave empty for the default."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("action")]),
        FieldRowPanel([FieldPanel("active"), FieldPanel("threshold")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("check policy")
        verbose_name_plural = _("check policies")

    def __str__(self):
        return f"{self.get_code_display()}: {self.get_action_display()}"

    def as_spec(self):
        from .checks.engine import Policy

        return Policy(
            self.code,
            blocks=self.action == Severity.BLOCK,
            active=self.active,
            threshold=self.threshold,
        )


class WordRule(index.Indexed, models.Model):
    """A word-list entry for hate speech, insults or gambling, with its harmless contexts."""

    term = models.CharField(
        _("term"),
        max_length=500,
        help_text=_(
            "A word or phrase as people write it; a regular expression if the match is "
            "'Regular expression'. Spelling tricks (g0bl0k, gooblok, a.n.j.i.n.g) are "
            "caught automatically."
        ),
    )
    code = models.CharField(_("flag"), max_length=20, choices=WORD_LIST_CODES)
    match = models.CharField(
        _("match"), max_length=10, choices=MatchKind.choices, default=MatchKind.WORD
    )
    harmless_context = models.TextField(
        _("harmless next to"),
        blank=True,
        help_text=_(
            "One word or phrase per line. The term is not flagged when one of these "
            "stands within six words of it (for 'anjing': peliharaan, rabies)."
        ),
    )
    required_context = models.TextField(
        _("only next to"),
        blank=True,
        help_text=_(
            "One word or phrase per line. If filled in, the term is flagged only when "
            "one of these stands within six words of it (for 'slot': gacor, maxwin)."
        ),
    )
    topic_context = models.TextField(
        _("harmless in a text about"),
        blank=True,
        help_text=_(
            "One word or phrase per line. The term is not flagged anywhere in a post that "
            "contains one of these (for 'babi': ASF, peternak), unless it is aimed at someone "
            "('dasar babi', 'kamu babi') or, for gambling, the paragraph invites readers to "
            "sign up or deposit."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("code"), FieldPanel("match")]),
        FieldRowPanel([FieldPanel("harmless_context"), FieldPanel("required_context")]),
        FieldPanel("topic_context"),
        FieldPanel("notes"),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("notes"),
        index.FilterField("code"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["code", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "term", "match"], name="moderation_unique_word_rule"
            )
        ]
        verbose_name = _("word-list entry")
        verbose_name_plural = _("word lists")

    def __str__(self):
        return f"{self.term} ({self.get_code_display()})"

    def clean(self):
        super().clean()
        if self.match == MatchKind.PATTERN:
            try:
                re.compile(self.term)
            except re.error as error:
                raise ValidationError(
                    {
                        "term": _("This is not a valid regular expression: %(error)s")
                        % {"error": error}
                    }
                ) from error

    def as_spec(self):
        return WordRuleSpec(
            term=self.term,
            code=self.code,
            match=self.match,
            harmless_context=_lines(self.harmless_context),
            required_context=_lines(self.required_context),
            topic_context=_lines(self.topic_context),
            notes=self.notes,
            pk=self.pk,
        )


class DebunkedClaim(index.Indexed, models.Model):
    """A claim shown to be false, with the correction; posts resembling it are flagged."""

    claim = models.TextField(_("claim"), help_text=_("The false claim as it circulates."))
    variants = models.TextField(
        _("other wordings"),
        blank=True,
        help_text=_(
            "Other ways the same claim is written, one per line. Paraphrases are "
            "matched anyway; add wordings that use different words."
        ),
    )
    correction = models.TextField(_("the facts"), blank=True)
    source_name = models.CharField(_("clarified by"), max_length=200, blank=True)
    source_url = models.URLField(_("clarification link"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("claim"),
        FieldPanel("variants"),
        FieldPanel("correction"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("claim"),
        index.AutocompleteField("claim"),
        index.SearchField("correction"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("debunked claim")
        verbose_name_plural = _("debunked claims")

    def __str__(self):
        return self.claim if len(self.claim) <= 80 else self.claim[:79] + "…"

    def as_spec(self):
        return ClaimSpec(
            text=self.claim,
            correction=self.correction,
            source_url=self.source_url,
            variants=_lines(self.variants),
            pk=self.pk,
        )


class FlagDismissalQuerySet(models.QuerySet):
    def for_page(self, page):
        return self.filter(page_id=page.pk)

    def fingerprints(self, page):
        """The fingerprints to pass to ``run_checks(dismissed=...)`` for a page."""
        return frozenset(self.for_page(page).values_list("fingerprint", flat=True))


class FlagDismissal(models.Model):
    """An editor's decision that one flag on one post is not a problem, with the reason."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("check"), max_length=20, choices=FlagCode.choices)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    excerpt = models.TextField(_("flagged text"), blank=True)
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dismissed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dismissed at"), auto_now_add=True)

    objects = FlagDismissalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "fingerprint"], name="moderation_unique_dismissal"
            )
        ]
        verbose_name = _("dismissed flag")
        verbose_name_plural = _("dismissed flags")

    def __str__(self):
        return f"{self.get_code_display()}: {self.excerpt[:60]}"

    @classmethod
    def for_flag(cls, flag, *, page, user, reason):
        """Return an unsaved dismissal of ``flag`` on ``page``."""
        return cls(
            page=page,
            code=flag.code,
            fingerprint=flag.fingerprint,
            excerpt=mask_personal_data(flag.excerpt),
            reason=reason,
            user=user,
        )


from .workflow import *  # noqa: E402,F403  (the workflow tasks and their task states)


class PublishedFingerprint(models.Model):
    """What the duplicate check compares submissions with, kept for each live post.

    Written when the post is published and deleted when it is unpublished or deleted
    (moderation.signals); ``manage.py moderation_fingerprints`` writes any that are missing.
    Whether the post is still public (its group live, not a sandbox) is asked when it is a
    candidate, so deactivating a group needs no rewrite here.
    """

    post = models.OneToOneField(
        "kim.PostPage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    features = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"fingerprint of post {self.post_id}"


class FingerprintFeature(models.Model):
    """One feature a published post is looked up by: a submission finds its candidates here."""

    fingerprint = models.ForeignKey(
        PublishedFingerprint, on_delete=models.CASCADE, related_name="lookup"
    )
    feature = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["feature", "fingerprint"], name="moderation_feature_lookup")
        ]

    def __str__(self):
        return f"{self.feature} → {self.fingerprint_id}"


class FeatureFrequency(models.Model):
    """How many live posts have a feature: rare features weigh more when posts are compared.

    The row for feature 0 holds the number of fingerprinted posts.
    """

    feature = models.IntegerField(primary_key=True)
    posts = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.feature}: {self.posts}"
