"""Training documents from the labelled generator, as text only.

`samples.generate` renders, scans and writes every file; training needs only the printed
text of each page, which the generator knows exactly while drawing. So this module plans a
set with the generator's own planner and draws each document (about 60 ms a page) but skips
the scanner simulation and the image files, then :mod:`classifiers.noise` adds the OCR errors.
The generator is a training-time dependency only; prediction never imports it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from classifiers.noise import noisy_pages

if TYPE_CHECKING:
    from samples.generator.plan import FileSpec

__all__ = ["GeneratedDocument", "LabelledFile", "generated_files", "noisy_views"]

#: Noise levels each generated document is seen at (the generator's three scan profiles,
#: plus the exact text for text-layer PDFs).
VIEWS: tuple[str, ...] = ("exact", "clean", "scanned", "hard")


@dataclass(frozen=True)
class GeneratedDocument:
    """One document of a generated file: its type and exact page texts."""

    doc_type: str
    pages: tuple[str, ...]
    layout: str


@dataclass(frozen=True)
class LabelledFile:
    """One generated file: a single document or a dossier of several, in page order."""

    key: str
    documents: tuple[GeneratedDocument, ...]

    @property
    def page_ranges(self) -> list[tuple[int, int]]:
        """1-based inclusive page range of each document."""
        ranges, first = [], 1
        for doc in self.documents:
            ranges.append((first, first + len(doc.pages) - 1))
            first += len(doc.pages)
        return ranges


def _draw(args: tuple[int, list[FileSpec]]) -> list[LabelledFile]:
    from samples.generator.compose import render_document
    from samples.generator.truth import page_texts
    from samples.generator.writer import MULTI_PAGE_FORMATS

    seed, specs = args
    files = []
    for spec in specs:
        single = spec.fmt not in MULTI_PAGE_FORMATS
        docs = []
        for d in spec.docs:
            rendered = render_document(d, random.Random(f"draw:{seed}:{d.render_seed}"),
                                       single_page=single)
            docs.append(GeneratedDocument(d.record.doc_type, tuple(page_texts(rendered)),
                                          d.layout_id))
        files.append(LabelledFile(f"{seed}:{spec.index}", tuple(docs)))
    return files


def generated_files(seed: int, n: int, *, dossier_fraction: float = 0.15,
                    workers: int = 1) -> list[LabelledFile]:
    """Plan ``n`` files with the generator (no duplicates) and draw their text; deterministic."""
    from samples.generator.plan import PlanOptions, plan_set

    specs = plan_set(PlanOptions(n, seed, "clean", dup_fraction=0.0,
                                 dossier_fraction=dossier_fraction))
    chunks = [(seed, specs[i::max(workers, 1)]) for i in range(max(workers, 1))]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_draw, chunks))
    else:
        parts = [_draw(c) for c in chunks]
    files = [f for part in parts for f in part]
    return sorted(files, key=lambda f: int(f.key.split(":")[1]))


def noisy_views(file: LabelledFile, seed: int, views: tuple[str, ...] = VIEWS,
                ) -> Iterator[tuple[str, list[list[str]]]]:
    """Each noise view of a file: (view name, page texts per document)."""
    for view in views:
        rng = random.Random(f"noise:{seed}:{file.key}:{view}")
        yield view, [noisy_pages(list(d.pages), view, rng, card=d.doc_type == "id_card")
                     for d in file.documents]
