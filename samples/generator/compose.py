"""Render one planned file: draw each document, then pass every page through the scanner.

Runs inside worker processes; everything it needs is in the FileSpec, and every random draw
comes from the spec's own seed, so results do not depend on scheduling.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import photo_effects, scan_effects
from .id_page import render_id_page
from .layouts import form_layout
from .plan import DocSpec, FileSpec
from .render import render_form
from .truth import RenderedDocument, document_truth, page_texts, write_json
from .writer import MULTI_PAGE_FORMATS, save_scan

GENERATOR_VERSION = "1"


_COMPACT = ((1.35, 13.0, 16.0), (1.25, 12.0, 14.0), (1.12, 11.0, 10.0))


def render_document(spec: DocSpec, rng: random.Random, *, single_page: bool) -> RenderedDocument:
    """Draw one document at 300 DPI; tighten the style until it fits when one page is a must."""
    if spec.record.doc_type != "id_card" and single_page:
        layout = form_layout(spec.layout_id)
        for spacing, size, top in ((spec.style.spacing, spec.style.size_pt,
                                    spec.style.margin_top_mm), *_COMPACT):
            style = replace(spec.style, spacing=min(spacing, spec.style.spacing),
                            size_pt=min(size, spec.style.size_pt),
                            margin_top_mm=min(top, spec.style.margin_top_mm))
            if len(render_form(spec.record, layout, style).pages) == 1:
                break
        spec = replace(spec, style=style)
    style_info = {"font": spec.style.family, "size_pt": spec.style.size_pt,
                  "caps_names": spec.style.caps_names, "date_style": spec.style.date_style,
                  "handwritten_like": spec.style.pen}
    if spec.record.doc_type == "id_card":
        canvas, payload = render_id_page(spec.record, spec.layout_id, spec.style, rng,
                                         with_qr=spec.with_qr, photocopy_grey=spec.grey_copy)
        extra = {"style": style_info, "card_generation": spec.record.values["x_generation"]}
        return RenderedDocument(spec.record, spec.layout_id, canvas, payload, extra)
    canvas = render_form(spec.record, form_layout(spec.layout_id), spec.style)
    blank = sorted(k for k in spec.record.blank)
    return RenderedDocument(spec.record, spec.layout_id, canvas, None,
                            {"style": style_info, "blank_fields": blank})


def _colour(spec: FileSpec, rng: random.Random) -> bool:
    """Offices scan forms in grey more often than certificates and card copies."""
    types = {d.record.doc_type for d in spec.docs}
    colourful = types & {"birth_certificate", "marriage_certificate", "id_card"}
    return rng.random() < (0.7 if colourful else 0.35)


def produce(spec: FileSpec, out: Path, profile: str, seed: int,
            names: dict[int, str]) -> dict[str, Any]:
    """Render, scan, write the file and its truth; return the manifest row."""
    rng = random.Random(f"scan:{seed}:{spec.index}:{spec.scan_seed}")
    single = spec.fmt not in MULTI_PAGE_FORMATS
    if profile == "photo":
        return _produce_photo(spec, out, seed, names, rng)
    docs = [render_document(d, random.Random(f"draw:{seed}:{d.render_seed}"), single_page=single)
            for d in spec.docs]
    dpi, quality = scan_effects.file_settings(rng, profile)
    grey = not _colour(spec, rng)
    pages, page_truth = [], []
    for doc in docs:
        for img, text in zip(doc.canvas.pages, page_texts(doc), strict=True):
            params = scan_effects.page_params(rng, profile, dpi, grey=grey,
                                              shift=spec.dup_kind == "near")
            if spec.force_upside_down:
                params = replace(params, upside_down=True)
            pages.append(scan_effects.apply(img, params, rng.randrange(2**32)))
            page_truth.append({"text": text, "dpi": dpi, "rotation": params.rotation,
                               "upside_down": params.upside_down, "extra": params.as_dict()})
    path = out / spec.name
    save_scan(pages, path, spec.fmt, dpi, quality)
    truth = build_truth(spec, docs, page_truth, profile, seed, names)
    write_json(out / "truth" / f"{spec.name}.json", truth)
    return manifest_row(truth, path)


def _produce_photo(spec: FileSpec, out: Path, seed: int, names: dict[int, str],
                   rng: random.Random) -> dict[str, Any]:
    """The `photo` profile: one document photographed (photo_effects.py)."""
    (doc_spec,) = spec.docs  # photos are single-image files
    draw = random.Random(f"draw:{seed}:{doc_spec.render_seed}")
    shot = photo_effects.photograph(doc_spec, render_document(doc_spec, draw, single_page=True),
                                    draw)
    path = out / spec.name
    photo_effects.save_photo(shot, path, spec.fmt)
    text = page_texts(shot.document)[0]
    page = {"text": text, "dpi": 72, "rotation": 0.0, "upside_down": False,
            "extra": {"photo": shot.params, "jpeg_quality": shot.quality if spec.fmt == "jpeg"
                      else None}}
    truth = build_truth(spec, [shot.document], [page], "photo", seed, names)
    write_json(out / "truth" / f"{spec.name}.json", truth)
    return manifest_row(truth, path)


def build_truth(spec: FileSpec, docs: list[RenderedDocument], pages: list[dict[str, Any]],
                profile: str, seed: int, names: dict[int, str]) -> dict[str, Any]:
    """Assemble the truth JSON of a file."""
    dup = {"group": spec.dup_group, "kind": spec.dup_kind,
           "of": names[spec.dup_of] if spec.dup_of is not None else None}
    documents, first = [], 1
    for doc in docs:
        entry = document_truth(doc, first, dup)
        entry["extra"]["reused_person"] = spec.reused_person or (len(docs) > 1 and first > 1)
        documents.append(entry)
        first += len(doc.canvas.pages)
    return {
        "file": spec.name, "format": spec.fmt, "profile": profile, "seed": seed,
        "pages": pages, "documents": documents,
        "extra": {"generator_version": GENERATOR_VERSION, "index": spec.index, **spec.extra},
    }


def manifest_row(truth: dict[str, Any], path: Path) -> dict[str, Any]:
    """One manifest.jsonl line: file identity and what it contains."""
    return {
        "file": truth["file"], "format": truth["format"], "profile": truth["profile"],
        "seed": truth["seed"], "pages": len(truth["pages"]),
        "doc_types": [d["doc_type"] for d in truth["documents"]],
        "duplicate_kind": truth["documents"][0]["duplicate_kind"],
        "duplicate_of": truth["documents"][0]["duplicate_of"],
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "truth": f"truth/{truth['file']}.json",
    }
