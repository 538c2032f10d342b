"""What the archived PDF says about itself: the keys the digitization rules ask to keep with
every digitized paper (document-type code, owner's personal ID number) plus the fields, the
source file hash and the date of intake.

PDF/A allows only predefined XMP properties unless an extension schema describes the others;
the PDF/A validator we rely on (``pikepdf.pdfa``) approves predefined properties only and
drops custom ones. So the machine-readable set goes into predefined Dublin Core properties
(``dc:subject`` as ``key=value`` entries, ``dc:type``, ``dc:identifier``, ``dc:source``,
``dc:relation``, ``dc:date``) and into custom document-information keys (``/IntakeDocType``,
``/IntakeOwnerIdNumber`` ...), which PDF/A-2 permits. See docs/archive.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

import pikepdf

from intake.archive.source import ArchiveSource
from schemas import DocTypeSchema

#: Characters XML 1.0 cannot carry (XMP is XML): dropped from field values.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CREATOR_TOOL = "intake (OCRmyPDF text layer, img2pdf, pikepdf PDF/A)"


def owner_id_number(
    doc_type: str | None, fields: dict[str, str], schemas: dict[str, DocTypeSchema]
) -> str | None:
    """The owner's personal ID number: the first ``id_number``-kind field of the type's
    schema (in schema order) that has a value. Without a schema, a field named ``id_number``
    or ending in ``_id_number``."""
    schema = schemas.get(doc_type or "")
    if schema is not None:
        keys = [spec.key for spec in schema.fields if spec.kind == "id_number"]
    else:
        keys = sorted(k for k in fields if k == "id_number" or k.endswith("_id_number"))
    return next((fields[k] for k in keys if fields.get(k)), None)


def _clean(value: str) -> str:
    return _XML_ILLEGAL.sub("", unicodedata.normalize("NFC", value)).strip()


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


@dataclass(frozen=True, slots=True)
class ArchiveMetadata:
    document_id: int
    doc_type: str | None
    title: str
    procedure_code: str | None
    owner_id_number: str | None
    fields: dict[str, str]
    source_sha256: str
    source_name: str
    received_at: datetime

    @classmethod
    def of(cls, source: ArchiveSource, schemas: dict[str, DocTypeSchema]) -> ArchiveMetadata:
        schema = schemas.get(source.doc_type or "")
        return cls(
            document_id=source.document_id,
            doc_type=source.doc_type,
            title=schema.title if schema else source.source_name,
            procedure_code=source.procedure_code or (schema.procedure_code if schema else None),
            owner_id_number=owner_id_number(source.doc_type, source.fields, schemas),
            fields={k: _clean(v) for k, v in source.fields.items()},
            source_sha256=source.source_sha256,
            source_name=_clean(source.source_name),
            received_at=_utc(source.received_at),
        )

    def keywords(self) -> list[str]:
        """``key=value`` entries, keys first then fields in the canonical keys (``field.*``)."""
        head = {
            "document_id": str(self.document_id),
            "doc_type": self.doc_type,
            "procedure_code": self.procedure_code,
            "owner_id_number": self.owner_id_number,
            "source_sha256": self.source_sha256,
            "intake_date": self.received_at.date().isoformat(),
        }
        entries = [f"{k}={v}" for k, v in head.items() if v]
        entries += [f"field.{k}={v}" for k, v in sorted(self.fields.items())]
        return entries

    def description(self) -> str:
        parts = [f"Bản số hóa tài liệu #{self.document_id}"]
        parts.append(f"loại {self.doc_type or 'chưa phân loại'}")
        if self.procedure_code:
            parts.append(f"thủ tục {self.procedure_code}")
        if self.owner_id_number:
            parts.append(f"số định danh {self.owner_id_number}")
        parts.append(f"tiếp nhận {self.received_at.date().isoformat()}")
        return ", ".join(parts)

    def docinfo(self) -> dict[str, str]:
        """Custom document-information keys for tools that read PDF info dictionaries."""
        values = {
            "/IntakeDocumentId": str(self.document_id),
            "/IntakeDocType": self.doc_type,
            "/IntakeProcedureCode": self.procedure_code,
            "/IntakeOwnerIdNumber": self.owner_id_number,
            "/IntakeSourceSha256": self.source_sha256,
            "/IntakeSourceName": self.source_name,
            "/IntakeReceivedAt": self.received_at.isoformat(),
            "/IntakeFields": json.dumps(self.fields, ensure_ascii=False, sort_keys=True),
        }
        return {k: v for k, v in values.items() if v}


def apply_metadata(pdf: pikepdf.Pdf, meta: ArchiveMetadata) -> None:
    """Write the XMP packet (kept in step with the document information dictionary) and the
    custom information keys. PDF/A identification is added later by ``pikepdf.pdfa``."""
    keywords = meta.keywords()
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = meta.title
        xmp["dc:description"] = meta.description()
        xmp["dc:identifier"] = f"intake:document:{meta.document_id}"
        xmp["dc:source"] = f"sha256:{meta.source_sha256}"
        xmp["dc:subject"] = set(keywords)
        xmp["dc:date"] = [meta.received_at.isoformat()]
        xmp["dc:language"] = {"vi"}
        if meta.doc_type:
            xmp["dc:type"] = {meta.doc_type}
        if meta.procedure_code:
            xmp["dc:relation"] = {f"procedure:{meta.procedure_code}"}
        xmp["pdf:Keywords"] = "; ".join(keywords)
        xmp["xmp:CreateDate"] = meta.received_at.isoformat()
        xmp["xmp:CreatorTool"] = CREATOR_TOOL
    for key, value in meta.docinfo().items():
        pdf.docinfo[key] = value
