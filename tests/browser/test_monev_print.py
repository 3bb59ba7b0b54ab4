"""A trainer prints the monev report: the report alone, without the admin around it."""

import pytest

from kim.roles import Role
from tests.browser.admin_steps import login
from tests.kim.conftest import role_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_printed_monev_report_has_no_admin_frame_or_filter_form(live_server, page):
    trainer = role_user("pelatih", Role.TRAINER)
    trainer.set_password("Pelatih-Klaten-2026")
    trainer.save()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "pelatih", "Pelatih-Klaten-2026")
    page.goto(f"{live_server.url}/admin/monev/")
    sidebar = page.locator("#wagtail-sidebar .sidebar").first
    assert sidebar.is_visible()
    assert page.locator("[data-monev-filter]").is_visible()

    page.emulate_media(media="print")
    assert not sidebar.is_visible()
    assert not page.locator("[data-monev-filter]").is_visible()
    assert not page.locator("[data-print]").is_visible()
    assert page.locator("[data-monev-groups]").is_visible()
    # The report starts at the paper's edge, not beside an empty sidebar column.
    left = page.locator("[data-monev-areas]").bounding_box()["x"]
    assert left < 40
