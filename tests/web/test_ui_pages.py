"""The Vietnamese pages without a browser: what the review page draws, the no-JavaScript
form path for corrections and decisions, the queue, dashboard, person lookup and upload."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient

from tests.pages import render_page
from tests.web.polling import wait_for_job
from tests.web.seed import ID_NUMBER, Seeded, bearer
from tests.web.test_auth import login


def _form_values(html: str) -> dict[str, str]:
    return {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
        "version": re.search(r'name="version" value="(\d+)"', html).group(1),  # type: ignore[union-attr]
    }


def test_review_page_draws_image_field_boxes_and_word_boxes(
    ui_client: TestClient, seeded_sqlite: Seeded
) -> None:
    """The document page shows the page image, one box per located field over it, faint OCR
    word boxes, an input per field of the type (blank ones too) and the CSP header."""
    login(ui_client, "canbo")
    response = ui_client.get(f"/documents/{seeded_sqlite.form_id}")
    html = response.text
    assert response.status_code == 200
    assert f'src="/api/documents/{seeded_sqlite.form_id}/pages/1/image"' in html
    assert re.search(r'<rect class="box" data-key="full_name" x="\d+"', html)
    assert html.count('class="word') > 50
    assert 'name="f:full_name" value="Nguyễn Thị Ngọc Ánh"' in html
    assert 'name="f:mother_name" value=""' in html  # expected by the type, not extracted
    assert "Họ, chữ đệm, tên người mẹ" in html
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<script>" not in html  # no inline script: the CSP would block it


def test_form_post_saves_fields_and_stale_form_gets_409(
    ui_client: TestClient, seeded_sqlite: Seeded
) -> None:
    """Posting the field form (no JavaScript) saves changed values and shows them with a
    history entry; posting the same old version again is refused with a reload message."""
    login(ui_client, "canbo")
    url = f"/documents/{seeded_sqlite.form_id}"
    values = _form_values(ui_client.get(url).text)
    form = {**values, "f:father_name": "Trần  Văn   Đức Anh", "f:full_name": "Nguyễn Thị Ngọc Ánh"}
    saved = ui_client.post(f"{url}/fields", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"{url}?ok=saved"
    page = ui_client.get(saved.headers["location"]).text
    assert 'value="Trần Văn Đức Anh"' in page and "Đã lưu thay đổi." in page
    assert re.search(r"Sửa trường</td>\s*<td>father_name", page)
    stale = ui_client.post(f"{url}/fields", data={**form, "f:father_name": "X"})
    assert stale.status_code == 409 and "tải lại trang" in stale.text


def test_type_change_duplicate_and_confirm_forms(
    ui_client: TestClient, seeded_sqlite: Seeded
) -> None:
    """The type, duplicate and confirm buttons post forms that redirect back; after
    confirmation the officer lands on the queue, where the document no longer is."""
    login(ui_client, "canbo")
    url = f"/documents/{seeded_sqlite.card_id}"
    step = ui_client.post(
        f"{url}/type",
        follow_redirects=False,
        data={**_form_values(ui_client.get(url).text), "doc_type": "id_card"},
    )
    assert step.status_code == 303
    step = ui_client.post(
        f"{url}/duplicates",
        follow_redirects=False,
        data={
            **_form_values(ui_client.get(url).text),
            "other_id": str(seeded_sqlite.form_id),
            "kind": "same_record",
        },
    )
    assert step.status_code == 303
    page = ui_client.get(url).text
    assert "Bản trùng" in page and f'href="/documents/{seeded_sqlite.form_id}"' in page
    step = ui_client.post(
        f"{url}/duplicates/{seeded_sqlite.form_id}/clear",
        data=_form_values(page),
        follow_redirects=False,
    )
    assert step.status_code == 303
    done = ui_client.post(
        f"{url}/confirm", data=_form_values(ui_client.get(url).text), follow_redirects=False
    )
    assert done.headers["location"] == "/review?ok=confirmed"
    queue = ui_client.get("/review").text
    assert f'href="/documents/{seeded_sqlite.card_id}"' not in queue
    assert f'href="/documents/{seeded_sqlite.form_id}"' in queue


def test_queue_dashboard_and_person_pages(ui_client: TestClient, seeded_sqlite: Seeded) -> None:
    """The queue lists the needs_review document first; the dashboard draws SVG charts; the
    person page shows what is on file for an ID number."""
    login(ui_client, "canbo")
    queue = ui_client.get("/review").text
    assert queue.index(f"/documents/{seeded_sqlite.card_id}") < queue.index(
        f"/documents/{seeded_sqlite.form_id}"
    )
    dashboard = ui_client.get("/dashboard").text
    assert dashboard.count('<svg class="chart"') == 3 and "tự động hoàn toàn" in dashboard
    person = ui_client.get("/persons", params={"id_number": ID_NUMBER}).text
    assert "Nguyễn Thị Ngọc Ánh" in person and "Tài liệu (2)" in person
    assert "12 chữ số" in ui_client.get("/persons", params={"id_number": "12ab"}).text
    search = ui_client.get("/documents", params={"q": "căn cước"}).text
    assert f"/documents/{seeded_sqlite.card_id}" in search
    assert f'/documents/{seeded_sqlite.form_id}"' not in search


def test_clerk_uploads_sees_own_documents_only_and_no_review(
    ui_client: TestClient, seeded_sqlite: Seeded
) -> None:
    """A clerk uploads on the upload page, then sees that upload and its document, not the
    others, and gets a Vietnamese 403 page for the review queue."""
    login(ui_client, "vanthu")
    assert ui_client.get("/", follow_redirects=False).headers["location"] == "/upload"
    page = ui_client.get("/upload").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    buffer = io.BytesIO()
    render_page(("GIẤY KHAI SINH", "Họ và tên: Đỗ Minh Khang")).save(buffer, format="PNG")
    sent = ui_client.post(
        "/upload",
        data={"csrf_token": csrf},
        follow_redirects=False,
        files={"file": ("giấy khai sinh.png", buffer.getvalue(), "image/png")},
    )
    assert sent.status_code == 303
    job = wait_for_job(ui_client, 1, bearer(seeded_sqlite.tokens["vanthu"]))
    assert job["state"] == "done"
    listing = ui_client.get("/documents").text
    assert "giấy khai sinh.png" in listing and "căn cước.png" not in listing
    forbidden = ui_client.get("/review")
    assert forbidden.status_code == 403 and "không có quyền" in forbidden.text.lower()
    mine = ui_client.get(f"/documents/{job['document_ids'][0]}")
    assert mine.status_code == 200 and "confirm-button" not in mine.text  # read-only view
    assert ui_client.get(f"/documents/{seeded_sqlite.form_id}").status_code == 404
