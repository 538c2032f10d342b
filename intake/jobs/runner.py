"""Process one claimed job end to end inside the current process.

The same function runs in a local worker process and inside the Celery task. Pages are read
one after another here: the parallelism is one job per worker process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from intake.config import Settings
from intake.errors import BadInputError, IntakeError
from intake.jobs import queue
from intake.jobs.quarantine import write_quarantine_copy
from intake.loading import SourceInfo
from intake.pipeline.analyse import plans_for
from intake.pipeline.ingest import Ticket, worker_id
from intake.pipeline.pages import PageReader, PageResult
from intake.pipeline.process import inspect_ticket, page_tasks
from intake.pipeline.store import existing_originals, page_failure, store_documents
from intake.records import DocumentRecord
from intake.warehouse.repository import Warehouse, to_record

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class JobOutcome:
    job_id: int
    state: str  # done | failed | retry | lost
    records: tuple[DocumentRecord, ...] = ()
    pages: int = 0


class JobRunner:
    def __init__(self, settings: Settings, warehouse: Warehouse, reader: PageReader) -> None:
        self.settings = settings
        self.warehouse = warehouse
        self.reader = reader
        self.owner = worker_id()
        self.lease = timedelta(seconds=settings.job_lease_seconds)

    def claim_and_run(self, job_id: int | None = None) -> JobOutcome | None:
        ticket = queue.claim(self.warehouse, self.owner, self.lease, job_id)
        return None if ticket is None else self.run(ticket)

    def run(self, ticket: Ticket) -> JobOutcome:
        try:
            return self._run(ticket)
        except Exception as exc:  # the task boundary: record the error, retry if transient
            transient = not isinstance(exc, IntakeError) or exc.transient
            message = (
                exc.message if isinstance(exc, IntakeError) else f"{type(exc).__name__}: {exc}"
            )
            log.exception("job %s failed", ticket.job_id)
            if not transient:
                raise
            state = queue.retry_later(
                self.warehouse,
                ticket.job_id,
                self.owner,
                message,
                self.settings.job_max_attempts,
                self.settings.job_backoff_seconds,
            )
            return JobOutcome(ticket.job_id, "retry" if state == "queued" else state)

    def _run(self, ticket: Ticket) -> JobOutcome:
        with self.warehouse.sessions() as session:
            originals = existing_originals(session, ticket.sha256)
        info: SourceInfo | None = None
        results: list[PageResult] = []
        error: IntakeError | None = None
        if not originals:
            try:
                info = inspect_ticket(self.settings, self.warehouse, ticket)
            except BadInputError as exc:
                error = exc
            if info is not None:
                for task in page_tasks(self.warehouse, ticket, info):
                    results.append(self.reader.read(task))
                    queue.extend_lease(self.warehouse, ticket.job_id, self.owner, self.lease)
                error = page_failure(results)
                retry = ticket.attempts < self.settings.job_max_attempts
                if error is not None and error.transient and retry:
                    raise error  # retried with back-off; once used up, stored as quarantined
        plans = plans_for(self.settings, results, ticket.origin, error, originals)
        with self.warehouse.unit_of_work() as session:
            documents = store_documents(
                session, ticket, info, results, error, originals, self.owner, plans
            )
            if documents is None:
                return JobOutcome(ticket.job_id, "lost")
            records = tuple(to_record(session, d) for d in documents)
        if any(r.status == "quarantined" for r in records):
            write_quarantine_copy(self.warehouse, ticket, records[0].error or "")
        state = "failed" if records and records[0].status == "quarantined" else "done"
        return JobOutcome(ticket.job_id, state, records, len(results))
