"""Test data for the web tests: real documents from the real pipeline, plus users and fields.

Extraction is not built yet, so after OCR the tests insert a few ``Field`` rows whose boxes are
taken from the OCR words on the page, the way the extractor will place them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from intake.config import Settings
from intake.warehouse.models import Document, DocumentPerson, Field, Person
from intake.warehouse.repository import Warehouse
from intake.web.users import create_user, issue_token
from schemas import load_schemas
from tests.intake.run import run_pipeline
from tests.pages import render_page

PASSWORD = "mật-khẩu-thử-1"
ID_NUMBER = "079203001234"
ID_CARD_LINES = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CĂN CƯỚC CÔNG DÂN",
    f"Số: {ID_NUMBER}",
    "Họ và tên: Nguyễn Thị Ngọc Ánh",
    "Ngày sinh: 26/04/2018",
    "Quê quán: phường Bến Thành, Thành phố Hồ Chí Minh",
)


@dataclass
class Seeded:
    form_id: int  # birth registration form, status stored, fields with boxes
    card_id: int  # ID card, status needs_review
    tokens: dict[str, str] = field(default_factory=dict)  # user name -> API token


def _box(words: list[list[object]], text: str) -> list[int] | None:
    """Union box of the consecutive OCR words spelling ``text``."""
    wanted = text.split()
    texts = [str(w[0]) for w in words]
    for start in range(len(texts) - len(wanted) + 1):
        if texts[start : start + len(wanted)] == wanted:
            hit = words[start : start + len(wanted)]
            return [
                min(int(w[1]) for w in hit),  # type: ignore[call-overload]
                min(int(w[2]) for w in hit),  # type: ignore[call-overload]
                max(int(w[3]) for w in hit),  # type: ignore[call-overload]
                max(int(w[4]) for w in hit),  # type: ignore[call-overload]
            ]
    return None


def add_fields(
    warehouse: Warehouse, document_id: int, doc_type: str, values: dict[str, tuple[str, float]]
) -> None:
    with warehouse.unit_of_work() as session:
        document = session.get(Document, document_id)
        assert document is not None
        document.doc_type = doc_type
        words = document.pages[0].words or []
        # Known values replace whatever extraction made of the test page.
        for existing in [f for f in document.fields if f.key in values]:
            document.fields.remove(existing)
        session.flush()
        schema = load_schemas()[doc_type]
        for key, (value, confidence) in values.items():
            spec = schema.field(key)
            if spec is not None and spec.kind == "id_number" and spec.role:
                if session.get(Person, value) is None:
                    session.add(Person(id_number=value))
                    session.flush()
                session.add(
                    DocumentPerson(document_id=document_id, id_number=value, role=spec.role)
                )
            box = _box(words, value)
            document.fields.append(
                Field(
                    key=key,
                    value=value,
                    confidence=confidence,
                    page=1 if box else None,
                    bbox=box,
                    source="ocr",
                )
            )


def make_users(warehouse: Warehouse) -> dict[str, str]:
    """admin, officer, clerk and a second clerk, each with a token named after the user."""
    tokens = {}
    with warehouse.unit_of_work() as session:
        for name, role in (
            ("quantri", "admin"),
            ("canbo", "officer"),
            ("vanthu", "clerk"),
            ("vanthu2", "clerk"),
        ):
            user = create_user(session, name, role, PASSWORD, full_name=f"Người dùng {name}")
            tokens[name] = issue_token(session, user, "tests")
    return tokens


def seed(settings: Settings, folder: Path, with_documents: bool = True) -> Seeded:
    warehouse = Warehouse.open(settings)
    try:
        tokens = make_users(warehouse)
        if not with_documents:
            return Seeded(0, 0, tokens)
        form, card = folder / "tờ khai khai sinh.png", folder / "căn cước.png"
        render_page().save(form, dpi=(300, 300))
        render_page(ID_CARD_LINES).save(card, dpi=(300, 300))
        form_rec, card_rec = run_pipeline(settings, [form, card])
        assert form_rec.document_id and card_rec.document_id
        add_fields(
            warehouse,
            form_rec.document_id,
            "birth_registration_form",
            {
                "full_name": ("Nguyễn Thị Ngọc Ánh", 0.95),
                "date_of_birth": ("2018-04-26", 0.62),
                "applicant_id_number": (ID_NUMBER, 0.91),
                "father_name": ("Trần Văn Đức", 0.88),
            },
        )
        add_fields(
            warehouse,
            card_rec.document_id,
            "id_card",
            {
                "id_number": (ID_NUMBER, 0.97),
                "full_name": ("Nguyễn Thị Ngọc Ánh", 0.93),
                "date_of_birth": ("2018-04-26", 0.90),
            },
        )
        with warehouse.unit_of_work() as session:
            # The states these tests start from, whatever the classifier made of the test
            # pages: a stored form and an ID card waiting for review.
            form_doc = session.get(Document, form_rec.document_id)
            assert form_doc is not None
            form_doc.status, form_doc.review_reasons = "stored", None
            card_doc = session.get(Document, card_rec.document_id)
            assert card_doc is not None
            card_doc.status, card_doc.confidence = "needs_review", 0.55
            card_doc.updated_at = datetime.now(UTC)
        return Seeded(form_rec.document_id, card_rec.document_id, tokens)
    finally:
        warehouse.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
