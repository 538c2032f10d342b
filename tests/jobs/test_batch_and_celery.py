"""Backlog runs (stop and resume without redoing work) and the Celery back-end on real Redis."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from intake.config import Settings
from intake.jobs.celery_app import make_celery
from intake.pipeline.ingest import receive
from intake.warehouse.models import Document, Job
from intake.warehouse.repository import Warehouse
from tests.jobs.helpers import all_finished, tiny_scan, wait_until
from tests.pages import FORM_LINES, PROCESSED, render_page

N_FILES = 10


def _env(data: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "INTAKE_DATA_DIR": str(data), **extra}


def test_batch_stops_cleanly_and_resumes_without_redoing(tmp_path: Path) -> None:
    """Given a backlog folder, when the operator presses Ctrl-C after the first files and runs
    the same command again, then every file ends stored exactly once and the second run
    processes only what was left."""
    backlog = tmp_path / "kho lưu trữ 2019"
    backlog.mkdir()
    for i in range(N_FILES):
        render_page((f"Hồ sơ số {i}", *FORM_LINES)).save(backlog / f"hồ sơ {i}.png", dpi=(300, 300))
    data = tmp_path / "data"
    report1, report2 = tmp_path / "r1.json", tmp_path / "r2.json"
    cmd = [sys.executable, "-m", "intake", "batch", str(backlog), "--workers", "1"]
    first = subprocess.Popen(
        [*cmd, "--report", str(report1)], env=_env(data), stdout=subprocess.PIPE, text=True
    )
    settings = Settings(data_dir=data)
    warehouse = None
    try:
        wait_until(lambda: (data / "intake.db").exists(), 60, "the warehouse")
        warehouse = Warehouse.open(settings, migrate=False)

        def done_jobs() -> int:
            try:
                with warehouse.sessions() as session:  # type: ignore[union-attr]
                    stmt = select(func.count()).where(Job.state == "done")
                    return int(session.scalar(stmt) or 0)
            except OperationalError:  # the batch process may still be creating the schema
                return 0

        wait_until(lambda: done_jobs() >= 1, 120, "the first file")
        first.send_signal(signal.SIGINT)
        first.wait(120)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0
    stopped = json.loads(report1.read_text())
    assert stopped["stopped_early"] is True
    assert 1 <= stopped["jobs"].get("done", 0) < N_FILES

    second = subprocess.run(
        [*cmd, "--report", str(report2)],
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert second.returncode == 0, second.stderr
    resumed = json.loads(report2.read_text())
    assert resumed["jobs"] == {"done": N_FILES}
    assert resumed["stopped_early"] is False
    assert resumed["pages_this_run"] == N_FILES - stopped["pages_total"]
    assert warehouse is not None
    with warehouse.sessions() as session:
        names = list(session.scalars(select(Document.source_name)))
        jobs = session.scalar(select(func.count()).select_from(Job))
    warehouse.close()
    assert sorted(names) == sorted(f"hồ sơ {i}.png" for i in range(N_FILES))
    assert jobs == N_FILES


def _redis_ok() -> bool:
    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_timeout=2).ping())
    except redis.RedisError:
        return False


def test_celery_backend_processes_a_batch(tmp_path: Path) -> None:
    """A real Celery worker (Redis broker) runs the same job runner: three files enqueued as
    JSON tasks all end stored, a duplicate among them detected."""
    if not _redis_ok():
        if os.environ.get("INTAKE_REQUIRE_REDIS"):
            pytest.fail("Redis required in CI but unreachable at 127.0.0.1:6379")
        pytest.skip("Redis unreachable")
    queue_name = f"intake-test-{uuid.uuid4().hex[:8]}"
    env = _env(
        tmp_path / "data",
        INTAKE_REDIS_URL="redis://127.0.0.1:6379/15",
        INTAKE_CELERY_QUEUE=queue_name,
        INTAKE_DETECT_ORIENTATION="false",
    )
    settings = Settings(
        data_dir=tmp_path / "data", redis_url="redis://127.0.0.1:6379/15", celery_queue=queue_name
    )
    warehouse = Warehouse.open(settings)
    files = [tiny_scan(tmp_path / f"{i}.png", f"Số {i}") for i in range(2)]
    (tmp_path / "copy.png").write_bytes(files[0].read_bytes())
    tickets = [receive(warehouse, p) for p in [*files, tmp_path / "copy.png"]]
    worker = subprocess.Popen(
        [sys.executable, "-m", "intake", "worker", "--backend", "celery", "--workers", "1"],
        env=env,
        stdout=(tmp_path / "celery.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        app = make_celery(settings)
        for ticket in tickets:
            app.send_task("intake.process_job", args=[ticket.job_id], queue=queue_name)
        wait_until(lambda: all_finished(warehouse, 3), 120, "the Celery worker")
    finally:
        worker.terminate()
        worker.wait(30)
    with warehouse.sessions() as session:
        statuses = sorted(session.scalars(select(Document.status)))
    warehouse.close()
    assert statuses[0] == "duplicate" and set(statuses[1:]) <= PROCESSED
