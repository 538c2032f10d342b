"""Generate a labelled set: scans in OUT/, truth in OUT/truth/, OUT/manifest.jsonl.

Planning is sequential and cheap; rendering and scanning run in a process pool; exact
duplicates are byte copies made afterwards. Same seed and options give byte-identical files.
"""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .compose import manifest_row, produce
from .fields import DOC_TYPES
from .plan import PHOTO_FORMATS, FileSpec, PlanOptions, plan_set
from .scan_effects import PROFILES
from .truth import write_json
from .writer import FORMATS


def _check(profile: str, types: tuple[str, ...], formats: tuple[str, ...]) -> None:
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {PROFILES}, got {profile!r}")
    unknown = set(types) - set(DOC_TYPES) | set(formats) - set(FORMATS)
    if unknown or not types or not formats:
        raise ValueError(f"unknown or empty types/formats: {sorted(unknown)}")


def _exact_copy(spec: FileSpec, out: Path, names: dict[int, str]) -> dict[str, Any]:
    """Byte copy of the original plus its truth re-labelled as an exact duplicate."""
    assert spec.dup_of is not None
    original = names[spec.dup_of]
    shutil.copyfile(out / original, out / spec.name)
    truth = json.loads((out / "truth" / f"{original}.json").read_text(encoding="utf-8"))
    truth["file"] = spec.name
    truth["extra"]["index"] = spec.index
    for doc in truth["documents"]:
        doc.update(duplicate_group=spec.dup_group, duplicate_kind="exact",
                   duplicate_of=original)
    write_json(out / "truth" / f"{spec.name}.json", truth)
    return manifest_row(truth, out / spec.name)


def generate(
    out: Path,
    n: int,
    seed: int,
    profile: str = "scanned",
    *,
    types: tuple[str, ...] | list[str] | None = None,
    formats: tuple[str, ...] | list[str] | None = None,
    dup_fraction: float = 0.10,
    reuse_fraction: float = 0.10,
    dossier_fraction: float = 0.05,
    workers: int | None = None,
) -> list[Path]:
    """Write `n` scan files with truth; return the scan paths in plan order."""
    types_t = tuple(types) if types else DOC_TYPES
    formats_t = tuple(formats) if formats else (PHOTO_FORMATS if profile == "photo" else FORMATS)
    if profile == "photo" and set(formats_t) - set(PHOTO_FORMATS):
        raise ValueError(f"the photo profile writes {PHOTO_FORMATS} only")
    _check(profile, types_t, formats_t)
    out = Path(out)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    specs = plan_set(PlanOptions(n, seed, profile, types_t, formats_t, dup_fraction,
                                 reuse_fraction, dossier_fraction))
    for spec in specs:
        spec.name = unicodedata.normalize("NFC", spec.name)
    names = {s.index: s.name for s in specs}
    rendered = [s for s in specs if s.dup_kind != "exact"]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(rendered) > 2:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rows = list(pool.map(produce, rendered, [out] * len(rendered),
                                 [profile] * len(rendered), [seed] * len(rendered),
                                 [names] * len(rendered), chunksize=1))
    else:
        rows = [produce(s, out, profile, seed, names) for s in rendered]
    by_index = {s.index: row for s, row in zip(rendered, rows, strict=True)}
    for spec in specs:
        if spec.dup_kind == "exact":
            by_index[spec.index] = _exact_copy(spec, out, names)
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for spec in specs:
            fh.write(json.dumps(by_index[spec.index], ensure_ascii=False) + "\n")
    return [out / s.name for s in specs]
