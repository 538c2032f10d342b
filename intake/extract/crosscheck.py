"""Second sources and cross-checks: QR and MRZ over OCR, ID number against sex and birth date.

A QR payload and a check-digit-verified MRZ are exact; OCR is not. So when they disagree the
exact value is kept and the document is flagged with both values; when OCR missed a field the
exact source fills it. The ID number's century/sex digit and year digits must agree with the
sex and birth date printed for the same person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from intake.extract.card_name_check import check_card_name
from intake.extract.idnumber import birth_century, consistency_problems, structure_problems
from intake.extract.model import ExtractedField, Extraction
from intake.extract.mrz import Mrz, full_date, read_mrz
from intake.extract.qr import parse_card_qr
from intake.extract.review import disagreement, front_kept
from intake.extract.text import nfc
from schemas import DocTypeSchema, load_schemas

_ROLE_SEX = {"wife": "Nữ", "mother": "Nữ", "husband": "Nam", "father": "Nam"}


def _label(key: str) -> str:
    spec = load_schemas()["id_card"].field(key)
    return spec.label if spec else key


def _override(result: Extraction, key: str, value: str, raw: str, source: str) -> None:
    """Put an exact value in place; flag the document when OCR read something else."""
    got = result.fields.get(key)
    if got is not None and got.source in ("qr", "mrz"):
        if got.value != value:
            result.review_reasons.append(disagreement(_label(key), key, source, value, got.value))
        return
    if got is not None and got.value != value:
        result.review_reasons.append(disagreement(_label(key), key, source, value, got.value))
    note = f"{source.upper()}" + (f"; OCR read {got.value!r}" if got and got.value != value else "")
    result.fields[key] = ExtractedField(
        value=value,
        raw=raw,
        confidence=0.99,
        page=got.page if got else None,
        bbox=got.bbox if got else None,
        source=source,
        note=note,
    )


def apply_card_sources(result: Extraction, lines: list[str], payloads: list[str],
                       provinces: Sequence[str] = (), letters: Sequence[str] = (),
                       copy: bool = False) -> None:
    """Use the card's QR payload, then its MRZ, as exact sources for the printed fields;
    then check the full name against the MRZ names line, the card's sex and the shape of a
    name (`check_card_name`). ``provinces``: province codes a front's unsettled number
    band read alike (`card_zones.zone_provinces`), a second reading of the MRZ's;
    ``letters``: the words PP-OCR decoded surely on name bands (`card_zones.zone_name_letters`);
    ``copy``: the card was read on a photographed photocopy (`card_zones.CARD_COPY`)."""
    for payload in payloads:
        qr = parse_card_qr(nfc(payload))
        if qr is None:
            continue
        _override(result, "id_number", qr.id_number, payload, "qr")
        _override(result, "full_name", qr.full_name, payload, "qr")
        if qr.date_of_birth:
            _override(result, "date_of_birth", qr.date_of_birth, payload, "qr")
        if qr.sex:
            _override(result, "sex", qr.sex, payload, "qr")
        if qr.address:
            _override(result, "place_of_residence", qr.address, payload, "qr")
        break
    mrz = read_mrz(lines)
    _apply_mrz(result, mrz, provinces)
    check_card_name(result, lines, mrz, letters, copy)


def _apply_mrz(result: Extraction, mrz: Mrz | None, provinces: Sequence[str] = ()) -> None:
    """Each check-digit-verified MRZ value over OCR's."""
    if mrz is None:
        return
    century = None
    if mrz.id_number and (_province_unchecked(result, mrz) or _mended_against_zone(result, mrz)):
        got = result.fields["id_number"]
        result.review_reasons.append(
            front_kept(_label("id_number"), "id_number", got.value, mrz.id_number))
        century = birth_century(got.value)
    elif mrz.id_number and _province_unread(result, mrz, provinces):
        result.review_reasons.append(
            f"{_label('id_number')}: MRZ đọc {mrz.id_number!r} nhưng không kiểm được mã tỉnh "
            f"(3 số đầu) / the MRZ reads {mrz.id_number!r} but its province code (first 3 "
            f"digits) is not checked; vui lòng kiểm tra / please check")
        century = birth_century(mrz.id_number)
    elif mrz.id_number:
        _override(result, "id_number", mrz.id_number, mrz.id_number, "mrz")
        century = birth_century(mrz.id_number)
    if mrz.birth_yymmdd:
        _override(
            result, "date_of_birth", full_date(mrz.birth_yymmdd, century), mrz.birth_yymmdd, "mrz"
        )
    if mrz.sex and mrz.birth_yymmdd:
        _override(result, "sex", mrz.sex, mrz.sex, "mrz")
    if mrz.expiry_yymmdd:
        _override(
            result,
            "expiry_date",
            full_date(mrz.expiry_yymmdd, future=True),
            mrz.expiry_yymmdd,
            "mrz",
        )


def _province_unchecked(result: Extraction, mrz: Mrz) -> bool:
    """The card's front, read by zone (settled by two recognisers), and the MRZ agree on
    the number's last 9 digits, which the MRZ's check digit covers, but not on the province
    code, which only the composite check digit covers, and that was not read or does not
    hold: the front's number is kept (and the document flagged). A blurred photocopy's
    back read ``848152934170`` for 040152934170 (fresh photo 549001 'Bản photo CCCD 0026';
    the first 8 is put back to 0, the second is not) and the MRZ used to win.

    A composite that holds is one digit, right one time in ten by chance: where line 1's
    full number was itself mended (`Mrz.repaired`), it does not outweigh the front. Fresh
    558101 'Bản photo CCCD 0006' (a card with its back, shaken) read the full number
    ``091997885002`` for 001097885002, its serial 0 mended from the document number, its
    province 0 left as 9; the composite digit held for 091 (its own digit misread too),
    and the MRZ's wrong number replaced the front's, PP-OCR's four views alike."""
    got = result.fields.get("id_number")
    return (got is not None and got.source == "zone"
            and (mrz.composite is not True or mrz.repaired)
            and mrz.id_number is not None and got.value[3:] == mrz.id_number[3:]
            and got.value[:3] != mrz.id_number[:3])


