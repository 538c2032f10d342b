"""Classify, split and extract: from read pages to planned documents (no storage here).

    pages -> classifiers.segment (type, procedure, confidence, page ranges)
          -> intake.extract per document (fields, review reasons, persons)
          -> fingerprints for duplicate detection

Pure with respect to storage: the store stage writes the plans in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from classifiers import load_classifier
from intake.config import Settings
from intake.dedup import TextFingerprint, fingerprint_text, record_keys
from intake.errors import IntakeError
from intake.extract import ExtractedField, PageWords, extract_document
from intake.extract.card_zones import zone_readings_of
from intake.pipeline.card_evidence import typed_by_card
from intake.pipeline.card_persons import several_persons_reason, split_by_person, unplaced_reason
from intake.pipeline.pages import PageResult
from schemas import load_schemas

log = logging.getLogger(__name__)


@dataclass
class DocumentPlan:
    first_page: int  # 1-based, in the source file
    last_page: int
    results: list[PageResult]
    doc_type: str | None
    predicted: str
    procedure_code: str | None
    confidence: float
    alternatives: list[tuple[str, float]]
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    review_reasons: list[str] = field(default_factory=list)
    persons: list[tuple[str, str]] = field(default_factory=list)
    text: TextFingerprint | None = None
    page_hashes: list[str] = field(default_factory=list)
    record_keys: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "needs_review" if self.doc_type is None or self.review_reasons else "stored"


def plans_for(
    settings: Settings,
    results: list[PageResult],
    origin: dict[str, Any],
    error: IntakeError | None,
    originals: list[int],
) -> list[DocumentPlan] | None:
    """What to store for a file: nothing to analyse when it failed, is an exact copy of a
    document already on file, or has no pages (``store_documents`` then records just that).
    Both the synchronous pipeline and the job worker decide this the same way."""
    if error is not None or originals or not results:
        return None
    return analyse_or_review(settings, results, origin)


def analyse_or_review(
    settings: Settings, results: list[PageResult], origin: dict[str, Any]
) -> list[DocumentPlan]:
    """``analyse``, but a failure of classification or extraction (a bug, a broken model file)
    never loses the document: it is stored whole, unclassified, for an officer, with the
    reason. The task boundary is the right place for this broad catch."""
    try:
        return analyse(settings, results, origin)
    except Exception as exc:
        log.exception("analysis failed")
        plan = DocumentPlan(
            first_page=1,
            last_page=len(results),
            results=results,
            doc_type=None,
            predicted="",
            procedure_code=None,
            confidence=0.0,
            alternatives=[],
            page_hashes=[r.phash for r in results if r.phash],
        )
        plan.review_reasons.append(
            f"Không phân loại/trích xuất được: {type(exc).__name__}: {exc} "
            "/ classification or extraction failed"
        )
        return [plan]


def analyse(
    settings: Settings, results: list[PageResult], origin: dict[str, Any]
) -> list[DocumentPlan]:
    texts = [r.text for r in results]
    split = settings.split_dossiers and origin.get("split_dossiers", True) is not False
    segments = load_classifier().segment(
        texts,
        procedure_hint=origin.get("procedure_hint"),
        split=split,
        threshold=settings.classify_threshold,
    )
    procedures = load_classifier().procedures
    plans: list[DocumentPlan] = []
    for segment in segments:
        pages = results[segment.first_page - 1 : segment.last_page]
        segment = typed_by_card(segment, pages, procedures)
        persons = split_by_person(pages[0]) if _one_card_page(segment, pages, split) else None
        if persons is None:
            plans.append(_plan(segment, pages))
            continue
        for person in persons:  # several persons' cards on one photo (card_persons)
            plan = _plan(segment, [person.result])
            if person.id_number is None:
                plan.review_reasons.append(unplaced_reason())
            plans.append(plan)
    return plans


def _one_card_page(segment: Any, pages: list[PageResult], split: bool) -> bool:
    return split and segment.doc_type == "id_card" and len(pages) == 1


def _plan(segment: Any, pages: list[PageResult]) -> DocumentPlan:
    plan = DocumentPlan(
        first_page=segment.first_page,
        last_page=segment.last_page,
        results=pages,
        doc_type=segment.doc_type,
        predicted=segment.predicted,
        procedure_code=segment.procedure_code,
        confidence=round(float(segment.confidence), 4),
        alternatives=[(t, round(float(p), 4)) for t, p in segment.alternatives],
        text=fingerprint_text("\n".join(r.text for r in pages)),
        page_hashes=[r.phash for r in pages if r.phash],
    )
    if plan.doc_type is None:
        plan.review_reasons.append(
            f"Chưa chắc loại giấy tờ (có thể là {plan.predicted}, độ tin cậy {plan.confidence:.2f})"
            f" / document type uncertain (best guess {plan.predicted})"
        )
        return plan
    words = [
        PageWords(
            number=i, width=r.width, height=r.height, words=r.words, text_source=r.text_source
        )
        for i, r in enumerate(pages, start=1)
    ]
    extraction = extract_document(
        plan.doc_type,
        words,
        qr_payloads=[q for r in pages for q in r.qr],
        zone_readings=zone_readings_of([r.photo for r in pages]),
    )
    plan.fields = extraction.fields
    plan.review_reasons.extend(extraction.review_reasons)
    if plan.doc_type == "id_card" and (several := several_persons_reason(pages)):
        plan.review_reasons.append(several)
    plan.persons = extraction.persons
    schema = load_schemas()[plan.doc_type]
    plan.record_keys = record_keys(schema, {k: f.value for k, f in plan.fields.items()})
    return plan
