"""ONNX Runtime sessions for the line recognisers, one thread each: the pipeline owns parallelism
(one worker process per core), so a session must not spread over the cores itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def one_thread_session(path: Path) -> Any:
    """A CPU inference session of the model at ``path`` on one thread, quiet (errors only).
    Raises ImportError without ONNX Runtime, and its own errors for an unreadable model."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class LazySession:
    """A recogniser whose model session is opened on first use, once per worker
    (`_open`: the session, or None when it cannot be had); ``available`` says whether it
    could be."""

    _session: Any = None
    _failed: bool = False

    @property
    def available(self) -> bool:
        return self._load() is not None

    def _load(self) -> Any:
        if self._session is None and not self._failed:
            self._session = self._open()
            self._failed = self._session is None
        return self._session

    def _open(self) -> Any:
        raise NotImplementedError
