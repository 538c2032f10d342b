"""The durable job queue on SQLite and PostgreSQL: claims, leases, twins, back-off."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from intake.config import Settings
from intake.jobs import queue
from intake.pipeline.ingest import receive
from intake.warehouse.models import Job
from intake.warehouse.repository import Warehouse

LEASE = timedelta(seconds=60)


def _files(tmp_path: Path, n: int, same: bool = False) -> list[Path]:
    paths = []
    for i in range(n):
        path = tmp_path / f"f{i}.bin"
        path.write_bytes(b"same" if same else f"content {i}".encode())
        paths.append(path)
    return paths


def test_concurrent_claims_never_share_a_job(db_settings: Settings, tmp_path: Path) -> None:
    """Eight threads claiming from 40 jobs at once take each job exactly once."""
    warehouse = Warehouse.open(db_settings)
    for path in _files(tmp_path, 40):
        receive(warehouse, path)
    taken: list[int] = []
    lock = threading.Lock()

    def claimer(name: str) -> None:
        while (ticket := queue.claim(warehouse, name, LEASE)) is not None:
            with lock:
                taken.append(ticket.job_id)

    threads = [threading.Thread(target=claimer, args=(f"w{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    warehouse.close()
    assert sorted(taken) == sorted(set(taken))
    assert len(taken) == 40


def test_expired_lease_is_taken_over(db_settings: Settings, tmp_path: Path) -> None:
    """A job whose worker died (lease in the past) is claimed again, attempts counted."""
    warehouse = Warehouse.open(db_settings)
    (path,) = _files(tmp_path, 1)
    receive(warehouse, path)
    first = queue.claim(warehouse, "dead", LEASE)
    assert first is not None and first.attempts == 1
    assert queue.claim(warehouse, "other", LEASE) is None  # leased
    with warehouse.unit_of_work() as session:
        session.execute(update(Job).values(lease_until=datetime.now(UTC) - timedelta(seconds=1)))
    second = queue.claim(warehouse, "other", LEASE)
    warehouse.close()
    assert second is not None and second.job_id == first.job_id and second.attempts == 2


def test_same_bytes_are_not_processed_at_once(db_settings: Settings, tmp_path: Path) -> None:
    """While one copy of a file is running, its twin waits (it will become a duplicate)."""
    warehouse = Warehouse.open(db_settings)
    for path in _files(tmp_path, 2, same=True):
        receive(warehouse, path)
    first = queue.claim(warehouse, "a", LEASE)
    assert first is not None
    assert queue.claim(warehouse, "b", LEASE) is None
    warehouse.close()


def test_retry_backs_off_then_fails(db_settings: Settings, tmp_path: Path) -> None:
    """A transient failure requeues with a growing delay; the last attempt marks it failed."""
    warehouse = Warehouse.open(db_settings)
    (path,) = _files(tmp_path, 1)
    ticket = receive(warehouse, path)
    queue.claim(warehouse, "w", LEASE)
    assert queue.retry_later(warehouse, ticket.job_id, "w", "OCR crashed", 2, 30) == "queued"
    assert queue.claim(warehouse, "w", LEASE) is None  # backing off
    with warehouse.unit_of_work() as session:
        session.execute(update(Job).values(lease_until=datetime.now(UTC) - timedelta(seconds=1)))
    assert queue.claim(warehouse, "w", LEASE) is not None
    assert queue.retry_later(warehouse, ticket.job_id, "w", "OCR crashed", 2, 30) == "failed"
    assert queue.counts(warehouse) == {"failed": 1}
    warehouse.close()


def test_clean_release_returns_the_job_now(db_settings: Settings, tmp_path: Path) -> None:
    """A job given back on a clean stop is claimable at once, its attempt not counted."""
    warehouse = Warehouse.open(db_settings)
    (path,) = _files(tmp_path, 1)
    ticket = receive(warehouse, path)
    queue.claim(warehouse, "w", LEASE)
    queue.release(warehouse, ticket.job_id, "w")
    again = queue.claim(warehouse, "v", LEASE)
    warehouse.close()
    assert again is not None and again.attempts == 1
