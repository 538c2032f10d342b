"""GET /api/documents/{id}/pdf: officers get the PDF; clerks 403; anonymous 401; audited."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.config import Settings
from intake.warehouse.models_auth import AuditEntry
from intake.warehouse.repository import Warehouse
from intake.web.app import create_app
from tests.web.seed import ID_NUMBER, bearer, seed


def test_pdf_route_serves_officers_and_refuses_others(settings: Settings, tmp_path: Path) -> None:
    """An officer downloads the PDF/A (named after type and owner, audit-logged as a view of
    personal data); a clerk gets 403, a caller without credentials 401, an unknown id 404;
    the document page links to it for officers."""
    seeded = seed(settings, tmp_path)
    with TestClient(create_app(settings)) as client:
        url = f"/api/documents/{seeded.form_id}/pdf"
        officer = bearer(seeded.tokens["canbo"])
        response = client.get(url, headers=officer)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert (
            f"birth_registration_form_{ID_NUMBER}_{seeded.form_id}.pdf"
            in (response.headers["content-disposition"])
        )
        assert client.get(url, headers=bearer(seeded.tokens["vanthu"])).status_code == 403
        assert client.get(url).status_code == 401
        missing = client.get("/api/documents/9999/pdf", headers=officer)
        assert missing.status_code == 404
        page = client.get(f"/documents/{seeded.form_id}", headers=officer)
        assert f'href="{url}"' in page.text
    warehouse = Warehouse.open(settings)
    with warehouse.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.document_id == seeded.form_id)
        ).all()
    warehouse.close()
    assert actions.count("view_document_pdf") == 1
