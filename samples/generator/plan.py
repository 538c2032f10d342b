"""Plan a generated set: which files, which documents, which duplicates and reuse.

Planning happens up front in one process so that duplicate groups are known before anything
is written (an original's truth names its group) and so rendering can be farmed out to worker
processes in any order while the output stays byte-identical for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from .canvas import Style
from .fields import DOC_TYPES
from .layouts import form_layout, layout_ids
from .people import Person
from .record import DocumentRecord
from .records import build_record
from .styles import draw_style
from .writer import FORMATS, MULTI_PAGE_FORMATS, extension

DUP_KINDS: tuple[str, ...] = ("exact", "near", "same_record")
DOSSIER_FORMS: tuple[str, ...] = (
    "marital_status_form", "residence_form", "land_registration_form",
    "household_business_form", "construction_permit_form",
)
_FORMAT_WEIGHTS = {"pdf": 0.4, "jpeg": 0.25, "png": 0.15, "tiff": 0.2}
#: Phone photos are JPEG, a few PNG (screenshots, some apps); no PDF or TIFF.
PHOTO_FORMATS: tuple[str, ...] = ("jpeg", "png")
_PHOTO_WEIGHTS = {"jpeg": 0.85, "png": 0.15}
VN_TITLES = {
    "id_card": "Bản photo CCCD", "birth_registration_form": "Tờ khai khai sinh",
    "birth_certificate": "Giấy khai sinh", "marriage_registration_form": "Tờ khai kết hôn",
    "marriage_certificate": "Giấy chứng nhận kết hôn",
    "death_registration_form": "Tờ khai khai tử",
    "marital_status_form": "Tờ khai xác nhận tình trạng hôn nhân",
    "residence_form": "Tờ khai cư trú CT01", "household_business_form": "Đề nghị đăng ký hộ KD",
    "land_registration_form": "Đơn đăng ký đất đai",
    "construction_permit_form": "Đơn xin phép xây dựng", "dossier": "Hồ sơ một cửa",
}


@dataclass
class DocSpec:
    """One document to render: record, layout, style and card options."""

    record: DocumentRecord
    layout_id: str
    style: Style
    with_qr: bool = False
    grey_copy: bool = False
    render_seed: int = 0


@dataclass
class FileSpec:
    """One output file: its documents, format, scan seed and duplicate relation."""

    index: int
    name: str
    fmt: str
    docs: list[DocSpec]
    scan_seed: int
    dup_kind: str | None = None
    dup_of: int | None = None
    dup_group: str | None = None
    reused_person: bool = False
    force_upside_down: bool = False
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanOptions:
    """Knobs of a set; fractions are of the number of files."""

    n: int
    seed: int
    profile: str
    types: tuple[str, ...] = DOC_TYPES
    formats: tuple[str, ...] = FORMATS
    dup_fraction: float = 0.10
    reuse_fraction: float = 0.10
    dossier_fraction: float = 0.05


def _doc(rng: random.Random, record: DocumentRecord, fmt: str) -> DocSpec:
    ids = layout_ids(record.doc_type, single_page=fmt not in MULTI_PAGE_FORMATS)
    return DocSpec(record, rng.choice(ids), draw_style(rng, record.doc_type),
                   with_qr=rng.random() < 0.7, grey_copy=rng.random() < 0.6,
                   render_seed=rng.randrange(2**31))


def _name(rng: random.Random, index: int, fmt: str, label: str) -> str:
    ext = extension(fmt, rng.randrange(4) == 0)
    if rng.random() < 0.35:
        return f"{VN_TITLES[label]} {index:04d}{ext}"
    return f"{index:04d}_{label}{ext}"


class Planner:
    """Builds the list of FileSpecs for PlanOptions."""

    def __init__(self, opts: PlanOptions) -> None:
        self.o = opts
        self.rng = random.Random(f"plan:{opts.seed}")
        self.pool: list[tuple[Person, set[str]]] = []
        self.files: list[FileSpec] = []

    def _format(self, k: int, multi: bool = False) -> str:
        allowed = [f for f in self.o.formats if f in MULTI_PAGE_FORMATS] if multi else list(
            self.o.formats)
        weights = _PHOTO_WEIGHTS if self.o.profile == "photo" else _FORMAT_WEIGHTS
        if not multi and k < len(allowed) and self.o.profile != "photo":
            return allowed[k]
        return self.rng.choices(allowed, weights=[weights.get(f, 0.0) for f in allowed])[0]

    def _subject(self, doc_type: str) -> Person | None:
        candidates = [p for p, used in self.pool if doc_type not in used]
        if candidates and self.rng.random() < self.o.reuse_fraction:
            return self.rng.choice(candidates)
        return None

    def _remember(self, person: Person, doc_type: str) -> None:
        for p, used in self.pool:
            if p is person:
                used.add(doc_type)
                return
        self.pool.append((person, {doc_type}))

    def _record(self, index: int, doc_type: str, subject: Person | None) -> DocumentRecord:
        rng = random.Random(f"record:{self.o.seed}:{index}:{doc_type}")
        record = build_record(rng, doc_type, subject)
        self._remember(record.main_person, doc_type)
        return record

    def _dossier(self, index: int, fmt: str) -> FileSpec:
        apps = [t for t in DOSSIER_FORMS if t in self.o.types] or [self.o.types[0]]
        form = self._record(index, self.rng.choice(apps), None)
        person = form.main_person
        docs = [_doc(self.rng, form, fmt)]
        for t in ("id_card", "birth_certificate"):
            if t in self.o.types:
                docs.append(_doc(self.rng, self._record(index, t, person), fmt))
        return FileSpec(index, _name(self.rng, index, fmt, "dossier"), fmt, docs,
                        self.rng.randrange(2**31), extra={"dossier": True})

    def plan(self) -> list[FileSpec]:
        """All files in index order (originals first, then duplicates)."""
        n = self.o.n
        n_dup = round(n * self.o.dup_fraction)
        if self.o.dup_fraction > 0 and n >= 4:
            n_dup = max(n_dup, 1)
        n_orig = n - n_dup
        multi_ok = any(f in MULTI_PAGE_FORMATS for f in self.o.formats)
        n_dossier = 0
        if multi_ok and self.o.dossier_fraction > 0 and len(self.o.types) > 1:
            n_dossier = max(round(n_orig * self.o.dossier_fraction), 1 if n_orig >= 12 else 0)
        order = list(self.o.types)
        self.rng.shuffle(order)
        dossier_slots = set(self.rng.sample(range(len(order), max(n_orig, len(order))),
                                            min(n_dossier, max(n_orig - len(order), 0))))
        for i in range(n_orig):
            if i in dossier_slots:
                self.files.append(self._dossier(i, self._format(i, multi=True)))
                continue
            doc_type = order[i % len(order)]
            fmt = self._format(i)
            subject = self._subject(doc_type)
            record = self._record(i, doc_type, subject)
            spec = FileSpec(i, _name(self.rng, i, fmt, doc_type), fmt,
                            [_doc(self.rng, record, fmt)], self.rng.randrange(2**31),
                            reused_person=subject is not None)
            self.files.append(spec)
        for j in range(n_dup):
            self.files.append(self._duplicate(n_orig + j, DUP_KINDS[j % len(DUP_KINDS)]))
        return self.files

    def _duplicate(self, index: int, kind: str) -> FileSpec:
        originals = [f for f in self.files if f.dup_kind is None]
        singles = [f for f in originals if len(f.docs) == 1]
        if kind == "same_record" and not singles:
            kind = "exact"
        orig = self.rng.choice(singles if kind == "same_record" else originals)
        orig.dup_group = orig.dup_group or f"dup-{orig.index:04d}"
        label = "dossier" if len(orig.docs) > 1 else orig.docs[0].record.doc_type
        fmt, docs = orig.fmt, orig.docs
        if kind == "near":
            fmt = self._format(index, multi=len(orig.docs) > 1 or self._multi_layout(orig))
        elif kind == "same_record":
            rec = orig.docs[0].record
            others = [x for x in layout_ids(rec.doc_type, single_page=fmt not in
                                            MULTI_PAGE_FORMATS) if x != orig.docs[0].layout_id]
            layout = self.rng.choice(others) if others else orig.docs[0].layout_id
            docs = [replace(_doc(self.rng, rec, fmt), layout_id=layout)]
        return FileSpec(index, _name(self.rng, index, fmt, label), fmt, docs,
                        self.rng.randrange(2**31), kind, orig.index, orig.dup_group)

    @staticmethod
    def _multi_layout(spec: FileSpec) -> bool:
        lid = spec.docs[0].layout_id
        return not lid.startswith("id_card") and form_layout(lid).multi_page


def plan_set(opts: PlanOptions) -> list[FileSpec]:
    """Plan every file of a generated set."""
    return Planner(opts).plan()
