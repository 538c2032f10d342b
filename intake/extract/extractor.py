"""Extract a document's key fields: labels on the OCR layout, then QR and MRZ as exact sources.

Order of work: find label occurrences and their values (:mod:`candidates`), give each schema
field the first (or last) occurrence whose value parses, prefer a value that validates, repair
OCR confusions, correct addresses against the gazetteer, cross-check ID numbers with sex and
birth date, then let QR / MRZ values override OCR (flagging disagreements for review).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from intake.extract.address import normalise_address
from intake.extract.candidates import Candidate, Vocabulary, collect, vocabulary
from intake.extract.card_zones import (
    apply_zone_readings,
    zone_card_copy,
    zone_name_letters,
    zone_provinces,
)
from intake.extract.crosscheck import apply_card_sources, check_id_numbers
from intake.extract.layout import build_lines
from intake.extract.model import ExtractedField, Extraction, PageWords
from intake.extract.regions import Value
from intake.extract.review import low_confidence, missing_required, problem
from intake.extract.unlabelled import fill_unlabelled_id
from intake.extract.values import Parsed, parse_value
from intake.extract.values.pattern import parse_pattern
from intake.extract.vocab import snap
from schemas import DocTypeSchema, FieldSpec, load_schemas

#: Printed on most forms; they end a value and are never values themselves.
COMMON_OTHER_LABELS = (
    "Ký, ghi rõ họ, chữ đệm, tên",
    "Ký, ghi rõ họ tên",
    "Ký, đóng dấu, ghi rõ họ tên",
    "Ký và ghi họ tên",
    "Kính gửi",
    "Ký, đóng dấu",
    "Ghi rõ nội dung, ký, ghi rõ họ tên",
)


@cache
def _schema_vocab(doc_type: str) -> tuple[DocTypeSchema, Vocabulary]:
    schema = load_schemas()[doc_type]
    extended = schema.model_copy(
        update={"other_labels": [*schema.other_labels, *COMMON_OTHER_LABELS]}
    )
    return schema, vocabulary(extended)


def extract_document(
    doc_type: str,
    pages: list[PageWords],
    qr_payloads: list[str] | None = None,
    zone_readings: list[dict[str, str]] | None = None,
) -> Extraction:
    """Fields of one document (its pages only), with review reasons and persons."""
    result = Extraction(doc_type)
    if doc_type not in load_schemas():
        result.review_reasons.append(
            f"Không có định nghĩa loại giấy tờ {doc_type} / no schema for document type"
        )
        return result
    schema, vocab = _schema_vocab(doc_type)
    doc = build_lines(pages)
    candidates = collect(doc, vocab)
    used: set[int] = set()
    sources = {p.number: p.text_source for p in pages}
    for spec in schema.fields:
        picked = _pick(spec, candidates, vocab, used)
        if picked is None:
            continue
        cand, parsed = picked
        used.add(cand.order)
        result.fields[spec.key] = _field(spec, cand, parsed, sources)
        result.review_reasons.extend(problem(spec, p) for p in parsed.problems)
    if doc_type == "id_card":
        zone_mrz = apply_zone_readings(result, zone_readings or [])  # photos: card_zones
        apply_card_sources(result, [ln.text for ln in doc.lines] + zone_mrz, qr_payloads or [],
                           zone_provinces(zone_readings or []),
                           zone_name_letters(zone_readings or []),
                           zone_card_copy(zone_readings or []))
    fill_unlabelled_id(schema, doc, result)
    check_id_numbers(schema, result)
    result.review_reasons.extend(missing_required(schema, result))
    result.review_reasons.extend(low_confidence(schema, result))
    result.review_reasons = list(dict.fromkeys(result.review_reasons))
    result.persons = _persons(schema, result)
    return result


def _eligible(spec: FieldSpec, cand: Candidate, vocab: Vocabulary) -> bool:
    if spec.key not in vocab.fields_of.get(cand.hit.phrase.folded, ()):
        return False
    return spec.section is None or cand.section in (None, spec.section)


def _pick(
    spec: FieldSpec, candidates: list[Candidate], vocab: Vocabulary, used: set[int]
) -> tuple[Candidate, Parsed] | None:
    """First (or last) occurrence whose value parses; a validating one is preferred."""
    eligible = [c for c in candidates if c.order not in used and _eligible(spec, c, vocab)]
    if spec.pick == "last":
        eligible.reverse()
    fallback: tuple[Candidate, Parsed] | None = None
    for cand in eligible:
        parsed = _parse(spec, cand.value)
        if (parsed is None or not parsed.valid) and cand.extended is not None:
            longer = _parse(spec, cand.extended)
            if longer is not None and longer.valid:
                cand, parsed = replace(cand, value=cand.extended), longer
        if parsed is None:
            continue
        if spec.vocabulary:
            parsed = snap(parsed, spec.vocabulary)
        if parsed.valid:
            return cand, parsed
        fallback = fallback or (cand, parsed)
    return fallback


def _parse(spec: FieldSpec, value: Value) -> Parsed | None:
    """The value as the field's kind; a field with a ``pattern`` takes only that shape.

    Text glued to leader dots ("....,B1", "v..Nữ") is a second reading for kinds that validate
    (a register number, sex, date, number), never for free text or names."""
    if spec.pattern:
        return parse_pattern(spec.pattern, " ".join([*value.glued, value.text]))
    parsed = parse_value(spec.kind, value.text)
    if (parsed is None or not parsed.valid) and value.glued and spec.kind in _CHECKED_KINDS:
        second = parse_value(spec.kind, " ".join(value.glued))
        if second is not None and second.valid:
            return second
    return parsed


#: Kinds whose parser rejects what is not one of them, so a second reading cannot add noise.
_CHECKED_KINDS = ("sex", "date", "id_number", "number", "phone")


def _field(
    spec: FieldSpec, cand: Candidate, parsed: Parsed, sources: dict[int, str]
) -> ExtractedField:
    words = cand.value.words
    ocr = sum(w.conf for w in words) / len(words) if words else 0.0
    confidence = (ocr**0.5) * cand.hit.score * (1.0 if parsed.valid else 0.5)
    if parsed.notes and any("OCR" in n for n in parsed.notes):
        confidence *= 0.9
    value, notes = parsed.value, list(parsed.notes)
    if spec.address:
        address = normalise_address(value)
        value = address.text  # commas spaced as printed forms do ("Cư Jút,huyện" -> ", huyện")
        if address.corrections:
            notes.append("gazetteer: " + "; ".join(address.corrections))
    first = words[0] if words else None
    page_words = [w for w in words if first and w.page == first.page]
    bbox = None
    if page_words:
        bbox = (
            min(w.box[0] for w in page_words),
            min(w.box[1] for w in page_words),
            max(w.box[2] for w in page_words),
            max(w.box[3] for w in page_words),
        )
    page = first.page if first else None
    return ExtractedField(
        value=value,
        raw=cand.value.text,
        confidence=round(min(1.0, confidence), 3),
        page=page,
        bbox=bbox,
        source=sources.get(page or 0, "ocr"),
        note="; ".join(notes) or None,
    )


def _persons(schema: DocTypeSchema, result: Extraction) -> list[tuple[str, str]]:
    """(ID number, role) for each id_number field that has a role and a valid value."""
    out = []
    for spec in schema.fields:
        got = result.fields.get(spec.key)
        if spec.kind == "id_number" and spec.role and got and len(got.value) == 12:
            out.append((got.value, spec.role))
    return out
