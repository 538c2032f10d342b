"""Review API on SQLite and PostgreSQL: corrections with optimistic concurrency and a full
audit trail, type changes, confirmation, duplicate decisions and the queue order."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.config import Settings
from intake.warehouse.models import Field, FieldRevision
from intake.warehouse.models_auth import AuditEntry, DocumentReview
from intake.warehouse.repository import Warehouse
from tests.web.seed import Seeded, bearer


def _detail(client: TestClient, token: str, doc_id: int) -> dict:  # type: ignore[type-arg]
    return client.get(f"/api/documents/{doc_id}", headers=bearer(token)).json()  # type: ignore[no-any-return]


def test_correction_is_canonical_audited_and_versioned(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """Given version v, when an officer PATCHes a date typed "26/4/2019" and a missing field,
    then values are stored canonical, each change has a field revision and an audit entry
    with user, old and new value, and the version moves on; replaying v gets 409 and
    changes nothing."""
    token = seeded.tokens["canbo"]
    before = _detail(client, token, seeded.form_id)
    body = {
        "version": before["version"],
        "reason": "sửa theo bản gốc",
        "fields": {"date_of_birth": "26/4/2019", "mother_name": "lê thị hồng nhung"},
    }
    response = client.patch(
        f"/api/documents/{seeded.form_id}/fields", json=body, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    after = response.json()
    assert after["version"] > before["version"]
    assert after["fields"]["date_of_birth"]["value"] == "2019-04-26"
    assert after["fields"]["mother_name"]["value"] == "Lê Thị Hồng Nhung"
    boxes = {b["key"]: b for b in after["field_boxes"]}
    assert boxes["date_of_birth"]["corrected"] and boxes["date_of_birth"]["source"] == "officer"

    stale = client.patch(
        f"/api/documents/{seeded.form_id}/fields",
        headers=bearer(token),
        json={"version": before["version"], "fields": {"sex": "Nữ"}},
    )
    assert stale.status_code == 409
    assert "sex" not in _detail(client, token, seeded.form_id)["fields"]

    warehouse = Warehouse.open(db_settings)
    with warehouse.sessions() as session:
        revisions = session.execute(
            select(
                Field.key,
                FieldRevision.old_value,
                FieldRevision.new_value,
                FieldRevision.changed_by,
                FieldRevision.reason,
            )
            .join(Field, Field.id == FieldRevision.field_id)
            .order_by(Field.key)
        ).all()
        audit = session.execute(
            select(
                AuditEntry.target,
                AuditEntry.old_value,
                AuditEntry.new_value,
                AuditEntry.user_name,
                AuditEntry.at,
            )
            .where(AuditEntry.action == "field_corrected")
            .order_by(AuditEntry.target)
        ).all()
    warehouse.close()
    assert [tuple(r) for r in revisions] == [
        ("date_of_birth", "2018-04-26", "2019-04-26", "canbo", "sửa theo bản gốc"),
        ("mother_name", None, "Lê Thị Hồng Nhung", "canbo", "sửa theo bản gốc"),
    ]
    assert [(a.target, a.old_value, a.new_value, a.user_name) for a in audit] == [
        ("date_of_birth", "2018-04-26", "2019-04-26", "canbo"),
        ("mother_name", None, "Lê Thị Hồng Nhung", "canbo"),
    ]
    assert all(a.at is not None for a in audit)
    history = client.get(f"/api/documents/{seeded.form_id}/audit", headers=bearer(token)).json()
    assert {h["action"] for h in history} >= {"field_corrected", "view_document"}


def test_invalid_values_and_unknown_fields_are_refused(client: TestClient, seeded: Seeded) -> None:
    """An ID number that is not 12 digits, an impossible date or a key the document type does
    not have gets 422 with a Vietnamese message, and nothing changes."""
    token = seeded.tokens["canbo"]
    version = _detail(client, token, seeded.form_id)["version"]
    for fields in (
        {"applicant_id_number": "07920300"},
        {"date_of_birth": "31/2/2018"},
        {"no_such_field": "x"},
    ):
        response = client.patch(
            f"/api/documents/{seeded.form_id}/fields",
            headers=bearer(token),
            json={"version": version, "fields": fields},
        )
        assert response.status_code == 422, fields
        assert isinstance(response.json()["detail"], str)
    assert _detail(client, token, seeded.form_id)["version"] == version


def test_type_change_confirmation_and_duplicate_decisions(
    client: TestClient, seeded: Seeded, db_settings: Settings
) -> None:
    """Changing the type sets its procedure code; confirming marks the document reviewed
    (status stored, confirmed_by) and takes it out of the queue; marking a duplicate links it
    and sets status duplicate; clearing the mark sends it back to review."""
    officer = bearer(seeded.tokens["canbo"])
    url = f"/api/documents/{seeded.card_id}"
    version = _detail(client, seeded.tokens["canbo"], seeded.card_id)["version"]

    typed = client.put(
        f"{url}/type", headers=officer, json={"version": version, "doc_type": "birth_certificate"}
    ).json()
    assert typed["doc_type"] == "birth_certificate" and typed["procedure_code"] == "1.001193"
    assert (
        client.put(
            f"{url}/type", headers=officer, json={"version": typed["version"], "doc_type": "nope"}
        ).status_code
        == 422
    )

    marked = client.post(
        f"{url}/duplicates",
        headers=officer,
        json={"version": typed["version"], "other_id": seeded.form_id},
    ).json()
    assert marked["status"] == "duplicate"
    assert marked["duplicate_of"] == [
        {"document_id": seeded.form_id, "kind": "same_record", "score": 1.0}
    ]
    cleared = client.delete(
        f"{url}/duplicates/{seeded.form_id}", headers=officer, params={"version": marked["version"]}
    ).json()
    assert cleared["status"] == "needs_review" and cleared["duplicate_of"] == []

    queue = client.get("/api/review/queue", headers=officer).json()
    assert seeded.card_id in [d["document_id"] for d in queue]
    confirmed = client.post(
        f"{url}/confirm", headers=officer, json={"version": cleared["version"]}
    ).json()
    assert confirmed["status"] == "stored"
    assert confirmed["review"]["confirmed_by"] == "canbo"
    queue = client.get("/api/review/queue", headers=officer).json()
    assert seeded.card_id not in [d["document_id"] for d in queue]

    warehouse = Warehouse.open(db_settings)
    with warehouse.sessions() as session:
        review = session.get(DocumentReview, seeded.card_id)
        actions = list(
            session.scalars(
                select(AuditEntry.action)
                .where(
                    AuditEntry.document_id == seeded.card_id, AuditEntry.action != "view_document"
                )
                .order_by(AuditEntry.id)
            )
        )
    warehouse.close()
    assert review is not None and review.doc_type == "birth_certificate"
    assert actions == ["type_changed", "duplicate_marked", "duplicate_cleared", "confirmed"]


def test_queue_puts_needs_review_first_then_low_confidence(
    client: TestClient, seeded: Seeded
) -> None:
    """The review queue lists needs_review documents before stored ones, whatever their age."""
    queue = client.get("/api/review/queue", headers=bearer(seeded.tokens["canbo"])).json()
    assert [d["document_id"] for d in queue] == [seeded.card_id, seeded.form_id]
    assert queue[0]["status"] == "needs_review"
