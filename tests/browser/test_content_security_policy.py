"""The admin and the public pages work under their Content-Security-Policy: no violation.

Chromium reports every blocked script, style, image or frame as a `securitypolicyviolation`
event; an init script turns each into a console message the test collects, page by page.
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.admin_steps import login
from tests.factories import CategoryFactory, PhotoFactory, PostPageFactory
from tests.kim.conftest import World
from tests.moderation.test_workflow import draft, submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Gotong-royong-2026"
LISTEN = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def violations(page):
    """Every CSP violation the pages of this test report (Chromium's own messages too)."""
    found = []
    page.add_init_script(LISTEN)

    def record(message):
        text = message.text
        if "CSP violation" in text or "Content Security Policy" in text:
            found.append(f"{page.url}: {text}")

    page.on("console", record)
    return found


@pytest.fixture
def portal(db):
    world = World()
    for user in (world.member, world.editor):
        user.set_password(PASSWORD)
        user.save()
    in_review = submit(Client(), world.member, draft(world))
    category = CategoryFactory(name="Pengumuman", slug="pengumuman")
    post = PostPageFactory(
        parent=world.group_a.page,
        title="Kerja bakti di Jaten",
        slug="kerja-bakti-jaten",
        category=category,
        tags=["gotong-royong"],
        hero_image=PhotoFactory(),
        hero_alt="Warga membersihkan saluran air.",
        sources=[{"title": "Pemdes Jaten", "kind": "official", "url": "https://jaten.desa.id/"}],
    )
    return world, post, in_review


def visit(page, address):
    response = page.goto(address)
    assert response.status < 400, address
    page.wait_for_load_state("networkidle")


def test_the_listener_catches_a_violation(live_server, page, violations):
    """The test can fail: an inline script on a public page is blocked and reported."""
    visit(page, f"{live_server.url}/robots.txt")
    visit(page, f"{live_server.url}/cari/")
    page.evaluate(
        "document.body.appendChild(Object.assign(document.createElement('script'),"
        " {textContent: 'window.ran = true'}))"
    )
    page.wait_for_timeout(200)

    assert page.evaluate("window.ran === undefined")
    assert any("script-src" in violation for violation in violations)


def test_admin_works_under_its_policy(live_server, page, violations, portal):
    world, post, in_review = portal
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, base, "editor", PASSWORD)
    # The dashboard holds the moderation queue.
    expect(page.locator(f'[data-queue-item="{in_review.pk}"]')).to_be_visible()
    for address in [
        f"/admin/pages/{world.group_a.page.get_parent().pk}/",
        f"/admin/pages/{world.group_a.page.pk}/",
        "/admin/images/",
        f"/admin/images/{post.hero_image.pk}/",
        "/admin/images/multiple/add/",
        "/admin/reports/workflow/",
        f"/admin/pages/{in_review.pk}/edit/",
    ]:
        visit(page, base + address)

    visit(page, f"{base}/admin/pages/{post.pk}/edit/")
    # Add a source: InlinePanel inserts a new form from its template, scripts and all.
    page.locator("#id_sources-ADD").click()
    expect(page.locator("#id_sources-1-title")).to_be_attached()
    page.locator("input[name=event_date]").click()
    page.fill("input[name=title]", "Kerja bakti di Jaten, RW 03")
    page.locator("footer button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(f"{base}/admin/pages/{post.pk}/edit/preview/?mode=")

    assert violations == []


def test_public_pages_work_under_their_policy(live_server, page, violations, portal):
    world, post, _ = portal
    base = live_server.url
    for address in [
        "/",
        world.group_a.page.get_parent().url,
        world.group_a.page.url,
        post.url,
        "/kategori/pengumuman/",
        "/tag/gotong-royong/",
        "/cari/?q=kerja",
        "/en/",
        post.url.replace("/", "/en/", 1),
    ]:
        visit(page, base + address)

    assert violations == []
