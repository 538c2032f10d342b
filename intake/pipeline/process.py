"""The pipeline: from a source file to stored documents, one direction only.

    ingest (blob store + job row, committed) -> inspect -> read pages (pool) -> warehouse

Pages of several files are in flight at once so every worker stays busy; results are
finalised and yielded in input order. Bad input ends as a ``quarantined`` document with a
readable error; it never stops the run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.config import Settings
from intake.errors import BadInputError, IntakeError
from intake.loading import SourceInfo, inspect
from intake.pipeline.pages import PageResult, PageTask
from intake.pipeline.pool import PagePool
from intake.records import DocumentRecord
from intake.warehouse.models import Document, DuplicateLink, Page
from intake.warehouse.repository import Warehouse, to_record

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    origin: dict[str, Any] = field(default_factory=dict)


@dataclass
class _InFlight:
    source: Source
    sha256: str
    job_id: int
    info: SourceInfo | None = None
    futures: list[Future[PageResult]] = field(default_factory=list)
    error: IntakeError | None = None
    duplicate_of: _InFlight | None = None
    records: list[DocumentRecord] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)


@dataclass
class RunStats:
    """What a run did, for the summary table and benchmarks."""

    files: int = 0
    pages: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add(self, record: DocumentRecord, results: list[PageResult]) -> None:
        self.by_status[record.status] = self.by_status.get(record.status, 0) + 1
        self.pages += len(results)
        for result in results:
            for stage, seconds in result.seconds.items():
                self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds


class Pipeline:
    def __init__(self, settings: Settings, warehouse: Warehouse, pool: PagePool) -> None:
        self.settings = settings
        self.warehouse = warehouse
        self.pool = pool
        self.stats = RunStats()
        self._by_sha: dict[str, _InFlight] = {}
        self.max_pages_in_flight = max(4, 3 * settings.effective_workers)

    def run(self, sources: Iterable[Source]) -> Iterator[DocumentRecord]:
        pending: deque[_InFlight] = deque()
        for source in sources:
            pending.append(self._begin(source))
            while pending and self._pages_in_flight(pending) > self.max_pages_in_flight:
                yield from self._finish(pending.popleft())
        while pending:
            yield from self._finish(pending.popleft())

    # -- stages ------------------------------------------------------------------------------
    def _begin(self, source: Source) -> _InFlight:
        """Store the original and commit its job before any processing: nothing is lost."""
        self.stats.files += 1
        sha = self.warehouse.blobs.put_file(source.path)
        with self.warehouse.unit_of_work() as session:
            job = self.warehouse.new_job(session, sha, str(source.path), source.origin)
            job_id = job.id
        item = _InFlight(source=source, sha256=sha, job_id=job_id)
        earlier = self._by_sha.get(sha)
        if earlier is not None and earlier.error is None:
            item.duplicate_of = earlier
            return item
        with self.warehouse.sessions() as session:
            if self.warehouse.originals_by_sha(session, sha):
                return item  # exact duplicate of a stored document: no OCR
        self._by_sha[sha] = item
        blob = self.warehouse.blobs.path_for(sha)
        try:
            item.info = inspect(
                blob, self.settings.max_pages, self.settings.max_image_pixels, source.path.name
            )
        except BadInputError as exc:
            item.error = exc
            return item
        item.futures = [
            self.pool.submit(PageTask(str(blob), item.info.kind.format, index))
            for index in range(item.info.page_count)
        ]
        return item

    def _finish(self, item: _InFlight) -> Iterator[DocumentRecord]:
        results = [future.result() for future in item.futures]
        self._by_sha.pop(item.sha256, None)
        if item.duplicate_of is not None and item.duplicate_of.error is not None:
            item.error = item.duplicate_of.error  # same bytes, same fault: no second attempt
        with self.warehouse.unit_of_work() as session:
            originals = self._originals(session, item)
            if originals:
                document = self._store_duplicate(session, item, originals)
            elif item.error is None and (failed := _first_failure(results)) is not None:
                item.error = failed
                document = self._store(session, item, results)
            else:
                document = self._store(session, item, results)
            error = document.error_message if document.status == "quarantined" else None
            self.warehouse.finish_job(session, item.job_id, error)
            session.flush()
            record = to_record(session, document)
        item.records.append(record)
        item.document_ids.append(record.document_id or 0)
        self.stats.add(record, results)
        yield record

    def _originals(self, session: Any, item: _InFlight) -> list[int]:
        if item.duplicate_of is not None and item.duplicate_of.error is None:
            return list(item.duplicate_of.document_ids)
        if item.futures or item.error is not None:
            return []
        return [doc.id for doc in self.warehouse.originals_by_sha(session, item.sha256)]

    def _new_document(self, item: _InFlight, status: str) -> Document:
        return Document(
            sha256=item.sha256,
            source_path=str(item.source.path),
            source_name=item.source.path.name,
            media_type=item.info.kind.media_type if item.info else None,
            status=status,
            origin=item.source.origin or None,
            job_id=item.job_id,
        )

    def _store_duplicate(self, session: Any, item: _InFlight, originals: list[int]) -> Document:
        first = session.get(Document, originals[0])
        document = self._new_document(item, "duplicate")
        document.media_type = first.media_type if first else None
        document.page_count = first.page_count if first else 0
        document.doc_type = first.doc_type if first else None
        document.procedure_code = first.procedure_code if first else None
        session.add(document)
        session.flush()
        for other in originals:
            session.add(DuplicateLink(document_id=document.id, other_id=other, kind="exact"))
        return document

    def _store(self, session: Any, item: _InFlight, results: list[PageResult]) -> Document:
        status = "quarantined" if item.error is not None else "stored"
        document = self._new_document(item, status)
        if item.error is not None:
            document.error_code = str(item.error.code)
            document.error_message = item.error.message
        if item.info is not None and item.error is None:
            document.page_count = item.info.page_count
            document.source_page_first, document.source_page_last = 1, item.info.page_count
            document.ocr_engine = next((r.engine for r in results if r.engine), None)
            document.pages = [_page_row(number, r) for number, r in enumerate(results, start=1)]
        session.add(document)
        session.flush()
        return document

    @staticmethod
    def _pages_in_flight(pending: deque[_InFlight]) -> int:
        return sum(1 for item in pending for f in item.futures if not f.done())


def _first_failure(results: list[PageResult]) -> IntakeError | None:
    for result in results:
        if result.error_code is not None:
            error = IntakeError(f"Trang {result.index + 1}: {result.error_message}")
            error.code = result.error_code  # type: ignore[assignment]
            return error
    return None


def _page_row(number: int, result: PageResult) -> Page:
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
        skew=result.skew,
        words=result.words,
    )
