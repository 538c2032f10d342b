"""Receiving a file: the first and only step that must happen before the inbox lets go.

The original goes into the blob store (atomic, fsync'd) and its job row is committed; only
then may a watcher delete the inbox file. Everything after can crash and resume.
"""

from __future__ import annotations

import os
import socket
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake.warehouse.models import Job
from intake.warehouse.repository import Warehouse


def worker_id() -> str:
    """Who holds a job: host and pid, so a dead local process's leases can be recognised."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class Ticket:
    """A received file: safe in the blob store with its job recorded."""

    job_id: int
    sha256: str
    source_path: str
    origin: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0

    @property
    def source_name(self) -> str:
        return Path(self.source_path).name

    @classmethod
    def of(cls, job: Job) -> Ticket:
        return cls(job.id, job.sha256, job.source_path, dict(job.options or {}), job.attempts)


def receive(
    warehouse: Warehouse,
    path: Path,
    origin: dict[str, Any] | None = None,
    state: str = "queued",
    lease_until: datetime | None = None,
    owner: str | None = None,
    batch: str | None = None,
) -> Ticket:
    sha = warehouse.blobs.put_file(path)
    source = unicodedata.normalize("NFC", str(path))
    options = dict(origin or {})
    with warehouse.unit_of_work() as session:
        job = Job(
            sha256=sha,
            source_path=source,
            state=state,
            attempts=1 if state == "running" else 0,
            options=options,
            lease_until=lease_until,
            worker=owner,
            batch=batch,
            created_at=datetime.now(UTC),
        )
        session.add(job)
        session.flush()
        job_id = job.id
    return Ticket(job_id, sha, source, options)
