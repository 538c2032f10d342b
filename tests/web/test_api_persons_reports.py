"""Reuse lookup by personal ID number and the reports, on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.config import Settings
from intake.warehouse.models_auth import AuditEntry
from intake.warehouse.repository import Warehouse
from tests.web.seed import ID_NUMBER, Seeded, bearer


def test_person_lookup_lists_documents_and_latest_values(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """GET /api/persons/{id} returns every document linked to the person (newest first) with
    the person's role on it, and the person's own facts (not the father's or the child's),
    each from its source document, values from stored documents before those waiting for
    review; the lookup is audited."""
    officer = bearer(seeded.tokens["canbo"])
    body = client.get(f"/api/persons/{ID_NUMBER}", headers=officer).json()
    assert [d["document_id"] for d in body["documents"]] == [seeded.card_id, seeded.form_id]
    assert [d["matched_fields"] for d in body["documents"]] == [["holder"], ["applicant"]]
    assert body["fields"]["name"] == {
        "value": "Nguyễn Thị Ngọc Ánh",
        "document_id": seeded.card_id,
        "date": body["fields"]["name"]["date"],
    }
    assert body["fields"]["id_number"]["document_id"] == seeded.form_id  # stored beats review
    assert "father_name" not in body["fields"] and "full_name" not in body["fields"]
    assert client.get("/api/persons/123", headers=officer).status_code == 422
    empty = client.get("/api/persons/001099000001", headers=officer).json()
    assert empty["documents"] == [] and empty["fields"] == {}

    warehouse = Warehouse.open(db_settings)
    with warehouse.sessions() as session:
        targets = list(
            session.scalars(select(AuditEntry.target).where(AuditEntry.action == "view_person"))
        )
    warehouse.close()
    assert targets == [ID_NUMBER, "001099000001"]


def test_reports_count_documents_and_rates(client: TestClient, seeded: Seeded) -> None:
    """Reports count today's documents per day, type and status; after one correction and
    one confirmation the correction rate of that field and the review rate move."""
    officer = bearer(seeded.tokens["canbo"])
    before = client.get("/api/reports", headers=officer).json()
    assert before["total"] == 2 and sum(c["count"] for c in before["per_day"]) == 2
    assert len(before["per_day"]) == 30
    assert {c["key"]: c["count"] for c in before["per_type"]} == {
        "birth_registration_form": 1,
        "id_card": 1,
    }
    assert {c["key"] for c in before["per_status"]} == {"stored", "needs_review"}
    assert before["review_rate"] == 0.0 and before["straight_through_rate"] == 0.5

    version = client.get(f"/api/documents/{seeded.form_id}", headers=officer).json()["version"]
    fixed = client.patch(
        f"/api/documents/{seeded.form_id}/fields",
        headers=officer,
        json={"version": version, "fields": {"father_name": "Trần Văn Đực"}},
    )
    client.post(
        f"/api/documents/{seeded.card_id}/confirm",
        headers=officer,
        json={
            "version": client.get(f"/api/documents/{seeded.card_id}", headers=officer).json()[
                "version"
            ]
        },
    )
    assert fixed.status_code == 200
    after = client.get("/api/reports", headers=officer).json()
    rates = {r["key"]: r for r in after["correction_rate_per_field"]}
    assert rates["father_name"]["corrected"] == 1 and rates["father_name"]["rate"] == 1.0
    assert rates["full_name"] == {"key": "full_name", "fields": 2, "corrected": 0, "rate": 0.0}
    assert after["review_rate"] == 0.5
    assert after["straight_through_rate"] == 0.5  # the card is stored now, the form corrected
    bad = client.get(
        "/api/reports", headers=officer, params={"date_from": "2025-02-01", "date_to": "2025-01-01"}
    )
    assert bad.status_code == 422
