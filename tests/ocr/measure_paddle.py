"""Measure the ``paddle`` engine against Tesseract (``vie``) on rendered Vietnamese text.

Not a test (pytest does not collect it): a script whose output is recorded in docs/paddle.md.

    .venv/bin/python tests/ocr/measure_paddle.py [--models DIR] [--json OUT]

It renders 30 lines of Vietnamese administrative text with ID numbers, dates and codes at
300 DPI (10-14 pt, Liberation Serif/Sans), clean and under four degradations (see
``CONDITIONS``: 150 DPI scan with 1° skew, 75 DPI fax, blurry phone shot, faint print; all
scaled back to 300 DPI), then for both engines reports, per line
image: character accuracy on all text, on digits only, exact ID/date tokens, words with
diacritics (and with stacked diacritics, e.g. ộ ữ ẫ) read exactly, seconds per line; and on a
full A4 page holding the same 30 lines: line-box IoU with the rendered boxes, page character
accuracy and seconds per page. Both engines run on one thread.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread, like the pipeline

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from intake.ocr.base import Box, nfc  # noqa: E402

FONTS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
)
DPI = 300
POINT_SIZES = (10, 11, 12, 14)

LINES: tuple[str, ...] = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số định danh cá nhân: 079203001234",
    "Họ, chữ đệm và tên khai sinh: NGUYỄN THỊ THUỶ TIÊN",
    "Ngày, tháng, năm sinh: 26/04/2018",
    "Giới tính: Nữ, Quốc tịch: Việt Nam",
    "Quê quán: Xã Hòa Phước, huyện Hòa Vang, TP Đà Nẵng",
    "Nơi thường trú: 123/45 Nguyễn Trãi, Phường 2, Quận 5",
    "Số CCCD của cha: 001085012345, cấp ngày 15/08/2021",
    "Số điện thoại liên hệ: 0903 456 789",
    "Mã hồ sơ: 000.00.15.H29-240315-0001",
    "Ngày tiếp nhận: 15/03/2024 lúc 08 giờ 30 phút",
    "Ngày hẹn trả kết quả: 22/03/2024",
    "Lệ phí: 50.000 đồng (Năm mươi nghìn đồng)",
    "Giấy khai sinh số 125/2018, quyển số 01/2018",
    "Mã số thuế: 0312345678-001",
    "Biển kiểm soát: 51F-123.45",
    "Tài khoản số 0071001234567 tại Vietcombank",
    "Người yêu cầu: Trần Văn Hùng, sinh năm 1985",
    "Số hộ chiếu: C1234567, hết hạn 01/01/2030",
    "Thửa đất số 234, tờ bản đồ số 12, diện tích 85,5 m2",
    "Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15/11/2015",
    "Quyết định số 1234/QĐ-UBND ngày 05/6/2023",
    "Ủy ban nhân dân phường Bến Nghé, Quận 1",
    "Điện thoại: (028) 3829 1234 - Fax: (028) 3829 5678",
    "Người đề nghị ký và ghi rõ họ tên",
    "Được cấp ngày 10/10/2022 tại Cục Cảnh sát QLHC về TTXH",
    "Số BHXH: 7912345678, mã thẻ BHYT: GD4797912345678",
    "Địa chỉ email: nguyenvana@example.com",
    "Trường hợp ủy quyền phải có văn bản ủy quyền hợp lệ",
)

TOKEN = re.compile(r"\d[\d/.\-]*\d|\d")


# -- rendering -------------------------------------------------------------------------------


def _font(i: int) -> ImageFont.FreeTypeFont:
    points = POINT_SIZES[i % len(POINT_SIZES)]
    return ImageFont.truetype(FONTS[i % len(FONTS)], round(points * DPI / 72))


def render_line(i: int, text: str, margin: int = 40) -> Image.Image:
    font = _font(i)
    left, top, right, bottom = font.getbbox(text)
    img = Image.new("RGB", (right - left + 2 * margin, bottom - top + 2 * margin), "white")
    ImageDraw.Draw(img).text((margin - left, margin - top), text, font=font, fill="black")
    return img


def render_page(lines: Sequence[str]) -> tuple[Image.Image, list[Box]]:
    """An A4 page at 300 DPI with the lines one under the other; returns the ink boxes."""
    img = Image.new("RGB", (2480, 3508), "white")
    draw = ImageDraw.Draw(img)
    boxes: list[Box] = []
    y = 200
    for i, text in enumerate(lines):
        font = _font(i)
        draw.text((200, y), text, font=font, fill="black")
        x0, y0, x1, y1 = draw.textbbox((200, y), text, font=font)
        boxes.append((int(x0), int(y0), int(x1), int(y1)))
        y = y1 + round(font.size * 0.9)
    return img, boxes


@dataclass(frozen=True)
class Degradation:
    """A scan/fax/photo look: downsample by ``factor``, blur, skew, fade, noise, JPEG."""

    factor: float = 1.0
    blur: float = 0.0
    skew: float = 0.0  # degrees, counter-clockwise
    contrast: float = 1.0  # ink darkness kept (1 = black)
    noise: float = 0.0  # Gaussian sigma, grey levels
    jpeg: int | None = None


CONDITIONS: dict[str, Degradation] = {
    "clean": Degradation(),
    "scan150": Degradation(factor=2, blur=0.8, skew=1.0, noise=12, jpeg=35),
    "fax75": Degradation(factor=4, blur=0.5, noise=8, jpeg=50),
    "blurry": Degradation(factor=2, blur=1.3, noise=20, jpeg=25),
    "faint": Degradation(factor=2, blur=0.8, contrast=0.35, noise=10, jpeg=35),
}


def degrade(img: Image.Image, seed: int, d: Degradation) -> Image.Image:
    """Apply ``d`` at the reduced resolution, then scale back to the original size."""
    if d == Degradation():
        return img
    rng = np.random.default_rng(seed)
    w, h = img.size
    small = img.convert("L").resize(
        (round(w / d.factor), round(h / d.factor)), Image.Resampling.BILINEAR
    )
    if d.blur:
        small = small.filter(ImageFilter.GaussianBlur(d.blur))
    if d.skew:
        small = small.rotate(d.skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    arr = np.asarray(small, dtype=np.float32)
    arr = 255 - (255 - arr) * d.contrast + rng.normal(0, d.noise, arr.shape)
    small = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if d.jpeg:
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=d.jpeg)
        small = Image.open(io.BytesIO(buf.getvalue()))
    return small.convert("RGB").resize((w, h), Image.Resampling.BICUBIC)


def rotate_box(box: Box, degrees: float, size: tuple[int, int]) -> Box:
    """Bounding box of ``box`` after PIL's counter-clockwise rotation about the centre."""
    if not degrees:
        return box
    cx, cy = size[0] / 2, size[1] / 2
    theta = np.radians(degrees)
    cos, sin = float(np.cos(theta)), float(np.sin(theta))
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])):
        xs.append(cx + (x - cx) * cos + (y - cy) * sin)
        ys.append(cy - (x - cx) * sin + (y - cy) * cos)
    return (round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys)))


