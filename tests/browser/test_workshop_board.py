"""A trainer watches the progress board while a participant signs in, writes and submits."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from kim.models import RegionLevel
from kim.roles import Role
from tests.browser.admin_steps import login
from tests.factories import RegionFactory
from tests.kim.conftest import role_user
from workshops import services

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The board polls every 4 seconds; leave room for a slow, shared machine.
BOARD_UPDATE = 20_000


def cell(board, username, step):
    return board.locator(f'tr[data-participant="{username}"] td[data-step="{step}"]')


def test_board_updates_by_itself_when_a_participant_submits(
    live_server, page, browser, browser_context_args
):
    trainer = role_user("pelatih", Role.TRAINER)
    trainer.set_password("Pelatih-Klaten-2026")
    trainer.save()
    district = RegionFactory(code="33.13", name="Kab. Karanganyar", level=RegionLevel.DISTRICT)
    workshop, credentials = services.workshop_create(
        title="Pelatihan Menulis Berita",
        date=datetime.date(2026, 3, 14),
        place="Aula Diskominfo",
        region=district,
        trainers=[trainer],
        entries=services.entries_from_names("Sri Wahyuni\nJoko Susilo"),
        created_by=trainer,
    )
    sri = credentials[0]
    username = sri.participant.username
    base = live_server.url

    # The trainer opens the board on the office computer and leaves it open.
    board = page
    board.set_viewport_size({"width": 1280, "height": 900})
    login(board, base, "pelatih", "Pelatih-Klaten-2026")
    board.goto(f"{base}/admin/pelatihan/{workshop.pk}/papan/")
    expect(cell(board, username, "logged_in")).to_have_attribute("data-value", "0")
    expect(cell(board, username, "submitted")).to_have_attribute("data-value", "0")
    board.evaluate("window.boardNeverReloaded = true")

    # The participant, on a phone, in a browser of their own.
    context = browser.new_context(**browser_context_args)
    phone = context.new_page()
    login(phone, base, username, sri.password, expect_dashboard=False)
    expect(phone).to_have_url(re.compile(r"/admin/kim/ganti-sandi/$"))
    for name in ("new_password1", "new_password2"):
        phone.fill(f"input[name={name}]", "Gotong-royong-2026")
        expect(phone.locator(f"input[name={name}]")).to_have_value("Gotong-royong-2026")
    phone.get_by_role("button", name="Simpan kata sandi").click()
    expect(phone).to_have_url(re.compile(r"/admin/$"))
    expect(cell(board, username, "changed_password")).to_have_attribute(
        "data-value", "1", timeout=BOARD_UPDATE
    )

    phone.goto(f"{base}/admin/latihan/")
    phone.locator("[data-exercise=kerja-bakti] button[type=submit]").click()
    expect(phone).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # The editor's action menu in the footer (other fields have dropdowns of their own).
    phone.locator("footer [data-w-dropdown-target=toggle]").last.click()
    phone.locator("button[name=action-submit]").click()
    expect(phone.locator(".messages")).to_be_visible()

    row = board.locator(f'tr[data-participant="{username}"]')
    expect(cell(board, username, "submitted")).to_have_attribute(
        "data-value", "1", timeout=BOARD_UPDATE
    )
    expect(row.locator("[data-outcome]")).to_have_attribute("data-outcome", "in_review")
    expect(row.locator("[data-precheck]")).to_have_attribute("data-precheck", "passed")
    expect(row.get_by_role("link")).to_have_attribute("href", re.compile(r"/admin/pages/\d+/"))
    # The other participant has not started; and the board was never reloaded.
    other = credentials[1].participant.username
    expect(cell(board, other, "logged_in")).to_have_attribute("data-value", "0")
    assert board.evaluate("window.boardNeverReloaded") is True
    # The whole board fits the office screen: no column cut off or scrolled out of sight.
    overflow = board.evaluate(
        """() => {
            const table = document.querySelector('.ws-board-table');
            const main = document.querySelector('main');
            const cut = table.getBoundingClientRect().right - main.getBoundingClientRect().right;
            return Math.max(cut, document.documentElement.scrollWidth - window.innerWidth);
        }"""
    )
    assert overflow <= 0
    context.close()
