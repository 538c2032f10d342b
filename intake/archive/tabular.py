"""Documents as rows for hand-over to other systems: CSV per document type, JSON lines.

A CSV has one column per field of one document type, so it is written for one type at a
time, with the columns in schema order. Both read the warehouse in id order, a batch at a
time, so a large warehouse is never loaded whole.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from intake.records import ExportRecord
from intake.warehouse.repository import Warehouse
from schemas import DocTypeSchema

BASE_COLUMNS = (
    "document_id",
    "source",
    "sha256",
    "status",
    "doc_type",
    "procedure_code",
    "confidence",
    "pages",
)


def iter_records(
    warehouse: Warehouse, doc_type: str | None = None, batch: int = 200
) -> Iterator[ExportRecord]:
    """Every document (of ``doc_type`` when given) in id order, with its page texts."""
    return warehouse.iter_documents(doc_type, batch)


def csv_columns(schema: DocTypeSchema) -> list[str]:
    return [*BASE_COLUMNS, *(spec.key for spec in schema.fields)]


def csv_row(record: ExportRecord, schema: DocTypeSchema) -> list[str]:
    """Empty cells for absent values; fields outside the schema are not exported."""
    base = [getattr(record, column) for column in BASE_COLUMNS]
    values = [record.fields[s.key].value if s.key in record.fields else None for s in schema.fields]
    return ["" if v is None else str(v) for v in (*base, *values)]


def write_csv(records: Iterator[ExportRecord], schema: DocTypeSchema, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_columns(schema))
    count = 0
    for record in records:
        writer.writerow(csv_row(record, schema))
        count += 1
    return count
