"""The quarantine folder: where a clerk finds a file the service could not read, and why.

Only jobs that came from a watch folder carry a ``quarantine_dir`` in their origin. The file
is copied back from the blob store (the inbox copy is already gone), beside a sidecar
``<name>.error.txt`` in Vietnamese and English. Names never collide: a counter is added.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from intake.pipeline.ingest import Ticket
from intake.warehouse.repository import Warehouse

log = logging.getLogger(__name__)


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    counter = 1
    while target.exists() or target.with_name(target.name + ".error.txt").exists():
        target = folder / f"{stem} ({counter}){suffix}"
        counter += 1
    return target


def write_quarantine_copy(warehouse: Warehouse, ticket: Ticket, reason: str) -> Path | None:
    folder = ticket.origin.get("quarantine_dir")
    if not folder:
        return None
    quarantine = Path(folder)
    quarantine.mkdir(parents=True, exist_ok=True)
    target = _free_name(quarantine, ticket.source_name)
    target.write_bytes(warehouse.blobs.read_bytes(ticket.sha256))
    vi, _, en = reason.partition(" / ")
    report = (
        f"Tệp: {ticket.source_name}\n"
        f"Thời điểm: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n"
        f"Lý do: {vi.strip()}\n"
        f"Mã công việc (job): {ticket.job_id}\n"
        f"Bản gốc vẫn được lưu (SHA-256): {ticket.sha256}\n"
        "\n"
        f"File: {ticket.source_name}\n"
        f"Reason: {(en or vi).strip()}\n"
        f"Job: {ticket.job_id}; the original is kept in the blob store (SHA-256 above).\n"
    )
    target.with_name(target.name + ".error.txt").write_text(report, encoding="utf-8")
    log.info("quarantined %s -> %s", ticket.source_name, target)
    return target