def _mended_against_zone(result: Extraction, mrz: Mrz) -> bool:
    """The MRZ's number line was mended (`Mrz.repaired`: a province 8 put back to 0, a
    copy of the last 9 digits mended from the other) and gives another number than the
    card's front read by zone (settled by Tesseract's views and PP-OCR's together): the
    front's is kept and the document flagged. A mended line is two misreads the check
    digits let through more often than a front two recognisers read alike. Fresh 559001
    'Bản photo CCCD 0007' and 559101 0087 (cards with their back): each number line's two
    copies of the last 9 digits were misread differently (196814160 and 196814106 for
    196814100; 182354413 and 182394411), both copies' check digit held, the province
    first digit was put back to 0 and the composite held by chance, and the MRZ's wrong
    number replaced the front's right one, read alike on all five PP-OCR views.

    Unless the line's document number, its other copy of the last 9 digits, read the
    MRZ's digit at every place where the front and the MRZ's number differ: the MRZ then
    read those digits twice, and the front misread them. Development 942201 0045 (a
    photographed copy): the front read 074186320092, both copies on the back 8 where the
    front read 0 (``186326892``, ``874186320892``), and the front's number was kept
    wrong. On 559001 0007 and 559101 0087 the document number sided with the front."""
    got = result.fields.get("id_number")
    if not (got is not None and got.source == "zone" and mrz.repaired
            and mrz.id_number is not None and got.value != mrz.id_number):
        return False
    return not _read_twice(mrz.id_number, got.value, mrz.document_number)


def _read_twice(mrz_number: str, front: str, document_number: str) -> bool:
    """Whether the MRZ's document number (its copy of the last 9 digits) spells the MRZ
    number's digit, not the front's, wherever the two numbers differ (all of them in the
    last 9 digits)."""
    if len(document_number) != 9 or len(front) != len(mrz_number):
        return False
    differ = [i for i, (a, b) in enumerate(zip(mrz_number, front, strict=True)) if a != b]
    return bool(differ) and all(i >= 3 and document_number[i - 3] == mrz_number[i]
                                for i in differ)


def _province_unread(result: Extraction, mrz: Mrz, provinces: Sequence[str] = ()) -> bool:
    """The MRZ's number stands alone: nothing else on the card read a number, and the
    composite check digit, the only one over the province code, was not read or does not
    hold. Its last 9 digits are checked, its first 3 are not: fresh 553101 0062, a
    photographed photocopy whose front gave no number, read the full number's 00 as 06,
    and 062095869971, another known province, was stored for 002095869971. Such a number
    goes to review. On four fresh seeds (552801-553101) it was the only number the MRZ
    gave alone without a composite that held.

    Unless the front's number band, which settled no number, read the MRZ's province code
    alike on PP-OCR's views (``provinces``, `card_id_vote.read_province`): a second,
    independent reading of the three digits no check digit covers (fresh 553601 0013,
    001062234169)."""
    return (mrz.composite is not True and result.fields.get("id_number") is None
            and (mrz.id_number or "")[:3] not in provinces)


def check_id_numbers(schema: DocTypeSchema, result: Extraction) -> None:
    """Flag ID numbers that disagree with the same person's sex or date of birth."""
    for spec in schema.fields:
        got = result.fields.get(spec.key)
        if spec.kind != "id_number" or got is None:
            continue
        prefix = spec.key[: -len("id_number")]
        sex_field = result.fields.get(f"{prefix}sex")
        sex = sex_field.value if sex_field else _ROLE_SEX.get(spec.role or "")
        dob = result.fields.get(f"{prefix}date_of_birth")
        birth = dob.value if dob else None
        if len(got.value) == 13 and got.source in ("ocr", "text-layer"):
            fixed = repair_extra_digit(got.value, sex, birth)
            if fixed:
                got = replace(
                    got,
                    value=fixed,
                    confidence=round(got.confidence * 0.7, 3),
                    note=f"OCR read {got.value!r}: one extra digit removed",
                )
                result.fields[spec.key] = got
                result.review_reasons.append(
                    f"{spec.label} ({spec.key}): OCR đọc thừa một chữ số, đã sửa thành {fixed} "
                    f"/ one extra digit removed, please check"
                )
        problems = consistency_problems(got.value, sex, birth)
        if problems:
            result.fields[spec.key] = replace(got, confidence=round(got.confidence * 0.6, 3))
            result.review_reasons.extend(f"{spec.label} ({spec.key}): {p}" for p in problems)


def repair_extra_digit(number: str, sex: str | None, birth: str | None) -> str | None:
    """A 13-digit OCR reading with one doubled digit: the unique 12-digit reading that is
    structurally valid and consistent with the person's sex and birth year, if any."""
    options: dict[str, bool] = {}
    for i in range(len(number)):
        doubled = (i > 0 and number[i - 1] == number[i]) or number[i + 1 : i + 2] == number[i]
        option = number[:i] + number[i + 1 :]
        options[option] = options.get(option, False) or doubled
    good = [
        o
        for o in sorted(options)
        if not structure_problems(o) and not consistency_problems(o, sex, birth)
    ]
    if len(good) > 1:
        good = [o for o in good if options[o]]  # prefer undoing a doubled digit
    return good[0] if len(good) == 1 else None
