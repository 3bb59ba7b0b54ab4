"""Hoax reports become cek-fakta posts with ClaimReview JSON-LD, and debunked claims.

The claim joins the pre-check's list of debunked claims (moderation's DebunkedClaim), so a
post repeating it is flagged from then on.
"""

import json

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, format_html
from wagtail import blocks

from kim.models import Category, PostPage
from moderation.models import DebunkedClaim

from . import permissions
from .models import Complaint, Status

FACT_CHECK_CATEGORY = {"slug": "cek-fakta", "name": "Cek Fakta"}


@transaction.atomic
def fact_check_create(*, complaint, user, group_page, title, verdict, correction) -> PostPage:
    """Create the cek-fakta post as a draft for the editor to publish, and the debunked claim."""
    if not permissions.can_approve_public(user):
        raise PermissionDenied
    category, _created = Category.objects.get_or_create(
        slug=FACT_CHECK_CATEGORY["slug"], defaults={"name": FACT_CHECK_CATEGORY["name"]}
    )
    body = [
        ("paragraph", blocks.RichTextBlock().to_python(f"<p>{escape(correction)}</p>")),
    ]
    page = PostPage(
        title=title,
        summary=f"{verdict}: {complaint.subject or complaint.text}"[:280],
        body=body,
        category=category,
        owner=user,
        live=False,
    )
    group_page.add_child(instance=page)
    page.save_revision(user=user)
    claim = DebunkedClaim.objects.create(
        claim=complaint.text,
        correction=correction,
        source_name=settings.WAGTAIL_SITE_NAME,
        source_url=page.get_full_url() or "",
    )
    now = timezone.now()
    complaint.fact_check_page = page
    complaint.fact_check_verdict = verdict
    complaint.debunked_claim = claim
    complaint.status = Status.RESOLVED
    complaint.first_response_at = complaint.first_response_at or now
    complaint.resolved_at = now
    complaint.closed_at = now
    complaint.save()
    return page


def claim_review_json_ld(page):
    """The schema.org ClaimReview of a cek-fakta post, or "" for other posts."""
    # The post's head shows its category anyway: other posts cost no query here.
    if page.category is None or page.category.slug != FACT_CHECK_CATEGORY["slug"]:
        return ""
    complaint = (
        Complaint.objects.filter(fact_check_page_id=page.pk)
        .order_by("pk")
        .only("text", "channel_url", "fact_check_verdict")
        .first()
    )
    if complaint is None:
        return ""
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page.get_full_url(),
        "claimReviewed": complaint.text,
        "author": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": complaint.fact_check_verdict or "Hoaks",
        },
        "itemReviewed": {"@type": "Claim"},
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if complaint.channel_url:
        data["itemReviewed"]["appearance"] = [
            {"@type": "CreativeWork", "url": complaint.channel_url}
        ]
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</" would end it early; "<" and ">" escaped keep the JSON the same.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', _Raw(text))


class _Raw(str):
    """Already-escaped JSON, inserted verbatim by format_html."""

    def __html__(self):
        return str(self)
