"""What each OCR step buys and costs: the pipeline with every step, without each one in turn,
and with none (one plain Tesseract pass per page), on the same labelled folders.

    python -m bench.ocr_steps --data DIR [--data DIR2 ...] [--workers N] [--out FILE]

Every run goes through bench.ocr_accuracy's measure() (the real Pipeline, fresh warehouse), so
word recall, CER and digit groups are scored exactly as in that benchmark; the CPU seconds per
page of each stage come from the pipeline's own clock. The cost check of issue #5 is the
"all steps" row against the "none" row: preprocessing and re-reads together may cost at most
30% on top of one Tesseract pass per page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bench.ocr_accuracy import measure
from bench.output import emit

#: Setting switched off for each step (intake.config.Settings).
STEPS = {
    "deskew": "deskew",
    "orientation": "detect_orientation",
    "line removal": "remove_lines",
    "card reading": "read_cards",
    "digit re-reads": "reread_digits",
}
NONE = {setting: False for setting in STEPS.values()}


def configurations() -> list[tuple[str, dict[str, bool]]]:
    return [
        ("all steps", {}),
        *((f"without {step}", {setting: False}) for step, setting in STEPS.items()),
        ("none (one Tesseract pass)", NONE),
    ]


#: Stages every configuration pays alike (reading the file, storing the page image).
COMMON_STAGES = ("load", "save")


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    seconds = result["seconds_per_page_cpu"]
    return {
        **result["total"],
        "pages": result["pages_ocr"],
        "ocr_s_per_page": round(sum(v for k, v in seconds.items() if k not in COMMON_STAGES), 3),
        "stage_s_per_page": seconds,
    }


def run(folders: list[Path], workers: int) -> dict[str, Any]:
    rows = []
    for name, settings in configurations():
        row: dict[str, Any] = {"config": name, "settings": settings}
        for folder in folders:
            print(f"{name}: {folder}", file=sys.stderr, flush=True)
            row[folder.name] = _summary(measure(folder, workers, dict(settings)))
        rows.append(row)
    base = {f.name: rows[-1][f.name]["ocr_s_per_page"] for f in folders}
    for row in rows:
        for folder in folders:
            cell = row[folder.name]
            cell["cost_vs_one_pass"] = round(cell["ocr_s_per_page"] / base[folder.name] - 1, 3)
    return {
        "command": "python -m bench.ocr_steps " + " ".join(sys.argv[1:]),
        "folders": [str(f) for f in folders],
        "rows": rows,
    }


def table(results: dict[str, dict[str, Any]]) -> list[str]:
    """Markdown for docs/benchmarks.md: one row per configuration and folder."""
    lines: list[str] = []
    for name, data in results.items():
        if not name.startswith("ocrsteps"):
            continue
        lines += [
            f"## OCR steps: what each one buys and costs ({name})",
            "",
            f"`{data.get('command', '')}`",
            "",
            "| configuration | folder | word recall | CER | digit groups | OCR-side CPU s/page "
            "| cost vs one Tesseract pass |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in data["rows"]:
            for folder in data["folders"]:
                cell = row[Path(folder).name]
                lines.append(
                    f"| {row['config']} | {Path(folder).name} | {cell['word_recall']} "
                    f"| {cell['cer']} | {cell['digit_accuracy']} ({cell['digit_groups']}) "
                    f"| {cell['ocr_s_per_page']} | {cell['cost_vs_one_pass']:+.0%} |"
                )
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, action="append", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = run(args.data, args.workers)
    emit(result, args.out)


if __name__ == "__main__":
    main()
