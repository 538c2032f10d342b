"""Build the searchable PDF/A-2b of one document, in memory.

PDF/A conformance is declared and checked by ``pikepdf.pdfa`` (the same Ghostscript-free
path OCRmyPDF 17 takes): it adds the sRGB output intent and the ``pdfaid`` identification,
writes the file, re-reads the bytes and validates them against the veraPDF rule catalogue.
A file it does not approve is never returned. Ghostscript is not used: it would re-encode
the page images and re-embed the fonts (see docs/archive.md for the measurements).
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field

from pikepdf.pdfa import PdfaError
from pikepdf.pdfa import save as save_pdfa

from intake.archive.assemble import Assembly, assemble
from intake.archive.errors import ArchiveError
from intake.archive.metadata import ArchiveMetadata, apply_metadata
from intake.archive.source import ArchiveSource
from intake.warehouse.blobs import BlobStore
from schemas import DocTypeSchema

log = logging.getLogger(__name__)

PDFA_FLAVOUR = "2b"


@dataclass
class BuiltPdf:
    data: bytes
    pages: int
    seconds: float
    metadata: ArchiveMetadata
    embedded_pages: list[int] = field(default_factory=list)
    low_dpi_pages: list[int] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.data)


def _write(assembly: Assembly, meta: ArchiveMetadata) -> bytes:
    apply_metadata(assembly.pdf, meta)
    buffer = io.BytesIO()
    save_pdfa(assembly.pdf, buffer, PDFA_FLAVOUR, output_intent="sRGB")
    return buffer.getvalue()


def build_pdfa(
    source: ArchiveSource, blobs: BlobStore, schemas: dict[str, DocTypeSchema]
) -> BuiltPdf:
    """The PDF/A-2b bytes of ``source``. Original text-layer pages are embedded as they are;
    if that makes the file fail validation (say, a font the original did not embed), those
    pages are rebuilt from their images and their own words, and validated again."""
    started = time.perf_counter()
    meta = ArchiveMetadata.of(source, schemas)
    assembly = assemble(source, blobs, embed_text_layer_pages=True)
    try:
        try:
            data = _write(assembly, meta)
        except PdfaError as exc:
            if not assembly.embedded_pages:
                raise
            log.info(
                "Document %s: original text-layer pages are not PDF/A (%s); redrawing them",
                source.document_id,
                exc.report.summary(limit=3),
            )
            assembly.pdf.close()
            assembly = assemble(source, blobs, embed_text_layer_pages=False)
            data = _write(assembly, meta)
    except PdfaError as exc:
        raise ArchiveError(
            f"Không tạo được PDF/A cho tài liệu #{source.document_id} / PDF/A validation "
            f"failed: {exc.report.summary(limit=5)}"
        ) from exc
    finally:
        assembly.pdf.close()
    if assembly.low_dpi_pages:
        log.warning(
            "Document %s: pages %s are below 200 DPI (kept at intake resolution)",
            source.document_id,
            assembly.low_dpi_pages,
        )
    return BuiltPdf(
        data=data,
        pages=len(source.pages),
        seconds=time.perf_counter() - started,
        metadata=meta,
        embedded_pages=assembly.embedded_pages,
        low_dpi_pages=assembly.low_dpi_pages,
    )
