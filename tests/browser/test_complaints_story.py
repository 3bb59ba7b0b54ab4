"""A complaint's round trip on phones: intake > triage > agency answer > reply back > public."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from complaints.models import Complaint
from complaints.roles import ComplaintRole
from kim.roles import Role
from tests.browser.admin_steps import login
from tests.factories import AgencyFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "kata-sandi-uji"


def person(username, role):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def submit(page, action):
    page.locator(f"form[action$='/{action}/'] button[type=submit]").click()


def test_a_complaint_goes_round_the_loop_on_phones(live_server, page):
    base = live_server.url
    admin = person("admin-medsos", ComplaintRole.COMMUNITY_ADMIN)
    person("triase", ComplaintRole.TRIAGE)
    officer = person("petugas", ComplaintRole.AGENCY_OFFICER)
    person("editor", Role.EDITOR)
    agency = AgencyFactory(slug="disdukcapil", name="Disdukcapil", officers=[officer])
    assert page.viewport_size == {"width": 360, "height": 740}

    # 1. The community admin logs what arrived in their Facebook group.
    login(page, base, admin.username, PASSWORD)
    page.goto(f"{base}/admin/aduan/")
    assert fits_the_screen(page)
    page.select_option("select[name=channel]", "facebook_group")
    page.fill("input[name=channel_url]", "https://facebook.com/groups/infoklaten/posts/1")
    page.fill("textarea[name=text]", "Min, blangko KTP di kecamatan habis sejak dua minggu.")
    page.select_option("select[name=kind]", "pertanyaan")
    page.locator("form.complaint-form button[type=submit]").click()
    expect(page.locator(".messages, [role=status], .w-message").first).to_contain_text("ADU-")
    complaint = Complaint.objects.get()
    assert complaint.logged_by == admin and complaint.channel == "facebook_group"

    # 2. Triage routes it to the civil registry.
    login(page, base, "triase", PASSWORD)
    page.goto(f"{base}/admin/aduan/triase/")
    page.get_by_role("link", name=complaint.reference).click()
    assert fits_the_screen(page)
    page.select_option("form[action$='/route/'] select[name=agency]", str(agency.pk))
    submit(page, "route")
    expect(page.locator("dl")).to_contain_text("Disdukcapil")

    # 3. The agency's officer answers and resolves it.
    login(page, base, "petugas", PASSWORD)
    page.goto(f"{base}/admin/aduan/opd/")
    page.get_by_role("link", name=complaint.reference).click()
    page.fill(
        "form[action$='/answer/'] textarea[name=text]",
        "Blangko KTP sudah tersedia lagi di kecamatan mulai Senin.",
    )
    page.check("form[action$='/answer/'] input[name=resolves]")
    submit(page, "answer")
    expect(page.locator("article").first).to_contain_text("Blangko KTP sudah tersedia")

    # 4. An editor approves the public answer.
    login(page, base, "editor", PASSWORD)
    page.goto(f"{base}/admin/aduan/terbitkan/")
    page.get_by_role("link", name=complaint.reference).click()
    submit(page, "publish")
    expect(page.get_by_role("link", name=re.compile("Tanggapan"))).to_be_visible()

    # 5. The admin finds the answer on the dashboard, copies the reply and posts it back.
    login(page, base, admin.username, PASSWORD)
    page.get_by_role("link", name=complaint.reference).click()
    reply = page.locator("#channel-reply").input_value()
    assert "Blangko KTP sudah tersedia" in reply
    assert f"/tanggapan/{complaint.reference}/" in reply
    submit(page, "posted_back")
    complaint.refresh_from_db()
    assert complaint.posted_back_at is not None

    # 6. A resident follows the link.
    page.context.clear_cookies()
    page.goto(re.search(r"https?://\S+", reply).group(0).replace("http://testserver", base))
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".complaint-answer")).to_contain_text("Blangko KTP sudah tersedia")
    expect(page.locator("main")).to_contain_text("Disdukcapil")
    assert fits_the_screen(page)
