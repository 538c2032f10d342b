"""The synchronous pipeline behind ``intake process``: one direction only.

    receive (blob store + job row, committed) -> inspect -> read pages (pool) -> store

Pages of several files are in flight at once so every worker stays busy; results are stored
and yielded in input order. Bad input ends as a ``quarantined`` document with a readable
error; it never stops the run. Background workers (``intake.jobs``) run the same stages one
job at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from intake.config import Settings
from intake.errors import BadInputError, IntakeError
from intake.loading import SourceInfo, inspect
from intake.pipeline.analyse import plans_for
from intake.pipeline.ingest import Ticket, receive, worker_id
from intake.pipeline.pages import PageResult, PageTask
from intake.pipeline.pool import PagePool
from intake.pipeline.store import existing_originals, page_failure, store_documents
from intake.records import DocumentRecord
from intake.warehouse.repository import Warehouse, to_record

#: The synchronous run holds its jobs' leases this long; a crash lets workers take them later.
SYNC_LEASE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    origin: dict[str, Any] = field(default_factory=dict)


@dataclass
class _InFlight:
    ticket: Ticket
    info: SourceInfo | None = None
    futures: list[Future[PageResult]] = field(default_factory=list)
    error: IntakeError | None = None
    duplicate_of: _InFlight | None = None
    document_ids: list[int] = field(default_factory=list)


@dataclass
class RunStats:
    """What a run did, for the summary table and benchmarks."""

    files: int = 0
    pages: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add(self, records: list[DocumentRecord], results: list[PageResult]) -> None:
        """One source file: its documents (several for a split dossier) and its read pages."""
        for record in records:
            self.by_status[record.status] = self.by_status.get(record.status, 0) + 1
        self.pages += len(results)
        for result in results:
            for stage, seconds in result.seconds.items():
                self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds


def inspect_ticket(settings: Settings, warehouse: Warehouse, ticket: Ticket) -> SourceInfo:
    blob = warehouse.blobs.path_for(ticket.sha256)
    return inspect(blob, settings.max_pages, settings.max_image_pixels, ticket.source_name)


def page_tasks(warehouse: Warehouse, ticket: Ticket, info: SourceInfo) -> list[PageTask]:
    blob = str(warehouse.blobs.path_for(ticket.sha256))
    return [PageTask(blob, info.kind.format, index) for index in range(info.page_count)]


class Pipeline:
    def __init__(self, settings: Settings, warehouse: Warehouse, pool: PagePool) -> None:
        self.settings = settings
        self.warehouse = warehouse
        self.pool = pool
        self.stats = RunStats()
        self._by_sha: dict[str, _InFlight] = {}
        self.max_pages_in_flight = max(4, 3 * settings.effective_workers)
        self.owner = worker_id()

    def run(self, sources: Iterable[Source]) -> Iterator[DocumentRecord]:
        pending: deque[_InFlight] = deque()
        for source in sources:
            pending.append(self._begin(source))
            while pending and self._pages_in_flight(pending) > self.max_pages_in_flight:
                yield from self._finish(pending.popleft())
        while pending:
            yield from self._finish(pending.popleft())

    def _begin(self, source: Source) -> _InFlight:
        """Store the original and commit its job before any processing: nothing is lost."""
        self.stats.files += 1
        lease = datetime.now(UTC) + SYNC_LEASE
        ticket = receive(
            self.warehouse, source.path, source.origin, "running", lease, owner=self.owner
        )
        item = _InFlight(ticket)
        earlier = self._by_sha.get(ticket.sha256)
        if earlier is not None:
            item.duplicate_of = earlier  # same bytes earlier in this run: decided at store
            return item
        with self.warehouse.sessions() as session:
            if existing_originals(session, ticket.sha256):
                return item  # exact duplicate of a stored document: no OCR
        self._by_sha[ticket.sha256] = item
        try:
            item.info = inspect_ticket(self.settings, self.warehouse, ticket)
        except BadInputError as exc:
            item.error = exc
            return item
        item.futures = [self.pool.submit(t) for t in page_tasks(self.warehouse, ticket, item.info)]
        return item

    def _finish(self, item: _InFlight) -> Iterator[DocumentRecord]:
        results = [future.result() for future in item.futures]
        ticket = item.ticket
        if self._by_sha.get(ticket.sha256) is item:
            del self._by_sha[ticket.sha256]
        if item.duplicate_of is not None and item.duplicate_of.error is not None:
            item.error = item.duplicate_of.error  # same bytes, same fault: no second attempt
        if item.error is None:
            item.error = page_failure(results)
        with self.warehouse.unit_of_work() as session:
            if item.duplicate_of is not None:
                originals = list(item.duplicate_of.document_ids) if item.error is None else []
            elif item.futures or item.error is not None:
                originals = []
            else:
                originals = existing_originals(session, ticket.sha256)
            plans = plans_for(self.settings, results, ticket.origin, item.error, originals)
            documents = store_documents(
                session, ticket, item.info, results, item.error, originals, self.owner, plans
            )
            if documents is None:
                return  # the lease ran out and another worker took the file
            records = [to_record(session, document) for document in documents]
        self.stats.add(records, results)
        for record in records:
            item.document_ids.append(record.document_id or 0)
            yield record

    @staticmethod
    def _pages_in_flight(pending: deque[_InFlight]) -> int:
        return sum(1 for item in pending for f in item.futures if not f.done())
