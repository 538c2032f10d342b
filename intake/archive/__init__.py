"""Archival output: searchable PDF/A-2b of every stored document, and hand-over exports.

The PDF is built from what the pipeline stored (page images at intake resolution and the
OCR words), never by running OCR again, and kept in the blob store beside the original.
See docs/archive.md.
"""

from __future__ import annotations

from intake.archive.commands import export_csv, export_jsonl, export_pdfa, summarise
from intake.archive.errors import ArchiveError, NotArchivableError
from intake.archive.filenames import pdf_name
from intake.archive.metadata import ArchiveMetadata, owner_id_number
from intake.archive.pdfa import BuiltPdf, build_pdfa
from intake.archive.source import ArchiveSource, PageSource, load_source
from intake.archive.store import archive_document

__all__ = [
    "ArchiveError",
    "ArchiveMetadata",
    "ArchiveSource",
    "BuiltPdf",
    "NotArchivableError",
    "PageSource",
    "archive_document",
    "build_pdfa",
    "export_csv",
    "export_jsonl",
    "export_pdfa",
    "load_source",
    "owner_id_number",
    "pdf_name",
    "summarise",
]
