"""Rebuild the small committed sample set in samples/scans/ (seed FIXED_SEED = 20250701).

The demo and fast tests need a few files with known behaviour, named for that behaviour
(CONVENTIONS.md), so this script picks each file's type, layout, format and profile by hand
instead of drawing them; every value inside is still generated from the seed. Run:

    .venv/bin/python -m samples.make_fixed_set            # writes samples/scans/
    .venv/bin/python -m samples.make_fixed_set --out DIR  # elsewhere
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .generator.compose import produce
from .generator.generate import _exact_copy
from .generator.people import Person
from .generator.plan import DocSpec, FileSpec
from .generator.record import DocumentRecord
from .generator.records import build_record
from .generator.styles import draw_style

FIXED_SEED = 20250701
SCANS = Path(__file__).parent / "scans"


@dataclass(frozen=True)
class Item:
    """One committed file: name, format, profile, documents as (type, layout, predicate)."""

    name: str
    fmt: str
    profile: str
    docs: tuple[tuple[str, str], ...]
    want: Callable[[DocumentRecord], bool] | None = None
    dup: tuple[str, int] | None = None  # (kind, index of the original)
    upside_down: bool = False


def _chip_cccd(r: DocumentRecord) -> bool:
    return r.values["x_generation"] == "cccd" and r.values["x_issue_date"] >= date(2021, 1, 1)


def _cancuoc(r: DocumentRecord) -> bool:
    return r.values["x_generation"] == "cancuoc"


ITEMS: tuple[Item, ...] = (
    Item("id-card-cccd-qr-clean.png", "png", "clean",
         (("id_card", "id_card/front-photocopy"),), _chip_cccd),
    Item("id-card-can-cuoc-2024-front-back-clean.jpg", "jpeg", "clean",
         (("id_card", "id_card/front-back-photocopy"),), _cancuoc),
    Item("birth-registration-form-clean.png", "png", "clean",
         (("birth_registration_form", "birth_registration_form/tt04-2020-lines"),)),
    Item("birth-certificate-guilloche-clean.jpg", "jpeg", "clean",
         (("birth_certificate", "birth_certificate/tt04-2020-original"),)),
    Item("marriage-registration-form-table-clean.tif", "tiff", "clean",
         (("marriage_registration_form", "marriage_registration_form/tt04-table"),)),
    Item("marriage-certificate-clean.pdf", "pdf", "clean",
         (("marriage_certificate", "marriage_certificate/lines"),)),
    Item("death-registration-form-clean.png", "png", "clean",
         (("death_registration_form", "death_registration_form/tt04-lines"),)),
    Item("land-registration-form-two-page-clean.pdf", "pdf", "clean",
         (("land_registration_form", "land_registration_form/04dk-two-page"),)),
    Item("marital-status-form-scanned.jpg", "jpeg", "scanned",
         (("marital_status_form", "marital_status_form/tt04-lines"),)),
    Item("residence-form-ct01-scanned.pdf", "pdf", "scanned",
         (("residence_form", "residence_form/ct01-2023"),)),
    Item("household-business-form-scanned.tif", "tiff", "scanned",
         (("household_business_form", "household_business_form/nd01-2021-table"),)),
    Item("construction-permit-form-scanned.pdf", "pdf", "scanned",
         (("construction_permit_form", "construction_permit_form/nd175-mau01"),)),
    Item("Hồ sơ xác nhận tình trạng hôn nhân - dossier.pdf", "pdf", "scanned",
         (("marital_status_form", "marital_status_form/compact"),
          ("id_card", "id_card/front-back-photocopy"),
          ("birth_certificate", "birth_certificate/copy-from-register"))),
    Item("land-registration-form-upside-down-hard.jpg", "jpeg", "hard",
         (("land_registration_form", "land_registration_form/15-2025-table"),),
         upside_down=True),
    Item("marital-status-form-exact-copy.jpg", "jpeg", "scanned",
         (("marital_status_form", ""),), dup=("exact", 8)),
    Item("construction-permit-form-rescan.jpg", "jpeg", "scanned",
         (("construction_permit_form", ""),), dup=("near", 11)),
    Item("birth-registration-form-same-record-other-layout.png", "png", "clean",
         (("birth_registration_form", "birth_registration_form/tt04-2024-numbered"),),
         dup=("same_record", 2)),
)


def _record(index: int, doc_type: str, subject: Person | None,
            want: Callable[[DocumentRecord], bool] | None) -> DocumentRecord:
    for attempt in range(200):
        rng = random.Random(f"fixed:{FIXED_SEED}:{index}:{doc_type}:{attempt}")
        record = build_record(rng, doc_type, subject)
        if want is None or want(record):
            return record
    raise RuntimeError(f"no record of {doc_type} satisfies the predicate")


def _spec(index: int, item: Item, specs: list[FileSpec]) -> FileSpec:
    rng = random.Random(f"fixed-style:{FIXED_SEED}:{index}")
    if item.dup:
        kind, of = item.dup
        orig = specs[of]
        orig.dup_group = f"dup-{of:04d}"
        docs = orig.docs
        if kind == "same_record":
            docs = [DocSpec(orig.docs[0].record, item.docs[0][1],
                            draw_style(rng, item.docs[0][0]), render_seed=rng.randrange(2**31))]
        return FileSpec(index, item.name, item.fmt, docs, rng.randrange(2**31), kind, of,
                        orig.dup_group)
    docs: list[DocSpec] = []
    subject = None
    for doc_type, layout in item.docs:
        record = _record(index, doc_type, subject, item.want)
        subject = subject or record.main_person
        docs.append(DocSpec(record, layout, draw_style(rng, doc_type), with_qr=True,
                            grey_copy=False, render_seed=rng.randrange(2**31)))
    extra: dict[str, object] = {"dossier": True} if len(docs) > 1 else {}
    return FileSpec(index, item.name, item.fmt, docs, rng.randrange(2**31),
                    force_upside_down=item.upside_down, extra=extra)


def build(out: Path) -> list[Path]:
    """Write the fixed set (scans, truth/, manifest.jsonl) into `out`, replacing it."""
    if out.exists():
        shutil.rmtree(out)
    (out / "truth").mkdir(parents=True)
    specs: list[FileSpec] = []
    for index, item in enumerate(ITEMS):
        specs.append(_spec(index, item, specs))
    names = {s.index: s.name for s in specs}
    rows = {}
    for spec, item in zip(specs, ITEMS, strict=True):
        if spec.dup_kind != "exact":
            rows[spec.index] = produce(spec, out, item.profile, FIXED_SEED, names)
    for spec in specs:
        if spec.dup_kind == "exact":
            rows[spec.index] = _exact_copy(spec, out, names)
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for spec in specs:
            fh.write(json.dumps(rows[spec.index], ensure_ascii=False) + "\n")
    return [out / s.name for s in specs]


def main() -> None:
    """Command-line entry: rebuild samples/scans (or --out)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=SCANS)
    args = parser.parse_args()
    paths = build(args.out)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {total / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
