"""The review UI in a real browser (Debian's chromium driven by Playwright): log in, open the
queue, open a document, see the field's box light up, correct the field with Enter, reload and
find the value saved and the change in the history. A screenshot is left in /tmp for a human
look."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def _chromium() -> Iterator[tuple[Any, list[str]]]:
    """A chromium page and the console errors it logs (the test asserts there are none)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            yield page, errors
        finally:
            browser.close()


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
    from playwright.sync_api import expect

    base, seeded = server
    with _chromium() as (page, errors):
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
        image.evaluate("img => img.decode()")  # resolves once the JPEG has loaded
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
    assert not errors, errors


def test_field_boxes_are_drawn_on_the_original_photo(
    settings: Settings, tmp_path: Path
) -> None:
    """Given an ID card page read as a phone photo (``pages.photo`` with a sheet -> photo
    homography), when the officer opens the original photo and focuses "Họ và tên", then the
    photo loads and the name's polygon on it sits where the homography puts the name's box
    on the sheet, and lights up with the box on the page image."""
    import numpy as np
    from playwright.sync_api import expect

    from intake.warehouse.models import Page
    from intake.warehouse.repository import Warehouse

    seeded = seed(settings, tmp_path)
    # Sheet -> photo: scaled by 0.5, shifted (30, 20) and tilted, as a warp back would be.
    h = [[0.5, 0.05, 30.0], [-0.04, 0.5, 20.0], [0.0, 0.0, 1.0]]
    warehouse = Warehouse.open(settings)
    try:
        with warehouse.unit_of_work() as session:
            page = session.query(Page).filter_by(document_id=seeded.card_id, number=1).one()
            photo_size = [page.width, page.height]
            page.photo = {"kind": "cards", "photo_size": photo_size, "regions": [
                {"kind": "card", "quad": [[0, 0], [1, 0], [1, 1], [0, 1]],
                 "box": [0, 0, page.width, page.height], "sheet_to_photo": h}]}
            bbox = next(f.bbox for f in page.document.fields if f.key == "full_name")
    finally:
        warehouse.close()
    assert bbox, "the seeded name has a box on the page"
    x, y = bbox[0], bbox[1]
    want = np.array(h) @ np.array([x, y, 1.0])
    want_xy = want[:2] / want[2]

    with live_server(settings) as base, _chromium() as (view, errors):
        view.goto(f"{base}/login?next=/documents/{seeded.card_id}")
        view.fill("input[name=name]", "canbo")
        view.fill("input[name=password]", PASSWORD)
        view.click("button[type=submit]")
        expect(view.locator("h1")).to_contain_text(f"Tài liệu #{seeded.card_id}")
        view.click("details.photo summary")
        photo = view.locator("details.photo img")
        expect(photo).to_be_visible()
        photo.evaluate("img => img.decode()")  # resolves once the JPEG has loaded
        assert view.evaluate(
            "document.querySelector('details.photo img').naturalWidth") > 0
        polygon = view.locator("details.photo polygon.box[data-key='full_name']")
        points = polygon.get_attribute("points")
        assert points is not None
        first = [float(v) for v in points.split()[0].split(",")]
        assert abs(first[0] - want_xy[0]) < 0.2 and abs(first[1] - want_xy[1]) < 0.2
        view.locator("#f-full_name").focus()
        expect(polygon).to_have_class("box active")
        expect(view.locator("figure.page > .sheet .box[data-key='full_name']")).to_have_class(
            "box active")
    assert not errors, errors
