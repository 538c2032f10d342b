"""What ``intake export`` runs for the archive formats (the CLI only parses options).

- ``--format pdfa --out DIR``: one searchable PDF/A-2b per document with pages, named
  ``<doc_type>_<owner id>_<document id>.pdf`` (see ``filenames``), built on demand and cached
  in the blob store, so a second export copies without rebuilding.
- ``--format csv --type DOC_TYPE``: one row per document of that type, one column per field.
- ``--format jsonl [--type DOC_TYPE]``: the document record of docs/output.md plus page texts.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from intake.archive.errors import ArchiveError
from intake.archive.filenames import pdf_name
from intake.archive.metadata import owner_id_number
from intake.archive.store import archive_source, read_source
from intake.archive.tabular import iter_records, write_csv
from intake.config import Settings
from intake.warehouse.models import Page
from intake.warehouse.repository import Warehouse
from schemas import DocTypeSchema, load_schemas

log = logging.getLogger(__name__)


class UnknownDocTypeError(ValueError):
    """``--type`` names no file in ``schemas/types/``."""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    files: int
    pages: int
    bytes: int

    def __str__(self) -> str:
        per_page = self.bytes / self.pages / 1024 if self.pages else 0.0
        return (
            f"{self.files} tệp / files, {self.pages} trang / pages, "
            f"{self.bytes / 1_048_576:.1f} MB ({per_page:.0f} KB/trang / per page)"
        )


def archivable_ids(warehouse: Warehouse) -> list[int]:
    """Documents with pages of their own (not exact duplicates or quarantined files)."""
    with warehouse.sessions() as session:
        stmt = select(Page.document_id).distinct().order_by(Page.document_id)
        return list(session.scalars(stmt))


def _copy_atomic(source: Path, target: Path) -> None:
    part = target.with_name(target.name + ".part")
    shutil.copyfile(source, part)
    os.replace(part, target)


def export_pdfa(
    settings: Settings, out_dir: Path, failed: list[tuple[int, str]] | None = None
) -> list[Path]:
    """Write one PDF/A per archivable document into ``out_dir``; return the paths written.

    Files are written as ``.part`` and renamed, so a crash never leaves a half file. A
    document whose PDF cannot be built does not stop the export: it is logged and, when
    ``failed`` is given, appended to it as ``(document_id, message)`` for the CLI to report
    (and exit non-zero)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    schemas = load_schemas()
    warehouse = Warehouse.open(settings)
    written: list[Path] = []
    try:
        for document_id in archivable_ids(warehouse):
            try:
                source = read_source(warehouse, document_id)
                sha = archive_source(warehouse, source, schemas)
            except ArchiveError as exc:
                log.error("Document %s not exported: %s", document_id, exc)
                if failed is not None:
                    failed.append((document_id, exc.message))
                continue
            owner = owner_id_number(source.doc_type, source.fields, schemas)
            target = out_dir / pdf_name(source.doc_type, owner, document_id)
            _copy_atomic(warehouse.blobs.path_for(sha), target)
            written.append(target)
    finally:
        warehouse.close()
    return written


def summarise(paths: list[Path]) -> ExportSummary:
    """Files, pages and bytes of exported PDFs, for the line the CLI prints."""
    import pikepdf

    pages = 0
    for path in paths:
        with pikepdf.open(path) as pdf:
            pages += len(pdf.pages)
    return ExportSummary(len(paths), pages, sum(p.stat().st_size for p in paths))


def _schema(doc_type: str) -> DocTypeSchema:
    schemas = load_schemas()
    if doc_type not in schemas:
        known = ", ".join(sorted(schemas))
        raise UnknownDocTypeError(
            f"Loại giấy tờ không có / unknown document type {doc_type!r}; known: {known}"
        )
    return schemas[doc_type]


def export_csv(settings: Settings, doc_type: str, out: TextIO) -> int:
    """CSV of every document of ``doc_type``; returns the number of rows. Open ``out`` with
    ``newline=""`` (and ``encoding="utf-8-sig"`` if the file is for Excel)."""
    schema = _schema(doc_type)
    warehouse = Warehouse.open(settings)
    try:
        return write_csv(iter_records(warehouse, doc_type), schema, out)
    finally:
        warehouse.close()


def export_jsonl(settings: Settings, out: TextIO, doc_type: str | None = None) -> int:
    """One JSON object per document (the record of docs/output.md plus ``text``), exactly as
    ``intake export --format jsonl`` writes today, optionally for one type only."""
    if doc_type is not None:
        _schema(doc_type)
    warehouse = Warehouse.open(settings)
    count = 0
    try:
        for record in iter_records(warehouse, doc_type):
            out.write(json.dumps(record.model_dump(), ensure_ascii=False) + "\n")
            count += 1
    finally:
        warehouse.close()
    return count
