"""Watch folders end to end with real workers: complete files only, nothing lost or doubled,
quarantine with a readable sidecar."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import Settings
from intake.jobs.local import LocalWorkers
from intake.warehouse.models import Document, Job
from intake.warehouse.repository import Warehouse
from tests.jobs.helpers import all_finished, tiny_scan, wait_until
from tests.pages import PROCESSED
from watch_folders import FolderWatcher, StabilityTracker, WatchFolder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        workers=2,
        watch_settle_seconds=0.3,
        detect_orientation=False,
        deskew=False,
    )


def _run(settings: Settings, inbox: Path, expected: int, timeout: float) -> list[Document]:
    warehouse = Warehouse.open(settings)
    watcher = FolderWatcher(settings, warehouse, [WatchFolder(path=inbox)])
    workers = LocalWorkers(settings)
    watcher.start()
    workers.start()
    try:
        wait_until(
            lambda: (
                (watcher.poll() >= 0)
                and all_finished(warehouse, expected)
                and watcher.received >= expected
            ),
            timeout,
            f"{expected} files to be processed",
        )
    finally:
        workers.stop(timeout=30)
        watcher.stop()
    with warehouse.sessions() as session:
        documents = list(session.scalars(select(Document).order_by(Document.id)))
    warehouse.close()
    return documents


def test_thousand_files_dropped_at_once(settings: Settings, tmp_path: Path) -> None:
    """1,000 files dropped at once: all processed, none lost, none twice, inbox emptied."""
    inbox = tmp_path / "scan"
    inbox.mkdir()
    staging = tmp_path / "staging"
    staging.mkdir()
    for i in range(1000):
        tiny_scan(staging / f"hồ sơ {i:04d}.png", f"Số {i:04d}")
    for path in staging.iterdir():
        path.rename(inbox / path.name)  # an atomic drop of the whole lot

    documents = _run(settings, inbox, 1000, timeout=600)

    assert len(documents) == 1000
    assert {d.source_name for d in documents} == {f"hồ sơ {i:04d}.png" for i in range(1000)}
    assert {d.status for d in documents} <= PROCESSED
    assert len({d.sha256 for d in documents}) == 1000
    assert list(inbox.iterdir()) == []


def test_same_file_twice_gives_one_document_and_one_exact_duplicate(
    settings: Settings, tmp_path: Path
) -> None:
    """The same bytes dropped twice under two names: one stored, one exact duplicate of it."""
    inbox = tmp_path / "scan"
    inbox.mkdir()
    first = tiny_scan(inbox / "giấy khai sinh.png", "Số 123")
    (inbox / "giấy khai sinh (bản sao).png").write_bytes(first.read_bytes())
    documents = _run(settings, inbox, 2, timeout=120)
    statuses = sorted(d.status for d in documents)
    assert statuses[0] == "duplicate" and statuses[1] in PROCESSED


def test_bad_file_goes_to_quarantine_with_a_reason(settings: Settings, tmp_path: Path) -> None:
    """A text file named .jpg leaves the inbox for the quarantine folder with a bilingual
    .error.txt beside it; the original stays in the blob store."""
    inbox = tmp_path / "quầy 1"
    inbox.mkdir()
    (inbox / "ảnh hỏng.jpg").write_text("không phải ảnh")
    (documents,) = [_run(settings, inbox, 1, timeout=120)]
    assert documents[0].status == "quarantined"
    quarantine = tmp_path / "quầy 1-quarantine"
    copy = quarantine / "ảnh hỏng.jpg"
    assert copy.read_text() == "không phải ảnh"
    report = (quarantine / "ảnh hỏng.jpg.error.txt").read_text(encoding="utf-8")
    assert "Lý do:" in report and "Reason:" in report and "không phải tệp PDF" in report
    assert list(inbox.iterdir()) == []


def test_slowly_written_file_is_taken_only_when_complete(
    settings: Settings, tmp_path: Path
) -> None:
    """A scanner writing a file over 3 seconds: the watcher does not take it before the last
    byte, and what is stored is the whole file."""
    inbox = tmp_path / "scan"
    inbox.mkdir()
    content = tiny_scan(tmp_path / "full.png", "Ghi chậm").read_bytes()
    target = inbox / "đang quét.png"
    settings = settings.model_copy(update={"watch_settle_seconds": 1.0})
    warehouse = Warehouse.open(settings)
    watcher = FolderWatcher(settings, warehouse, [WatchFolder(path=inbox)])
    watcher.start()
    chunks = [
        content[i : i + len(content) // 6 + 1]
        for i in range(0, len(content), len(content) // 6 + 1)
    ]
    done = threading.Event()

    def writer() -> None:
        with target.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                handle.flush()
                time.sleep(0.5)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    while not done.is_set():
        watcher.poll()
        assert watcher.received == 0, "taken before the scanner finished writing"
        time.sleep(0.1)
    thread.join()
    wait_until(lambda: watcher.poll() >= 0 and watcher.received == 1, 10, "the complete file")
    watcher.stop()
    with warehouse.sessions() as session:
        (job,) = session.scalars(select(Job)).all()
    assert warehouse.blobs.read_bytes(job.sha256) == content
    warehouse.close()


def test_stability_tracker_ignores_growing_files(tmp_path: Path) -> None:
    """A file that keeps changing is never ready; once unchanged for the settle time it is."""
    now = [0.0]
    tracker = StabilityTracker(2.0, clock=lambda: now[0])
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1")
    tracker.touch(path)
    now[0] = 1.5
    path.write_bytes(b"%PDF-1.4 more")
    assert tracker.ready() == []
    now[0] = 3.0
    assert tracker.ready() == []  # changed at 1.5: settles at 3.5
    now[0] = 3.6
    assert tracker.ready() == [path]
