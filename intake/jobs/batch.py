"""Backlog runs: enqueue a folder, process it with workers, resume after a stop, report.

A run is identified by its folder (``batch`` id = hash of the resolved path), so running
``intake batch DIR`` again enqueues only files it has not seen and lets workers finish the
rest: finished files are never redone.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from intake.config import Settings
from intake.pipeline.ingest import receive
from intake.sources import expand
from intake.warehouse.models import Document, Job, Page
from intake.warehouse.repository import Warehouse


def batch_id(folder: Path) -> str:
    return "b-" + hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]


@dataclass
class Snapshot:
    total_files: int
    enqueued: int
    states: dict[str, int]
    pages: int
    elapsed: float
    pages_at_start: int

    @property
    def finished(self) -> int:
        return self.states.get("done", 0) + self.states.get("failed", 0)

    @property
    def failures(self) -> int:
        return self.states.get("failed", 0)

    @property
    def pages_per_minute(self) -> float:
        done = self.pages - self.pages_at_start
        return done / self.elapsed * 60 if self.elapsed > 0 else 0.0


@dataclass
class BatchRun:
    settings: Settings
    folder: Path
    warehouse: Warehouse
    on_enqueued: Callable[[int], None] | None = None  # e.g. send the job to Celery
    batch: str = ""
    files: list[Path] = field(default_factory=list)
    enqueued: int = 0
    stop_flag: threading.Event = field(default_factory=threading.Event)
    started: float = 0.0
    pages_at_start: int = 0
    enqueue_error: BaseException | None = None

    def __post_init__(self) -> None:
        self.batch = batch_id(self.folder)

    def plan(self) -> int:
        """List the folder and count what is already enqueued from an earlier run."""
        self.files = list(expand([self.folder]))
        with self.warehouse.sessions() as session:
            seen = set(session.scalars(select(Job.source_path).where(Job.batch == self.batch)))
        self.enqueued = sum(1 for p in self.files if _key(p) in seen)
        self._seen = seen
        self.pages_at_start = self._pages()
        self.started = time.perf_counter()
        return len(self.files)

    def enqueue_all(self) -> None:
        """Receive every file not seen yet (runs in a thread beside the workers)."""
        try:
            for path in self.files:
                if self.stop_flag.is_set():
                    return
                if _key(path) in self._seen:
                    continue
                ticket = receive(
                    self.warehouse, path, {"batch_dir": str(self.folder)}, batch=self.batch
                )
                self._seen.add(_key(path))
                self.enqueued += 1
                if self.on_enqueued is not None:
                    self.on_enqueued(ticket.job_id)
        except BaseException as exc:  # reported by the caller; workers keep what was enqueued
            self.enqueue_error = exc

    def snapshot(self) -> Snapshot:
        with self.warehouse.sessions() as session:
            states = dict(
                session.execute(
                    select(Job.state, func.count())
                    .where(Job.batch == self.batch)
                    .group_by(Job.state)
                ).all()
            )
        return Snapshot(
            total_files=len(self.files),
            enqueued=self.enqueued,
            states=states,
            pages=self._pages(),
            elapsed=time.perf_counter() - self.started,
            pages_at_start=self.pages_at_start,
        )

    def is_complete(self, snap: Snapshot) -> bool:
        return snap.enqueued >= snap.total_files and snap.finished >= snap.total_files

    def _pages(self) -> int:
        """Pages read in this batch: page rows exist only for files that were OCR'd (an exact
        duplicate has none), so this counts the work done, split dossiers included."""
        with self.warehouse.sessions() as session:
            stmt = (
                select(func.count(Page.id))
                .join(Document, Page.document_id == Document.id)
                .join(Job, Document.job_id == Job.id)
                .where(Job.batch == self.batch)
            )
            return int(session.scalar(stmt) or 0)

    def report(self) -> dict[str, Any]:
        snap = self.snapshot()
        with self.warehouse.sessions() as session:
            by_type_status = session.execute(
                select(Document.doc_type, Document.status, func.count())
                .join(Job, Document.job_id == Job.id)
                .where(Job.batch == self.batch)
                .group_by(Document.doc_type, Document.status)
            ).all()
            errors = session.execute(
                select(Job.source_path, Job.last_error)
                .where(Job.batch == self.batch, Job.state == "failed")
                .order_by(Job.id)
                .limit(200)
            ).all()
        return {
            "batch": self.batch,
            "folder": str(self.folder),
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": snap.total_files,
            "jobs": snap.states,
            "pages_total": snap.pages,
            "pages_this_run": snap.pages - snap.pages_at_start,
            "seconds_this_run": round(snap.elapsed, 1),
            "pages_per_minute": round(snap.pages_per_minute, 1),
            "documents": [{"doc_type": t, "status": s, "count": n} for t, s, n in by_type_status],
            "errors": [{"source": p, "error": e} for p, e in errors],
        }


def _key(path: Path) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", str(path))
