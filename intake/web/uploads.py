"""Files received over HTTP: saved under the data dir, then run through the real pipeline in
one background thread, one upload at a time, with a row in ``uploads`` to poll.

This is the stop-gap until the durable job queue (``intake.jobs``) exists: the request returns
at once with an id, the pipeline stores the original in the blob store and the documents in the
warehouse exactly as ``intake process`` would. An upload interrupted by a restart is queued
again at start-up if its file is still there.

The file name a client sends is display data only: it is reduced to a bare, NFC-normalised
name inside a folder named by the upload id, so no request can choose a path.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from intake.config import Settings
from intake.pipeline import Pipeline, Source
from intake.pipeline.pool import PagePool, make_pool
from intake.warehouse.models import Document
from intake.warehouse.models_auth import Upload
from intake.warehouse.repository import Warehouse
from intake.web.problems import Invalid, TooLarge
from intake.web.text import nfc

log = logging.getLogger(__name__)

#: Largest accepted upload; a 200-page colour scan at 300 DPI stays well below.
MAX_UPLOAD_BYTES = 512 * 1024 * 1024
CHUNK = 1 << 20


def safe_filename(name: str | None) -> str:
    """The last path component, NFC, without control or separator characters, ≤ 200 chars."""
    base = nfc(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[\x00-\x1f<>:\"|?*]", "_", base).strip(" .")
    return base[:200] or "tai-lieu"


class UploadRunner:
    def __init__(self, settings: Settings, warehouse: Warehouse) -> None:
        self.settings = settings
        self.warehouse = warehouse
        self.root = settings.data_dir / "uploads"
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-upload")
        self._pool: PagePool | None = None
        self._lock = threading.Lock()

    def save(self, stream: BinaryIO, filename: str | None, user_id: int, user_name: str) -> int:
        """Store the bytes under ``uploads/<id>/`` and record the upload; returns its id."""
        name = safe_filename(filename)
        with self.warehouse.unit_of_work() as session:
            upload = Upload(user_id=user_id, user_name=user_name, filename=name, state="saving")
            session.add(upload)
            session.flush()
            upload_id = upload.id
        folder = self.root / str(upload_id)
        try:
            size = self._write(stream, folder / name)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            with self.warehouse.unit_of_work() as session:
                row = session.get(Upload, upload_id)
                if row is not None:
                    session.delete(row)
            raise
        with self.warehouse.unit_of_work() as session:
            row = session.get(Upload, upload_id)
            assert row is not None
            row.size, row.state = size, "queued"
        return upload_id

    @staticmethod
    def _write(stream: BinaryIO, target: Path) -> int:
        target.parent.mkdir(parents=True, exist_ok=True)
        size = 0
        with target.open("wb") as out:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                size += len(chunk)
                if size > MAX_UPLOAD_BYTES:
                    raise TooLarge(f"Tệp quá lớn (tối đa {MAX_UPLOAD_BYTES >> 20} MB)")
                out.write(chunk)
        if size == 0:
            raise Invalid("Tệp rỗng / empty file")
        return size

    def submit(self, upload_id: int) -> None:
        self._executor.submit(self._run, upload_id)

    def resume(self) -> None:
        """Queue again the uploads a previous process accepted but did not finish."""
        with self.warehouse.unit_of_work() as session:
            rows = session.scalars(
                select(Upload).where(Upload.state.in_(("queued", "running", "saving")))
            ).all()
            for row in rows:
                if row.state != "saving" and self._path(row).is_file():
                    row.state = "queued"
                    self.submit(row.id)
                else:
                    row.state, row.error = "failed", "Bị gián đoạn khi khởi động lại máy chủ"

    def _path(self, upload: Upload) -> Path:
        return self.root / str(upload.id) / upload.filename

    def _run(self, upload_id: int) -> None:
        with self.warehouse.unit_of_work() as session:
            upload = session.get(Upload, upload_id)
            if upload is None:
                return
            upload.state = "running"
            path, user = self._path(upload), upload.user_name
        try:
            records = self._process(path, upload_id, user)
        except Exception as exc:  # task boundary: record the error, keep the file
            log.exception("upload %s failed", upload_id)
            self._finish(upload_id, "failed", str(exc) or type(exc).__name__, [])
            return
        self._finish(upload_id, "done", None, [r for r in records if r])
        shutil.rmtree(path.parent, ignore_errors=True)  # the original is in the blob store

    def _process(self, path: Path, upload_id: int, user: str) -> list[int]:
        with self._lock:
            if self._pool is None:
                self._pool = make_pool(self.settings)
            pipeline = Pipeline(self.settings, self.warehouse, self._pool)
            origin = {"channel": "upload", "upload_id": upload_id, "uploaded_by": user}
            return [r.document_id or 0 for r in pipeline.run([Source(path, origin)])]

    def _finish(self, upload_id: int, state: str, error: str | None, ids: list[int]) -> None:
        with self.warehouse.unit_of_work() as session:
            upload = session.get(Upload, upload_id)
            if upload is None:
                return
            upload.state, upload.error, upload.document_ids = state, error, ids
            upload.finished_at = datetime.now(UTC)
            if ids:
                document = session.get(Document, ids[0])
                upload.pipeline_job_id = document.job_id if document else None

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
