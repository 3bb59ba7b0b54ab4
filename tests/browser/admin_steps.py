"""Steps in Wagtail's admin shared by the browser stories."""

import re

from playwright.sync_api import expect


def login(page, base, username, password, *, expect_dashboard=True):
    """Sign in, giving the second factor (a fresh one-time code) when the account needs one."""
    code = _second_factor_code(username)
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    if code:
        page.wait_for_url(re.compile(r"/admin/dua-langkah/"))
        page.fill("input[name=code]", code)
        page.press("input[name=code]", "Enter")
    if expect_dashboard:
        expect(page).to_have_url(re.compile(r"/admin/$"))


def _second_factor_code(username):
    from django.contrib.auth import get_user_model

    from signin.second_factor import requires_second_factor
    from tests.factories import second_factor_code

    user = get_user_model().objects.filter(username=username).first()
    if user is None or not requires_second_factor(user):
        return None
    profile = getattr(user, "member_profile", None)
    if profile is not None and profile.must_change_password:
        return None  # the first-password page comes before the code
    return second_factor_code(user)


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


def write_post(page, base, group, *, title, summary, body):
    """Open a new post in the group's page, fill title, summary and body, open the actions."""
    page.goto(f"{base}/admin/pages/add/kim/postpage/{group.page_id}/")
    page.fill("input[name=title]", title)
    page.fill("textarea[name=summary], input[name=summary]", summary)
    fill_body(page, body)
    open_more_actions(page)


def open_more_actions(page):
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
