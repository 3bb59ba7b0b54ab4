"""The moderation pre-checks: plain functions over a post's text, links and images.

``run_checks(post, reference=..., rules=...)`` returns a list of ``Flag``; build the post with
``post_input_from_page`` (Wagtail pages and revisions) or ``post_input_from_text``.
"""

from .duplicate import PublishedPost
from .engine import CHECKS, Policy, ReferenceSet, Rules, blocking_flags, run_checks
from .hoax import ClaimSpec
from .inputs import post_input_from_text
from .types import Flag, FlagCode, ImageRef, Link, PostInput, Severity, SourceRef, TextPart
from .words import MatchKind, WordRuleSpec

__all__ = [
    "CHECKS",
    "ClaimSpec",
    "Flag",
    "FlagCode",
    "ImageRef",
    "Link",
    "MatchKind",
    "Policy",
    "PostInput",
    "PublishedPost",
    "ReferenceSet",
    "Rules",
    "Severity",
    "SourceRef",
    "TextPart",
    "WordRuleSpec",
    "blocking_flags",
    "post_input_from_page",
    "post_input_from_text",
    "run_checks",
]


def post_input_from_page(page_or_revision):
    """Return the ``PostInput`` for a post page or revision (imports Wagtail lazily)."""
    from .pages import post_input_from_page as adapter

    return adapter(page_or_revision)
