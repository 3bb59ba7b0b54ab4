"""An author chooses accounts, tailors the text with live counts, and checks the previews."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from crossposting.models import CrossPostPlan, Network
from tests.browser.admin_steps import login
from tests.browser.conftest import (  # noqa: F401 (the browser stories' launch settings)
    CHROMIUM,
    _allow_orm_beside_playwright,
    browser_context_args,
    browser_type_launch_args,
)

from .conftest import make_account

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing"),
    # The home page and group directory come from a data migration: keep them across flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_author_tailors_texts_with_live_counts_and_previews(live_server, page, people):
    author = people.member_a
    author.set_password("kata-sandi-uji")
    author.save()
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "en"  # the words below are the English ones
    profile.save()
    post = people.draft(tags=["kerja bakti"])
    x = make_account(Network.X, group=people.group_a, name="Sekar di X")
    make_account(Network.TELEGRAM, group=people.group_a, name="Kanal Sekar")
    make_account(Network.FACEBOOK_PAGE, name="Diskominfo Klaten")  # the district's: not offered
    url = f"{live_server.url}/admin/crossposting/posts/{post.pk}/"

    login(page, live_server.url, author.username, "kata-sandi-uji")
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    # The post's header menu leads to the cross-posting page.
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator(f'a[href="/admin/crossposting/posts/{post.pk}/"]').click()
    expect(page).to_have_url(url)

    expect(page.get_by_label(re.compile("Sekar di X"))).to_be_visible()
    expect(page.get_by_text("Diskominfo Klaten")).to_have_count(0)
    page.get_by_label(re.compile("Sekar di X")).check()
    page.get_by_label(re.compile("Kanal Sekar")).check()

    x_section = page.locator('[data-network-section="x"]')
    x_text = x_section.locator("textarea")
    link = x_text.input_value().split("\n")[2]
    expect(x_section.locator("[data-preview-account]")).to_have_text("Sekar di X")

    # Links count 23 on X, however long they are.
    x_text.fill(f"Kerja bakti di Sengon {link}")
    expect(x_section.locator('[data-count="0"] [data-used]')).to_have_text(str(22 + 23))
    expect(x_section.locator("[data-preview-text]")).to_have_text(f"Kerja bakti di Sengon {link}")

    x_text.fill("Kabar " * 50 + link)
    expect(x_section.locator('[data-count="0"] [data-used]')).to_have_text(str(6 * 50 + 23))
    expect(x_section.locator('[data-count="0"]')).to_have_class(re.compile("crosspost-count--over"))

    x_text.fill(f"Kerja bakti warga Sengon {link}")
    x_section.get_by_role("button", name=re.compile("hashtags")).click()
    expect(x_section.locator("[data-preview-text]")).to_contain_text("#KerjaBakti")
    expect(x_section.locator('[data-count="0"]')).not_to_have_class(
        re.compile("crosspost-count--over")
    )

    # Telegram: a photo caption holds 1,024; a longer text goes out without the photo.
    telegram = page.locator('[data-network-section="telegram"]')
    telegram.locator("textarea").fill("Warga " * 200 + link)
    expect(telegram.locator('[data-count="1"]')).to_have_class(re.compile("over"))
    expect(telegram.locator("[data-preview-note]")).to_contain_text("without the photo")
    expect(telegram.locator("[data-preview-image]")).to_be_hidden()
    telegram.locator("textarea").fill(f"Kerja bakti warga Sengon.\n\n{link}")
    expect(telegram.locator("[data-preview-note]")).to_be_hidden()
    expect(telegram.locator("[data-preview-image]")).to_be_visible()

    # Removing the link is refused on saving, and the author's text survives the refusal.
    x_text.fill("Tanpa tautan")
    page.get_by_role("button", name="Save choices").click()
    expect(page.locator(".error-message").first).to_contain_text("link to the post")
    expect(page.locator('[data-network-section="x"] textarea')).to_have_value("Tanpa tautan")

    page.locator('[data-network-section="x"] textarea').fill(f"Kerja bakti warga {link}")
    page.get_by_role("button", name="Save choices").click()
    expect(page.get_by_text("Saved the cross-posting choices.")).to_be_visible()

    plan = CrossPostPlan.objects.get(post=post)
    assert x in plan.accounts.all()
    assert plan.texts["x"] == f"Kerja bakti warga {link}"
