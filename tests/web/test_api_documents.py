"""Documents API on SQLite and PostgreSQL: upload through the real pipeline, job status,
search, one document with page images and field boxes, and who may see what."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, timedelta

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from intake.config import Settings
from intake.warehouse.models_auth import AuditEntry
from intake.warehouse.repository import Warehouse
from tests.pages import PROCESSED, render_page
from tests.web.polling import wait_for_job
from tests.web.seed import ID_NUMBER, Seeded, bearer


def _audit(settings: Settings, action: str) -> list[AuditEntry]:
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))
    warehouse.close()
    return rows


def test_upload_runs_the_pipeline_and_only_the_uploader_clerk_sees_it(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """Given a clerk's token, when a scan is POSTed, then the job reaches "done" with a stored
    document that the clerk and officers can open, while another clerk gets 404 for it."""
    buffer = io.BytesIO()
    render_page(("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Họ, chữ đệm, tên: Lê Văn Bình")).save(
        buffer, format="PNG", dpi=(300, 300)
    )
    clerk = bearer(seeded.tokens["vanthu"])
    response = client.post(
        "/api/documents",
        headers=clerk,
        files={"file": ("../../etc/tờ khai.png", buffer.getvalue(), "image/png")},
    )
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["filename"] == "tờ khai.png"  # the client's path is dropped
    job = wait_for_job(client, accepted["id"], clerk)
    assert job["state"] == "done", job
    (doc_id,) = job["document_ids"]

    mine = client.get(f"/api/documents/{doc_id}", headers=clerk).json()
    assert mine["status"] in PROCESSED and mine["source_name"] == "tờ khai.png"
    assert mine["page_images"][0]["image_url"] == f"/api/documents/{doc_id}/pages/1/image"
    listed = client.get("/api/documents", headers=clerk).json()
    assert [d["document_id"] for d in listed["documents"]] == [doc_id]  # not the seeded ones

    other = bearer(seeded.tokens["vanthu2"])
    assert client.get(f"/api/documents/{doc_id}", headers=other).status_code == 404
    assert client.get(f"/api/jobs/{accepted['id']}", headers=other).status_code == 404
    assert client.get(f"/api/documents/{doc_id}/pages/1/image", headers=other).status_code == 404
    officer = bearer(seeded.tokens["canbo"])
    assert client.get(f"/api/documents/{doc_id}", headers=officer).status_code == 200
    assert [e.user_name for e in _audit(db_settings, "upload")] == ["vanthu"]


def test_document_detail_has_record_pages_and_field_boxes(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """GET /api/documents/{id} returns the DocumentRecord keys plus page image URLs, field
    boxes in page pixels and the version; the view is written to the audit log."""
    officer = bearer(seeded.tokens["canbo"])
    body = client.get(f"/api/documents/{seeded.form_id}", headers=officer).json()
    for key in ("source", "sha256", "document_id", "status", "doc_type", "fields", "pages"):
        assert key in body
    assert body["fields"]["full_name"]["value"] == "Nguyễn Thị Ngọc Ánh"
    assert body["doc_type_title"] == "TỜ KHAI ĐĂNG KÝ KHAI SINH"
    boxes = {b["key"]: b for b in body["field_boxes"]}
    left, top, right, bottom = boxes["applicant_id_number"]["bbox"]
    assert boxes["applicant_id_number"]["page"] == 1 and 0 <= left < right and top < bottom
    page = body["page_images"][0]
    assert right <= page["width"] and bottom <= page["height"]
    assert isinstance(body["version"], int)
    viewed = _audit(db_settings, "view_document")
    assert [(e.user_name, e.document_id) for e in viewed] == [("canbo", seeded.form_id)]


def test_page_image_is_the_stored_jpeg_and_is_audited(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """The page image comes from the blob store as a JPEG of the page size; each view is
    audited; a page that does not exist is 404, never a file-system error."""
    officer = bearer(seeded.tokens["canbo"])
    response = client.get(f"/api/documents/{seeded.form_id}/pages/1/image", headers=officer)
    assert response.status_code == 200 and response.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    detail = client.get(f"/api/documents/{seeded.form_id}", headers=officer).json()
    assert image.size == (detail["page_images"][0]["width"], detail["page_images"][0]["height"])
    assert (
        client.get(f"/api/documents/{seeded.form_id}/pages/9/image", headers=officer).status_code
        == 404
    )
    assert client.get(
        f"/api/documents/{seeded.form_id}/pages/..%2F..%2Fintake.db/image", headers=officer
    ).status_code in (404, 422)
    assert _audit(db_settings, "view_page_image")[0].target == "page:1"


def test_search_by_type_status_dates_id_number_and_text(client: TestClient, seeded: Seeded) -> None:
    """Each filter narrows the list: document type, status, received date range (Vietnam
    days), a personal ID number found in fields, and text over the OCR'd pages — the text
    query matches even when typed in decomposed Unicode (NFD)."""
    officer = bearer(seeded.tokens["canbo"])

    def ids(**params: str) -> set[int]:
        response = client.get("/api/documents", headers=officer, params=params)
        assert response.status_code == 200, response.text
        return {d["document_id"] for d in response.json()["documents"]}

    both = {seeded.form_id, seeded.card_id}
    assert ids() == both
    assert ids(doc_type="id_card") == {seeded.card_id}
    assert ids(status="needs_review") == {seeded.card_id}
    assert ids(id_number=ID_NUMBER) == both
    assert ids(id_number="001099000001") == set()
    assert ids(q=unicodedata.normalize("NFD", "người mẹ")) == {seeded.form_id}
    assert ids(q="CĂN CƯỚC") == {seeded.card_id}
    today = date.today()
    assert (
        ids(
            received_from=str(today - timedelta(days=1)), received_to=str(today + timedelta(days=1))
        )
        == both
    )
    assert ids(received_to=str(today - timedelta(days=2))) == set()
    page = client.get("/api/documents", headers=officer, params={"limit": 1}).json()
    assert page["total"] == 2 and len(page["documents"]) == 1
