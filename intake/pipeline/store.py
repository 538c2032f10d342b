"""Writing a processed file's documents into the warehouse, with its job, in one transaction.

One transaction for the documents and the job's ``done`` state is what makes processing
exactly-once: a worker killed before the commit leaves nothing behind, and the job is taken up
again when its lease runs out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from intake.errors import IntakeError
from intake.loading import SourceInfo
from intake.pipeline.analyse import DocumentPlan
from intake.pipeline.ingest import Ticket
from intake.pipeline.pages import PageResult
from intake.pipeline.store_plans import write_plan
from intake.warehouse.models import Document, DuplicateLink, Job, Page
from intake.warehouse.repository import Warehouse


def page_failure(results: list[PageResult]) -> IntakeError | None:
    """The first failed page as an error for the document (the whole file is quarantined)."""
    for result in results:
        if result.error_code is not None:
            error = IntakeError(f"Trang {result.index + 1}: {result.error_message}")
            error.code = result.error_code  # type: ignore[assignment]
            error.transient = result.transient
            return error
    return None


def existing_originals(session: Session, sha256: str) -> list[int]:
    return [doc.id for doc in Warehouse.originals_by_sha(session, sha256)]


def store_documents(
    session: Session,
    ticket: Ticket,
    info: SourceInfo | None,
    results: list[PageResult],
    error: IntakeError | None,
    originals: list[int],
    owner: str | None,
    plans: list[DocumentPlan] | None = None,
) -> list[Document] | None:
    """Mark the job finished and add its documents (the caller commits).

    The job row is updated first, on condition that ``owner`` still holds it: that takes the
    row's write lock before any document is written, and returns None (store nothing) when the
    lease was lost to another worker, so a document is never stored twice."""
    state = "failed" if error is not None and not originals else "done"
    claimed = session.execute(
        update(Job)
        .where(Job.id == ticket.job_id, Job.state == "running", _owned_by(owner))
        .values(
            state=state,
            last_error=error.message if state == "failed" and error else None,
            lease_until=None,
            updated_at=datetime.now(UTC),
        )
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    if originals:
        return [_duplicate(session, ticket, originals)]
    if error is not None or info is None or not plans:
        return [_document(session, ticket, info, results, error)]
    return [_planned(session, ticket, info, plan) for plan in plans]


def _planned(session: Session, ticket: Ticket, info: SourceInfo, plan: DocumentPlan) -> Document:
    document = _new_document(ticket, plan.status, info)
    document.page_count = len(plan.results)
    document.source_page_first, document.source_page_last = plan.first_page, plan.last_page
    document.ocr_engine = next((r.engine for r in plan.results if r.engine), None)
    document.pages = [page_row(n, r) for n, r in enumerate(plan.results, start=1)]
    session.add(document)
    session.flush()
    write_plan(session, document, plan)
    session.flush()
    return document


def _owned_by(owner: str | None) -> Any:
    return Job.worker.is_(None) if owner is None else Job.worker == owner


def _new_document(ticket: Ticket, status: str, info: SourceInfo | None) -> Document:
    return Document(
        sha256=ticket.sha256,
        source_path=ticket.source_path,
        source_name=ticket.source_name,
        media_type=info.kind.media_type if info else None,
        status=status,
        origin=ticket.origin or None,
        job_id=ticket.job_id,
    )


def _duplicate(session: Session, ticket: Ticket, originals: list[int]) -> Document:
    first = session.get(Document, originals[0])
    document = _new_document(ticket, "duplicate", None)
    if first is not None:
        document.media_type = first.media_type
        document.page_count = first.page_count
        document.doc_type = first.doc_type
        document.procedure_code = first.procedure_code
    session.add(document)
    session.flush()
    for other in originals:
        session.add(DuplicateLink(document_id=document.id, other_id=other, kind="exact"))
    return document


def _document(
    session: Session,
    ticket: Ticket,
    info: SourceInfo | None,
    results: list[PageResult],
    error: IntakeError | None,
) -> Document:
    document = _new_document(ticket, "quarantined" if error else "stored", info)
    if error is not None:
        document.error_code = str(error.code)
        document.error_message = error.message
    elif info is not None:
        document.page_count = info.page_count
        document.source_page_first, document.source_page_last = 1, info.page_count
        document.ocr_engine = next((r.engine for r in results if r.engine), None)
        document.pages = [page_row(number, r) for number, r in enumerate(results, start=1)]
    session.add(document)
    session.flush()
    return document


def page_row(number: int, result: PageResult) -> Page:
    return Page(
        number=number,
        source_page=result.index + 1,
        text=result.text,
        confidence=result.confidence,
        text_source=result.text_source,
        image_sha256=result.image_sha256,
        width=result.width,
        height=result.height,
        dpi=result.dpi,
        rotation=result.rotation,
        phash=result.phash,
        skew=result.skew,
        words=result.words,
        photo=result.photo,
    )
