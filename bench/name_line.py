"""The name-line recogniser against Tesseract on held-out synthetic name bands (issue #13).

    python -m bench.name_line [--n 300] [--seed 20261125] [--out bench/results/name_line.json]

Draws ``--n`` name bands with `intake.ocr.name_line_synth` (the training's drawing, with a
seed the training never used: it trains on 1234) and reads each with the shipped name-line
model and with Tesseract as the zone reader reads a band (``vie``, one line, PSM 7, on the
contrast-normalised band padded with white). Scores, per capture scale (how many times the
band was shrunk before it was enlarged back: under 2 is a card photographed alone, 2 and
more a card on a photographed copy): the name exact with its marks, and its letters exact
(marks folded away). Also the model's CPU milliseconds per band. The synthetic bands are
the model's own kind of input, so this says how well it learnt them and how far Tesseract
is from it there; what it gives on generated photos is `bench.photos`'.
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
from intake.extract.text import fold
from intake.ocr.name_line import NameLineRecognizer
from intake.ocr.name_line_synth import random_name, render_band_scaled
from intake.ocr.tesseract import TesseractEngine
from intake.preprocess.photo import normalise_contrast


def _tesseract(engine: TesseractEngine, band: np.ndarray) -> str:
    norm = normalise_contrast(band, 39)  # the zone reader's text size on a 1300-px card
    padded = np.pad(norm, 12, constant_values=255)
    text = engine.recognize(Image.fromarray(padded), 300)
    return " ".join(" ".join(line.text for line in text.lines).split())


def measure(n: int, seed: int) -> dict[str, Any]:
    model = NameLineRecognizer()
    if not model.available:
        raise SystemExit("the name-line model needs ONNX Runtime: make install")
    engine = TesseractEngine("vie", psm=7)
    rng = random.Random(seed)
    rows: dict[str, list[dict[str, bool]]] = defaultdict(list)
    cpu = 0.0
    for _ in range(n):
        text = random_name(rng)
        band, scale = render_band_scaled(rng, text)
        started = time.process_time()
        read = model.read(band)
        cpu += time.process_time() - started
        other = _tesseract(engine, band)
        bucket = "card (scale < 2)" if scale < 2 else "copy (scale >= 2)"
        for where in (bucket, "all"):
            rows[where].append({
                "model_exact": read == text, "model_letters": fold(read) == fold(text),
                "tesseract_exact": other == text, "tesseract_letters": fold(other) == fold(text),
            })
    return {
        "n": n, "seed": seed,
        "model_cpu_ms_per_band": round(1000 * cpu / max(1, n), 2),
        "by_scale": rates(rows, "bands"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--out", type=Path, default=Path("bench/results/name_line.json"))
    args = parser.parse_args()
    result = {"command": f"python -m bench.name_line --n {args.n} --seed {args.seed}",
              **measure(args.n, args.seed)}
    emit(result, args.out)


if __name__ == "__main__":
    main()
