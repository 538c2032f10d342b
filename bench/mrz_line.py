"""The MRZ-line recogniser against PP-OCR and Tesseract on held-out synthetic MRZ rows (issue #13).

    python -m bench.mrz_line [--n 300] [--seed 20261126] [--out bench/results/mrz_line.json]

Draws ``--n`` MRZ rows with `intake.ocr.mrz_line_synth` (the training's drawing, with a seed
the training never used: it trains on 2024) and reads each with the shipped MRZ-line model,
with PP-OCR (`ppocr_lines.LineRecognizer`, MRZ alphabet) and with Tesseract as the zone
reader reads an MRZ (``eng``, MRZ alphabet, no dictionaries) on the contrast-normalised row.
Scores, per capture scale (under 2: a card photographed alone; 2 and more: a card on a
photographed copy): the row exact, and, for the card-shaped number and dates lines, whether
their check digits hold as read (`intake.extract.mrz.read_mrz` gives the value). Also the
model's CPU milliseconds per row. The rows are the model's own kind of input, so this says
how well it learnt them and how far the other two are from it there; what it gives on
generated photos is `bench.photos`'.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from bench.output import emit, rates
from intake.extract.mrz import read_mrz
from intake.ocr.mrz_line import MrzLineRecognizer
from intake.ocr.mrz_line_synth import random_line, render_row_scaled
from intake.ocr.ppocr_lines import MRZ_ALPHABET, LineRecognizer
from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.photo import normalise_contrast


def _tesseract(engine: TesseractEngine, row: np.ndarray) -> str:
    norm = normalise_contrast(row, 39)  # the zone reader's text size on a 1300-px card
    padded = np.pad(norm, 12, constant_values=255)
    text = engine.recognize(Image.fromarray(padded), 300)
    return "".join("".join(line.text for line in text.lines).split())


def _checks(text: str) -> bool:
    """The line read gives a checked value: the number line its number, the dates line its
    birth date."""
    mrz = read_mrz([text])
    return mrz is not None and (mrz.id_number is not None or mrz.birth_yymmdd is not None)


def measure(n: int, seed: int) -> dict[str, Any]:
    model, ppocr = MrzLineRecognizer(), LineRecognizer()
    if not model.available or not ppocr.available:
        raise SystemExit("the MRZ-line model and PP-OCR need ONNX Runtime: make install")
    engine = TesseractEngine("eng", psm=7, variables={
        "tessedit_char_whitelist": MRZ_ALPHABET, "load_system_dawg": "0", "load_freq_dawg": "0"})
    rng = random.Random(seed)
    rows: dict[str, list[dict[str, bool]]] = defaultdict(list)
    cpu = 0.0
    for _ in range(n):
        text = random_line(rng)
        row, scale = render_row_scaled(rng, text)
        started = time.process_time()
        got = model.read(row)
        cpu += time.process_time() - started
        reads = {"model": got.text if got else "",
                 "ppocr": (r.text if (r := ppocr.read(row, MRZ_ALPHABET)) else ""),
                 "tesseract": _tesseract(engine, row)}
        checked = _checks(text)
        bucket = "card (scale < 2)" if scale < 2 else "copy (scale >= 2)"
        for where in (bucket, "all"):
            rows[where].append({f"{who}_exact": read == text for who, read in reads.items()})
            if checked:
                rows[where + ", number and dates lines"].append(
                    {f"{who}_checks": _checks(read) for who, read in reads.items()})
    return {
        "n": n, "seed": seed,
        "model_cpu_ms_per_row": round(1000 * cpu / max(1, n), 2),
        "by_scale": rates(rows, "rows"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--out", type=Path, default=Path("bench/results/mrz_line.json"))
    args = parser.parse_args()
    result = {"command": f"python -m bench.mrz_line --n {args.n} --seed {args.seed}",
              **measure(args.n, args.seed)}
    emit(result, args.out)


if __name__ == "__main__":
    main()