# -- metrics ---------------------------------------------------------------------------------


def levenshtein(a: Sequence[str], b: Sequence[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def clean(text: str) -> str:
    return " ".join(nfc(text).split())


def marks(ch: str) -> int:
    """Number of diacritic marks on a letter (đ counts as one)."""
    if ch in "đĐ":
        return 1
    return sum(1 for c in unicodedata.normalize("NFD", ch) if unicodedata.combining(c))


def char_accuracy(refs: Sequence[str], hyps: Sequence[str]) -> float:
    errors = sum(levenshtein(r, h) for r, h in zip(refs, hyps, strict=True))
    total = sum(len(r) for r in refs)
    return max(0.0, 1 - errors / total) if total else 1.0


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def word_recall(refs: Sequence[str], hyps: Sequence[str], keep: Callable[[str], bool]) -> float:
    found = total = 0
    for ref, hyp in zip(refs, hyps, strict=True):
        have = Counter(w.strip(",.:;()") for w in hyp.split())
        for word in (w.strip(",.:;()") for w in ref.split()):
            if not keep(word):
                continue
            total += 1
            if have[word] > 0:
                have[word] -= 1
                found += 1
    return found / total if total else 1.0


def token_recall(refs: Sequence[str], hyps: Sequence[str]) -> float:
    found = total = 0
    for ref, hyp in zip(refs, hyps, strict=True):
        have = Counter(TOKEN.findall(hyp))
        for tok in TOKEN.findall(ref):
            total += 1
            if have[tok] > 0:
                have[tok] -= 1
                found += 1
    return found / total if total else 1.0


def iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def box_scores(truth: Sequence[Box], found: Sequence[Box]) -> tuple[float, float, float]:
    """Mean best IoU per rendered line; share of lines found at IoU >= 0.5 and >= 0.7."""
    best = [max((iou(t, f) for f in found), default=0.0) for t in truth]
    n = len(best)
    return statistics.fmean(best), sum(b >= 0.5 for b in best) / n, sum(b >= 0.7 for b in best) / n


# -- engines ---------------------------------------------------------------------------------


@dataclass
class PageResult:
    text: str
    boxes: list[Box]


class TesseractRunner:
    """The project's Tesseract engine (tesserocr back-end, ``vie``): PSM 7 on line images,
    its default page segmentation on pages."""

    name = "tesseract"

    def __init__(self) -> None:
        from intake.ocr.tesseract import TesseractEngine

        self._line = TesseractEngine(language="vie", psm=7)
        self._page = TesseractEngine(language="vie")

        self.errors = 0

    def line(self, img: Image.Image) -> str:
        from intake.errors import OcrError

        try:
            page = self._line.recognize(img, DPI)
        except OcrError as exc:  # counted and scored as an empty reading
            self.errors += 1
            print(f"tesseract error on a line image: {exc}", file=sys.stderr)
            return ""
        return clean(" ".join(line.text for line in page.lines))

    def page(self, img: Image.Image) -> PageResult:
        page = self._page.recognize(img, DPI)
        return PageResult(page.text, [line.box for line in page.lines])


class PaddleRunner:
    name = "paddle"

    def __init__(self, models_dir: Path) -> None:
        from intake.ocr.paddle import PaddleEngine

        self.engine = PaddleEngine(models_dir)
        self.errors = 0

    def line(self, img: Image.Image) -> str:
        return clean(" ".join(line.text for line in self.engine.recognize(img).lines))

    def page(self, img: Image.Image) -> PageResult:
        page = self.engine.recognize(img)
        return PageResult(page.text, [line.box for line in page.lines])


def measure(
    runner: Any,
    condition: str,
    line_imgs: list[Image.Image],
    page: Image.Image,
    page_boxes: list[Box],
) -> dict[str, Any]:
    runner.line(line_imgs[0])  # warm-up: load models
    runner.errors = 0
    hyps: list[str] = []
    times: list[float] = []
    for img in line_imgs:
        start = time.perf_counter()
        hyps.append(runner.line(img))
        times.append(time.perf_counter() - start)
    refs = [clean(t) for t in LINES]

    start = time.perf_counter()
    res = runner.page(page)
    page_seconds = time.perf_counter() - start
    mean_iou, found50, found70 = box_scores(page_boxes, res.boxes)
    page_ref = "\n".join(refs)

    return {
        "engine": runner.name,
        "condition": condition,
        "char_acc": char_accuracy(refs, hyps),
        "digit_acc": char_accuracy([digits(r) for r in refs], [digits(h) for h in hyps]),
        "id_date_tokens": token_recall(refs, hyps),
        "diacritic_words": word_recall(refs, hyps, lambda w: any(marks(c) for c in w)),
        "stacked_words": word_recall(refs, hyps, lambda w: any(marks(c) >= 2 for c in w)),
        "errors": runner.errors,
        "lines_exact": sum(r == h for r, h in zip(refs, hyps, strict=True)) / len(refs),
        "s_per_line": statistics.fmean(times),
        "page_char_acc": char_accuracy([page_ref], [res.text]),
        "page_id_date_tokens": token_recall([page_ref], [res.text]),
        "page_box_iou": mean_iou,
        "page_lines_iou50": found50,
        "page_lines_iou70": found70,
        "s_per_page": page_seconds,
        "samples": [{"ref": r, "hyp": h} for r, h in zip(refs, hyps, strict=True) if r != h][:6],
    }


def ensure_models(models: Path | None) -> Path:
    if models is not None:
        return models
    env = os.environ.get("INTAKE_PADDLE_MODELS_DIR")
    if env:
        return Path(env)
    from intake.ocr.paddle_models import install_models

    out = Path(tempfile.mkdtemp(prefix="paddle-models-"))
    return install_models(out, log=lambda _msg: None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=None, help="paddle models dir")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)

    models = ensure_models(args.models)
    runners = [PaddleRunner(models), TesseractRunner()]
    clean_lines = [render_line(i, t) for i, t in enumerate(LINES)]
    clean_page, page_boxes = render_page(LINES)
    results = []
    for condition, d in CONDITIONS.items():
        line_imgs = [degrade(img, i, d) for i, img in enumerate(clean_lines)]
        page = degrade(clean_page, 999, d)
        truth = [rotate_box(b, d.skew, page.size) for b in page_boxes]
        for runner in runners:
            results.append(measure(runner, condition, line_imgs, page, truth))

    line_cols = [
        ("char_acc", "chars"),
        ("digit_acc", "digits"),
        ("id_date_tokens", "ID/date tokens"),
        ("diacritic_words", "words w/ diacritics"),
        ("stacked_words", "stacked"),
        ("lines_exact", "lines exact"),
        ("s_per_line", "s/line"),
    ]
    page_cols = [
        ("page_char_acc", "chars"),
        ("page_id_date_tokens", "ID/date tokens"),
        ("page_box_iou", "line box IoU"),
        ("page_lines_iou50", "lines IoU>=.5"),
        ("page_lines_iou70", "lines IoU>=.7"),
        ("s_per_page", "s/page"),
    ]
    print(f"{len(LINES)} lines, {DPI} DPI, sizes {POINT_SIZES} pt; one thread per engine")
    for title, cols in (("Line images", line_cols), ("A4 page (same 30 lines)", page_cols)):
        print(f"\n{title}\n")
        print("| condition | engine | " + " | ".join(c[1] for c in cols) + " |")
        print("|---|---|" + "---:|" * len(cols))
        for r in results:
            cells = []
            for key, _ in cols:
                value = r[key]
                cells.append(f"{value:.2f}" if key.startswith("s_") else f"{100 * value:.1f}%")
            print(f"| {r['condition']} | {r['engine']} | " + " | ".join(cells) + " |")
    for r in results:
        if r["errors"]:
            print(f"\n{r['condition']}/{r['engine']}: {r['errors']} line(s) raised OcrError")
    print()
    for r in results:
        print(f"{r['condition']}/{r['engine']} examples (reference -> read):")
        for s in r["samples"][:4]:
            print(f"  {s['ref']!r}\n  -> {s['hyp']!r}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
