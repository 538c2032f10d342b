"""Review reasons: readable Vietnamese + English strings an officer acts on."""

from __future__ import annotations

from intake.extract.model import Extraction
from intake.extract.values import Parsed
from schemas import DocTypeSchema, FieldSpec

#: Fields below this confidence are listed for a look (OCR doubtful).
LOW_CONFIDENCE = 0.45


def problem(spec: FieldSpec, text: str) -> str:
    return f"{spec.label} ({spec.key}): {text}"


def missing_required(schema: DocTypeSchema, result: Extraction) -> list[str]:
    return [
        f"Thiếu trường bắt buộc «{spec.label}» / missing required field {spec.key}"
        for spec in schema.fields
        if spec.required and spec.key not in result.fields
    ]


def low_confidence(schema: DocTypeSchema, result: Extraction) -> list[str]:
    out = []
    for spec in schema.fields:
        got = result.fields.get(spec.key)
        if got and got.source in ("ocr", "text-layer") and got.confidence < LOW_CONFIDENCE:
            out.append(
                f"Độ tin cậy thấp «{spec.label}» = {got.value!r} / low confidence "
                f"{spec.key} ({got.confidence:.2f})"
            )
    return out


def disagreement(spec_label: str, key: str, source: str, exact: str, ocr: str) -> str:
    return (
        f"{source.upper()} và OCR khác nhau ở «{spec_label}»: {source.upper()} {exact!r}, "
        f"OCR {ocr!r} — dùng {source.upper()} / {source.upper()} and OCR disagree on {key}: "
        f"{source} {exact!r} kept, OCR {ocr!r}"
    )


def front_kept(spec_label: str, key: str, front: str, mrz: str) -> str:
    """The MRZ read another value than the card's front and the front's was kept (the MRZ's
    line was mended, or its province code is unchecked): `disagreement` says the other way
    round, and the officer must know which was stored."""
    return (
        f"MRZ và mặt trước khác nhau ở «{spec_label}»: giữ số mặt trước {front!r}, "
        f"MRZ đọc {mrz!r}; vui lòng kiểm tra / the MRZ and the card front disagree on {key}: "
        f"the front's {front!r} kept, the MRZ read {mrz!r}; please check"
    )


__all__ = ["Parsed", "disagreement", "front_kept", "low_confidence", "missing_required",
           "problem"]
