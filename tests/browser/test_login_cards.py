"""A trainer prints the login cards on A4, and every printed QR code scans to the sign-in page."""

import pypdfium2
import pytest
import zxingcpp

from kim.models import RegionLevel
from kim.roles import Role
from tests.browser.admin_steps import login
from tests.factories import RegionFactory
from tests.kim.conftest import role_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Rasterised like a 200 dpi office scan of the printout.
DPI = 200
MM_PER_INCH = 25.4
PARTICIPANTS = 14  # more than one A4 page of cards


def printed_pages(pdf_bytes):
    """Each printed page as an image and its text, as a scanner and a reader see them."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    for page in document:
        image = page.render(scale=DPI / 72).to_pil()
        text = page.get_textpage().get_text_bounded()
        yield image, text


def symbol_width_mm(barcode):
    position = barcode.position
    width_px = max(position.top_right.x, position.bottom_right.x) - min(
        position.top_left.x, position.bottom_left.x
    )
    return width_px / DPI * MM_PER_INCH


def test_printed_cards_scan_to_the_sign_in_address_and_show_every_password(live_server, page):
    trainer = role_user("pelatih", Role.TRAINER)
    trainer.set_password("Pelatih-Klaten-2026")
    trainer.save()
    district = RegionFactory(code="33.13", name="Kab. Karanganyar", level=RegionLevel.DISTRICT)

    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server.url, "pelatih", "Pelatih-Klaten-2026")
    page.goto(f"{live_server.url}/admin/pelatihan/baru/")
    page.fill("input[name=title]", "Pelatihan Admin Medsos Kecamatan Jaten")
    page.fill("input[name=date]", "2026-03-14")
    page.fill("input[name=place]", "Aula Diskominfo Karanganyar")
    page.select_option("select[name=region]", str(district.pk))
    page.fill("input[name=count]", str(PARTICIPANTS))
    page.locator("[data-workshop-form] [type=submit]").first.click()
    page.wait_for_selector("[data-login-card]")

    cards = page.locator("[data-login-card]")
    assert cards.count() == PARTICIPANTS
    address = page.locator("[data-login-card] dd").first.inner_text().strip()
    assert address.endswith("/admin/login/")
    usernames = page.locator("[data-username]").all_inner_texts()
    passwords = page.locator("[data-password]").all_inner_texts()

    # Printed as the trainer prints it: print media, A4.
    pdf = page.pdf(format="A4", print_background=True)
    decoded, printed_text, pages = [], "", 0
    for image, text in printed_pages(pdf):
        pages += 1
        printed_text += text
        for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
            decoded.append(barcode)

    assert [barcode.text for barcode in decoded] == [address] * PARTICIPANTS
    assert min(symbol_width_mm(barcode) for barcode in decoded) >= 25
    for username, password in zip(usernames, passwords, strict=True):
        assert username in printed_text
        assert password in printed_text
    assert pages >= 2
