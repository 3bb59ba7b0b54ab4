"""A hoax report becomes a cek-fakta post with ClaimReview JSON-LD and a debunked claim."""

import json
import re

import pytest
from django.urls import reverse

from complaints.models import Complaint
from kim.models import PostPage
from moderation.checks import post_input_from_text, run_checks
from moderation.checks.engine import ReferenceSet, Rules
from tests.factories import ComplaintFactory, GroupPageFactory, PostPageFactory

CLAIM = "Vaksin campak di puskesmas mengandung chip pelacak untuk memata-matai warga desa"


@pytest.fixture
def hoax_report(desk):
    return ComplaintFactory(
        kind="laporan_hoaks",
        status="diverifikasi",
        text=CLAIM,
        subject="Vaksin berisi chip",
        channel_url="https://facebook.com/groups/info/posts/9",
        logged_by=desk.admin,
    )


def test_hoax_reports_wait_in_the_editors_queue(client, desk, hoax_report):
    client.force_login(desk.editor)
    page = client.get(reverse("complaints_fact_checks")).content.decode()
    assert hoax_report.reference in page
    client.force_login(desk.officer_a)
    response = client.get(reverse("complaints_fact_checks"))
    assert response.status_code == 302  # Wagtail's answer to a permission error


def test_an_editor_turns_a_hoax_report_into_a_cek_fakta_post(client, desk, hoax_report):
    group = GroupPageFactory(title="Diskominfo", slug="diskominfo")
    client.force_login(desk.editor)
    response = client.post(
        reverse("complaints_action", args=[hoax_report.pk, "fact_check"]),
        {
            "group_page": group.pk,
            "title": "[HOAKS] Vaksin campak berisi chip",
            "verdict": "Hoaks",
            "correction": "Dinas Kesehatan memastikan vaksin campak tidak berisi chip apa pun.",
        },
    )
    assert response.status_code == 302
    hoax_report.refresh_from_db()
    post = PostPage.objects.get(pk=hoax_report.fact_check_page_id)
    assert post.category.slug == "cek-fakta"
    assert not post.live  # a draft, for the editor to publish
    assert hoax_report.status == "selesai"
    claim = hoax_report.debunked_claim
    assert claim.claim == CLAIM and claim.active

    # The claim now feeds the pre-check: a post repeating it is flagged.
    flags = run_checks(
        post_input_from_text(title="Info", body=CLAIM + " kata tetangga saya."),
        reference=ReferenceSet.from_database(),
        rules=Rules.from_database(),
    )
    assert "hoax_match" in {flag.code for flag in flags}

    # Published, the post carries the ClaimReview.
    post.get_latest_revision().publish()
    html = client.get(post.url).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(found.group(1))
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == CLAIM
    assert data["reviewRating"]["alternateName"] == "Hoaks"
    assert data["itemReviewed"]["appearance"][0]["url"] == hoax_report.channel_url


def test_other_posts_carry_no_claim_review(client, db):
    post = PostPageFactory()
    assert "application/ld+json" not in client.get(post.url).content.decode()


def test_officers_cannot_create_fact_checks(client, desk, hoax_report):
    hoax_report.agency = desk.agency_a
    hoax_report.save()
    client.force_login(desk.officer_a)
    client.post(
        reverse("complaints_action", args=[hoax_report.pk, "fact_check"]),
        {"group_page": GroupPageFactory().pk, "title": "x", "verdict": "Hoaks", "correction": "y"},
    )
    assert Complaint.objects.get(pk=hoax_report.pk).fact_check_page is None
