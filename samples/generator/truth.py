"""Ground-truth JSON for a scan file, in the schema the evaluation code relies on.

Top-level keys are fixed (file, format, profile, seed, pages, documents); anything else goes
under "extra". Field values are canonical per DOMAIN.md and present only when printed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .canvas import Canvas
from .fields import FIELDS, kind_of
from .printing import canonical_decimal, nfc
from .record import DocumentRecord


def canonical(key: str, value: object) -> str:
    """Canonical string of a value by the kind of its key."""
    kind = kind_of(key)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return canonical_decimal(value)
    text = nfc(str(value))
    if kind == "phone":
        return re.sub(r"\D", "", text)
    if kind == "name":
        return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())
    return text


@dataclass
class RenderedDocument:
    """One document as drawn: its record, layout, canvas and extra facts."""

    record: DocumentRecord
    layout_id: str
    canvas: Canvas
    qr_payload: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def document_truth(doc: RenderedDocument, first_page: int, dup: dict[str, Any]) -> dict[str, Any]:
    """Truth entry of one document; `first_page` is its 1-based first page in the file."""
    rec, printed = doc.record, doc.canvas.fields
    keys = [k for k in FIELDS[rec.doc_type] if k in printed]
    fields = {k: canonical(k, rec.values[k]) for k in keys}
    persons = [{"id_number": fields[key], "role": role}
               for role, key in rec.persons if key in fields]
    last = first_page + len(doc.canvas.pages) - 1
    extra = dict(doc.extra)
    extra["printed"] = {k: printed[k].printed for k in keys}
    extra["render_boxes_300dpi"] = {
        k: {"page": first_page + printed[k].page, "box": list(printed[k].box)} for k in keys
    }
    return {
        "doc_type": rec.doc_type,
        "procedure_code": rec.procedure_code,
        "source_pages": [first_page, last],
        "layout": doc.layout_id,
        "fields": fields,
        "persons": persons,
        "duplicate_group": dup.get("group"),
        "duplicate_kind": dup.get("kind"),
        "duplicate_of": dup.get("of"),
        "qr_payload": doc.qr_payload,
        "extra": extra,
    }


def page_texts(doc: RenderedDocument) -> list[str]:
    """Page text truth: printed lines per page, joined by newlines."""
    pages: list[list[str]] = [[] for _ in doc.canvas.pages]
    for line in doc.canvas.lines:
        pages[line.page].append(nfc(line.text))
    return ["\n".join(p) for p in pages]


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Deterministic, human-readable JSON (UTF-8, NFC text)."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
