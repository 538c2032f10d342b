"""``paddle`` engine: PP-OCR (PaddleOCR) ONNX models run offline with ONNX Runtime.

The models (``det/``, ``rec/`` and optionally ``cls/``, each ``inference.onnx`` +
``inference.yml``) come from ``INTAKE_PADDLE_MODELS_DIR``, filled by
``python -m intake.ocr.paddle_models --out DIR``. The pipeline (resize, DB post-processing,
crop, CTC decoding) is RapidOCR's, pointed at those local files; RapidOCR would only download
when no model path is given, which never happens here. See docs/paddle.md for why not the
``paddleocr`` package itself, and for the known limit: the PP-OCR dictionaries lack most
Vietnamese letters with stacked diacritics, so this engine is not the default for Vietnamese.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml
from PIL import Image

from intake.errors import OcrEngineMissingError, OcrError
from intake.ocr.base import Box, OcrLine, OcrWord, PageText, nfc

if TYPE_CHECKING:
    from intake.config import Settings

SETTING = "INTAKE_PADDLE_MODELS_DIR"
INSTALL_HINT = "python -m intake.ocr.paddle_models --out DIR (make paddle-models)"
REQUIRED = ("det/inference.onnx", "det/inference.yml", "rec/inference.onnx", "rec/inference.yml")

#: Minimum text lines for an orientation verdict, and how many the classifier looks at.
_MIN_ORIENTATION_LINES = 3
_MAX_ORIENTATION_LINES = 24


def _missing(detail: str) -> OcrEngineMissingError:
    return OcrEngineMissingError(
        f"Không tìm thấy mô hình PaddleOCR: {detail}. Đặt {SETTING} trỏ tới thư mục mô hình "
        f"(tạo bằng: {INSTALL_HINT}). / PaddleOCR models not found: {detail}. Set {SETTING} to "
        f"the models folder (create it with: {INSTALL_HINT})."
    )


def _transform(config: dict[str, Any], name: str) -> dict[str, Any]:
    for op in config.get("PreProcess", {}).get("transform_ops", []) or []:
        if isinstance(op, dict) and name in op:
            return op[name] or {}
    return {}


class PaddleEngine:
    """PP-OCRv6 detection + recognition on ONNX Runtime, one thread, models loaded once."""

    name = "paddle"

    def __init__(
        self,
        models_dir: Path | None,
        *,
        text_score: float = 0.5,
        max_side_len: int = 4000,
        det_max_side: int = 1920,
    ) -> None:
        """``models_dir``: the folder set by ``INTAKE_PADDLE_MODELS_DIR``.

        ``text_score``: lines recognised with a lower confidence are dropped.
        ``max_side_len``: pages larger than this are scaled down before anything else.
        ``det_max_side``: the detector sees the page scaled to at most this many pixels on
        its longer side (boxes are mapped back; recognition reads the full-resolution crops).
        PaddleOCR's own default runs detection at full size, 3x slower on a 300 DPI A4 page
        for the same text (see docs/paddle.md).
        """
        if models_dir is None:
            raise _missing(f"{SETTING} is not set")
        models_dir = Path(models_dir).expanduser()
        if not models_dir.is_dir():
            raise _missing(f"{models_dir} does not exist")
        absent = [rel for rel in REQUIRED if not (models_dir / rel).is_file()]
        if absent:
            raise _missing(f"{models_dir} lacks {', '.join(absent)}")
        self.models_dir = models_dir
        self.text_score = text_score
        self.max_side_len = max_side_len
        self.det_max_side = det_max_side
        self._ocr: Any = None
        self._model_names = ""
        self._keys_dir: tempfile.TemporaryDirectory[str] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> PaddleEngine:
        return cls(settings.paddle_models_dir)

    @property
    def has_orientation_model(self) -> bool:
        return (self.models_dir / "cls" / "inference.onnx").is_file()

    # -- loading ---------------------------------------------------------------------------

    def _read_config(self, kind: str) -> dict[str, Any]:
        path = self.models_dir / kind / "inference.yml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise _missing(f"{path} is unreadable ({exc})") from exc
        if not isinstance(data, dict):
            raise _missing(f"{path} is not a PaddleX inference.yml")
        return data

    def _load(self) -> Any:
        if self._ocr is not None:
            return self._ocr
        try:
            import cv2
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrEngineMissingError(
                f"Engine 'paddle' needs the paddle extra: pip install '.[paddle]' ({exc})."
            ) from exc

        det = self._read_config("det")
        rec = self._read_config("rec")
        post = det.get("PostProcess", {}) or {}
        norm = _transform(det, "NormalizeImage")
        rec_shape = _transform(rec, "RecResizeImg").get("image_shape", [3, 48, 320])
        characters = (rec.get("PostProcess", {}) or {}).get("character_dict") or []
        self._model_names = "+".join(
            str((cfg.get("Global", {}) or {}).get("model_name", kind))
            for kind, cfg in (("det", det), ("rec", rec))
        )
        if not characters:
            raise _missing(f"{self.models_dir / 'rec' / 'inference.yml'} has no character_dict")

        # RapidOCR reads the dictionary from a text file (the ONNX metadata wins when the
        # model embeds one, as rapidocr's own models do). It must exist: a missing path would
        # make RapidOCR try to download one.
        self._keys_dir = tempfile.TemporaryDirectory(prefix="intake-paddle-")
        keys = Path(self._keys_dir.name) / "keys.txt"
        keys.write_text("\n".join(str(c) for c in characters) + "\n", encoding="utf-8")

        cls_model = self.models_dir / "cls" / "inference.onnx"
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.text_score": self.text_score,
            "Global.use_cls": False,
            "Global.max_side_len": self.max_side_len,
            "Global.min_side_len": 30,
            # One thread per worker process: the pipeline owns parallelism.
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "Det.model_path": str(self.models_dir / "det" / "inference.onnx"),
            "Det.limit_side_len": self.det_max_side,
            "Det.limit_type": "max",
            "Det.thresh": float(post.get("thresh", 0.3)),
            "Det.box_thresh": float(post.get("box_thresh", 0.6)),
            "Det.unclip_ratio": float(post.get("unclip_ratio", 1.5)),
            "Det.max_candidates": int(post.get("max_candidates", 1000)),
            "Rec.model_path": str(self.models_dir / "rec" / "inference.onnx"),
            "Rec.rec_keys_path": str(keys),
            "Rec.rec_img_shape": [int(v) for v in rec_shape],
            "Cls.model_path": str(cls_model) if cls_model.is_file() else None,
        }
        if "mean" in norm and "std" in norm:
            params["Det.mean"] = [float(v) for v in norm["mean"]]
            params["Det.std"] = [float(v) for v in norm["std"]]
        # RapidOCR resizes and crops with OpenCV, whose own pool would start one thread per
        # core in every worker; the pipeline wants one OCR thread per process (like
        # OMP_THREAD_LIMIT=1 for Tesseract).
        cv2.setNumThreads(1)
        try:
            self._ocr = RapidOCR(params=params)
        except Exception as exc:
            raise OcrError(f"PaddleOCR (ONNX) could not start: {exc}") from exc
        return self._ocr

    # -- OcrEngine ---------------------------------------------------------------------------

    def recognize(self, image: Image.Image, dpi: int = 300) -> PageText:
        """Read one page. ``dpi`` is accepted for the protocol and recorded in ``extra``:
        PP-OCR detection works on pixels, the page is not rescaled by resolution."""
        ocr = self._load()
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        width, height = rgb.size
        try:
            result = ocr(rgb, use_det=True, use_cls=False, use_rec=True, return_word_box=True)
        except Exception as exc:
            raise OcrError(f"PaddleOCR (ONNX) failed on the page: {exc}") from exc

        texts = getattr(result, "txts", None)
        boxes = getattr(result, "boxes", None)
        if not texts or boxes is None:
            return PageText(lines=(), width=width, height=height, engine=self.name)
        scores = list(getattr(result, "scores", None) or [1.0] * len(texts))
        fragments_by_line = list(getattr(result, "word_results", None) or ())
        if len(fragments_by_line) != len(texts):
            fragments_by_line = [()] * len(texts)  # RapidOCR dropped some: do not misalign

        lines: list[OcrLine] = []
        for text, poly, score, fragments in zip(
            texts, boxes, scores, fragments_by_line, strict=True
        ):
            line_box = _clip(_poly_box(poly), width, height)
            words = _split_words(nfc(str(text)), line_box, float(score), fragments, width, height)
            if words:
                lines.append(OcrLine(words=tuple(words)))
        return PageText(
            lines=tuple(lines),
            width=width,
            height=height,
            engine=self.name,
            extra={
                "models": self._model_names,
                "runtime": "onnxruntime",
                "dpi": str(dpi),
            },
        )

    def detect_orientation(self, image: Image.Image) -> int | None:
        """Degrees (0/90/180/270, counter-clockwise as in PIL's ``Image.rotate``) that turn
        the page upright, or ``None``.

        Text line boxes tell horizontal text from text turned by 90°; the text line
        classifier (``cls/``, 0° vs 180°) then settles which way up. ``None`` when the page
        has too few lines or no classifier is installed.
        """
        if not self.has_orientation_model:
            return None
        ocr = self._load()
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        try:
            boxes = self._detect(ocr, rgb)
            if len(boxes) < _MIN_ORIENTATION_LINES:
                return None
            sideways = _mostly_vertical(boxes)
            base = 0  # counter-clockwise degrees applied so far
            if sideways:
                rgb = rgb.rotate(270, expand=True)  # try a quarter turn clockwise
                base = 270
                boxes = self._detect(ocr, rgb)
                if len(boxes) < _MIN_ORIENTATION_LINES or _mostly_vertical(boxes):
                    return None
            flipped = self._vote_flipped(ocr, rgb, boxes)
        except OcrError:
            raise
        except Exception as exc:
            raise OcrError(f"PaddleOCR (ONNX) orientation check failed: {exc}") from exc
        if flipped is None:
            return None
        return (base + 180) % 360 if flipped else base

    def close(self) -> None:
        """Drop the ONNX sessions (the pool calls this when a worker stops)."""
        self._ocr = None
        if self._keys_dir is not None:
            self._keys_dir.cleanup()
            self._keys_dir = None

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _detect(ocr: Any, image: Image.Image) -> list[np.ndarray]:
        result = ocr(image, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(result, "boxes", None)
        if boxes is None:
            return []
        return [np.asarray(b, dtype=np.float32) for b in boxes]

    @staticmethod
    def _vote_flipped(ocr: Any, image: Image.Image, boxes: list[np.ndarray]) -> bool | None:
        """Length-weighted vote of the 0°/180° classifier over the longest text lines."""
        longest = sorted(boxes, key=lambda b: float(np.ptp(b[:, 0])), reverse=True)
        up = down = 0.0
        for poly in longest[:_MAX_ORIENTATION_LINES]:
            left, top, right, bottom = _poly_box(poly)
            if right - left < 8 or bottom - top < 8:
                continue
            crop = image.crop((left, top, right, bottom))
            res = ocr(crop, use_det=False, use_cls=True, use_rec=False)
            labels = getattr(res, "cls_res", None)
            if not labels:
                continue
            label, score = labels[0]
            weight = float(right - left) * float(score)
            if str(label) == "180":
                down += weight
            else:
                up += weight
        if up + down == 0:
            return None
        return down > up


def _poly_box(poly: Any) -> Box:
    pts = np.asarray(poly, dtype=np.float32).reshape(-1, 2)
    return (
        int(np.floor(pts[:, 0].min())),
        int(np.floor(pts[:, 1].min())),
        int(np.ceil(pts[:, 0].max())),
        int(np.ceil(pts[:, 1].max())),
    )


def _clip(box: Box, width: int, height: int) -> Box:
    left, top, right, bottom = box
    left, right = max(0, min(left, width)), max(0, min(right, width))
    top, bottom = max(0, min(top, height)), max(0, min(bottom, height))
    return (left, top, max(left, right), max(top, bottom))


def _mostly_vertical(boxes: Sequence[np.ndarray]) -> bool:
    tall = wide = 0.0
    for poly in boxes:
        w = float(np.ptp(poly[:, 0]))
        h = float(np.ptp(poly[:, 1]))
        if h > 1.5 * w:
            tall += h
        elif w > 1.5 * h:
            wide += w
    return tall > wide


def _split_words(
    text: str,
    line_box: Box,
    line_score: float,
    fragments: Sequence[Any],
    width: int,
    height: int,
) -> list[OcrWord]:
    """Words of one recognised line, with boxes.

    RapidOCR gives word fragments located from the CTC columns; they may split a word where
    a character was dropped, so fragments are mapped back onto the whitespace-separated
    words by character offset. Without usable fragments, boxes are spread proportionally to
    character positions along the line box.
    """
    tokens = text.split()
    if not tokens:
        return []
    score = min(1.0, max(0.0, line_score))
    located = _from_fragments(tokens, fragments, line_box, width, height)
    if located is not None:
        return [
            OcrWord(text=tok, box=box, confidence=min(1.0, max(0.0, conf)))
            for tok, (box, conf) in zip(tokens, located, strict=True)
        ]

    left, top, right, bottom = line_box
    joined = " ".join(tokens)
    per_char = (right - left) / max(1, len(joined))
    words: list[OcrWord] = []
    offset = 0
    for tok in tokens:
        start = joined.index(tok, offset)
        end = start + len(tok)
        offset = end
        box = (
            left + round(start * per_char),
            top,
            left + round(end * per_char),
            bottom,
        )
        words.append(OcrWord(text=tok, box=box, confidence=score))
    return words


def _from_fragments(
    tokens: list[str],
    fragments: Sequence[Any],
    line_box: Box,
    width: int,
    height: int,
) -> list[tuple[Box, float]] | None:
    """Map RapidOCR word fragments (text, score, polygon) onto ``tokens``; None if unusable."""
    frags: list[tuple[str, float, Box]] = []
    for frag in fragments or ():
        try:
            ftext, fscore, fpoly = frag
        except (TypeError, ValueError):
            return None
        if fpoly is None:
            return None
        frags.append((nfc(str(ftext)), float(fscore), _clip(_poly_box(fpoly), width, height)))
    if not frags:
        return None
    if "".join(f[0] for f in frags).replace(" ", "") != "".join(tokens):
        return None

    # Character index (spaces removed) -> fragment number.
    owner: list[int] = []
    for i, (ftext, _, _) in enumerate(frags):
        owner.extend([i] * len(ftext.replace(" ", "")))
    out: list[tuple[Box, float]] = []
    pos = 0
    for tok in tokens:
        ids = sorted(set(owner[pos : pos + len(tok)]))
        pos += len(tok)
        boxes = [frags[i][2] for i in ids]
        box = (
            min(b[0] for b in boxes),
            line_box[1],
            max(b[2] for b in boxes),
            line_box[3],
        )
        conf = sum(frags[i][1] for i in ids) / len(ids)
        out.append((box, conf))
    return out
