"""The review UI in a real browser (Debian's chromium driven by Playwright): log in, open the
queue, open a document, see the field's box light up, correct the field with Enter, reload and
find the value saved and the change in the history. A screenshot is left in /tmp for a human
look."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.config import Settings
from tests.web.live_server import live_server
from tests.web.seed import PASSWORD, Seeded, seed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path("/tmp/intake-review-page.png")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("INTAKE_REQUIRE_BROWSER"),
        reason="needs /usr/bin/chromium (apt-get install chromium); INTAKE_REQUIRE_BROWSER=1 "
        "turns this skip into a failure",
    ),
]


@pytest.fixture
def server(settings: Settings, tmp_path: Path) -> Iterator[tuple[str, Seeded]]:
    seeded = seed(settings, tmp_path)
    with live_server(settings) as url:
        yield url, seeded


def test_officer_corrects_a_field_in_the_browser(server: tuple[str, Seeded]) -> None:
    """Given the queue, when the officer opens the needs-review ID card, focuses "Họ và tên"
    (its box on the page image is highlighted), types a new name and presses Enter, then the
    value is saved (focus moves to the next field), survives a reload, and the history shows
    the change with the officer's name."""
    from playwright.sync_api import expect, sync_playwright

    base, seeded = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            page.goto(f"{base}/review")
            expect(page).to_have_url(f"{base}/login?next=/review")
            page.fill("input[name=name]", "canbo")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_contain_text("Hàng đợi duyệt")

            page.click(f"table.list a[href='/documents/{seeded.card_id}'] >> nth=0")
            expect(page.locator("h1")).to_contain_text(f"Tài liệu #{seeded.card_id}")
            image = page.locator("figure.page img")
            expect(image).to_be_visible()
            assert page.evaluate("document.querySelector('figure.page img').naturalWidth") > 0

            name = page.locator("#f-full_name")
            name.focus()
            expect(page.locator(".box[data-key='full_name']")).to_have_class("box active")
            name.fill("Nguyễn Thị Ngọc Anh")
            name.press("Enter")
            expect(page.locator("#field-status")).to_contain_text("Đã lưu")
            expect(page.locator("#f-date_of_birth")).to_be_focused()
            page.keyboard.press("Tab")
            expect(page.locator("#f-sex")).to_be_focused()
            page.screenshot(path=str(SCREENSHOT), full_page=False)

            page.reload()
            expect(page.locator("#f-full_name")).to_have_value("Nguyễn Thị Ngọc Anh")
            row = page.locator("#history tr.action-field_corrected").first
            expect(row).to_contain_text("canbo")
            expect(row).to_contain_text("Nguyễn Thị Ngọc Ánh")
            expect(row).to_contain_text("Nguyễn Thị Ngọc Anh")
            expect(page.locator("tr.field[data-key='full_name']")).to_have_class("field corrected")
        finally:
            browser.close()
    assert not errors, errors
