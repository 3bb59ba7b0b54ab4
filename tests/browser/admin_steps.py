"""Steps in Wagtail's admin shared by the browser stories."""

import re

from playwright.sync_api import expect


def login(page, base, username, password, *, expect_dashboard=True):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    if expect_dashboard:
        expect(page).to_have_url(re.compile(r"/admin/$"))


def fill_body(page, text):
    """Type into the post body's first text block, adding one if the stream is empty."""
    editor = page.locator("[data-contentpath=body] .public-DraftEditor-content").first
    if not editor.count():
        page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
        page.get_by_role("option", name=re.compile("Text|Teks")).first.click()
    editor.click()
    page.keyboard.type(text)
    # Draftail writes its content to the form a moment after the last keystroke.
    page.wait_for_function(
        "word => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes(word))",
        arg=text.split()[0],
    )


def open_more_actions(page):
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
