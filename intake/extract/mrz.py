"""The machine-readable zone on the back of Vietnamese ID cards (ICAO 9303 TD1, 3 x 30).

Line 1: ``IDVNM`` + last 9 digits of the ID number + check digit + the full 12-digit number.
The check digit covers only the last 9 digits, so the full number's first three (the
province code) must also be a known province code with a valid century digit: OCR's "8" for
"0" there ("846..." for "046...") would otherwise pass as checked. Every province code starts
with 0 (001-096), so a first digit read as 8, 6 or 9 is put back to 0 and the number kept
when the rest then holds; any other misread province code gives no number.
Line 2: birth YYMMDD + check, sex (M/F), expiry YYMMDD + check (``991231`` = no expiry),
``VNM``, filler, composite check. Each value is used only when its own check digit (weights
7-3-1) holds, so an MRZ value is exact or absent; OCR's usual MRZ confusions (``«`` for
``<<``, letters for digits) are repaired first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.extract.idnumber import structure_problems
from intake.extract.values.base import DIGIT_CONFUSIONS

#: The document code and country as OCR reads them on a photo: ``IDVNM``, but also ``IOVWN``,
#: ``1OVI4``, ``10V0G`` (the country's letters broken or merged). The 22 characters after it
#: are checked (check digit, and the 9 digits repeated in the full number), so a loose
#: prefix lets no wrong number through.
_LINE1 = re.compile(r"[I1lT|]?[DO0Q]?(?:VNM|[VWY][A-Z0-9]{1,2})([0-9A-Z]{9})([0-9A-Z])"
                    r"([0-9A-Z]{12})")
#: The nationality after the expiry's check digit: ``VNM``, or on a blurred photocopy only its
#: ``V`` (``VN``, ``V<<<``); without the whole ``VNM`` both dates must check as read. The sex
#: (M, F or ``<``) may be misread (PP-OCR read a blurred M as 9) or lost (``88072272807225V``):
#: then both dates must check as well.
_LINE2 = re.compile(r"([0-9A-Z]{6})([0-9A-Z])([0-9A-Z<])?([0-9A-Z]{6})([0-9A-Z])[VW](NM)?"
                    r"(?:<{4,}(\d)$)?")


@dataclass(frozen=True, slots=True)
class Mrz:
    """Values read from an MRZ whose check digits hold (None where they do not)."""

    id_number: str | None
    birth_yymmdd: str | None
    sex: str | None
    expiry_yymmdd: str | None  # None also when the card never expires
    never_expires: bool = False  # the expiry read is ``991231`` and its check digit holds
    #: The composite check digit (line 2's last) for the number and dates read: True when
    #: it holds, False when it was read and does not, None when it was not read.
    composite: bool | None = None
    #: Line 1's full number was mended (its copy of the last 9 digits from the document
    #: number, or its first digit put back to 0): that copy was misread, and its province
    #: code, which only the composite digit covers, is no better read (`crosscheck`).
    repaired: bool = False
    #: Line 1's document number as read: its own copy of the number's last 9 digits, a
    #: reading apart from the full number's (which a repair may have mended from it).
    document_number: str = ""


def _value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if ch == "<":
        return 0
    return ord(ch) - 55


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating; A=10..Z=35, '<'=0."""
    return str(sum(_value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


def _digits(text: str) -> str:
    return "".join(DIGIT_CONFUSIONS.get(c, c) for c in text)


def _clean(line: str) -> str:
    line = line.replace("«", "<<").replace("‹", "<").replace("≤", "<").replace(" ", "")
    return line.upper()


def read_mrz(lines: list[str]) -> Mrz | None:
    """Find TD1 lines among OCR lines and return the values whose check digits hold."""
    id_number = born = sex = expiry = None
    found = never = twice_repaired = repaired = False
    document_number = ""
    number_fields = ""  # line 1's document number, its check digit and the full number
    composites: list[str] = []  # line 2's dates and check digits + the composite digit
    for raw in lines:
        line = _clean(raw)
        if (m := _LINE1.search(line)) is not None:
            found = True
            doc, check, full = _digits(m.group(1)), _digits(m.group(2)), _digits(m.group(3))
            repairs = 0
            if full[:1] in "869" and structure_problems(full):
                full = "0" + full[1:]  # every province code is 0xx: a blurred 0 read as 8
                repairs += 1
            mended = _from_document_number(doc, check, full)
            repairs += mended != full
            full = mended
            if (
                full.isdigit()
                and check_digit(full[3:]) == check
                and (full[3:] == doc or (doc.isdigit() and _copies_agree(doc, full[3:])))
                and not structure_problems(full)
            ):
                id_number = full
                number_fields = full[3:] + check + full
                twice_repaired = repairs == 2
                repaired = repairs > 0
                document_number = doc
        if (m := _LINE2.search(line)) is not None:
            b, bc, s, e, ec = (_digits(g) if i != 2 else g for i, g in enumerate(m.groups()[:5]))
            birth_checks = b.isdigit() and check_digit(b) == bc
            expiry_checks = e.isdigit() and check_digit(e) == ec
            if birth_checks and not expiry_checks:
                e = _by_renewal_age(b, e, ec, 1) or e
            elif expiry_checks and not birth_checks and e != "991231":
                b = _by_renewal_age(e, b, bc, -1) or b
            birth_ok = b.isdigit() and check_digit(b) == bc  # as read or mended
            expiry_ok = e.isdigit() and check_digit(e) == ec
            mended = birth_ok and expiry_ok and s is not None and s in "MF"
            if ((m.group(6) is None or s is None or s not in "MF<")
                    and not (birth_checks and expiry_checks) and not mended):
                # cut short after the V, or a misread sex: weak unless both dates check,
                # as read or one mended from the other by the renewal age with the sex
                # read (fresh 554101 0054: 0208068F2788067V<<<, its expiry 270806 read
                # 278806, the NM lost)
                continue
            found = True
            if s is not None and s in "MF":
                sex = "Nam" if s == "M" else "Nữ"
            if birth_ok:
                born = b
            if expiry_ok:
                never = never or e == "991231"
                expiry = e if e != "991231" else expiry
            tail = m.group(7) or _composite_after_fillers(line[m.end(5):])
            if tail is not None and birth_checks and expiry_checks:
                composites.append(b + bc + e + ec + tail)
    if not found:
        return None
    composite = None
    if number_fields and composites:
        composite = any(_holds(number_fields, tail) for tail in composites)
        if not composite and _province_in_doubt(number_fields, composites):
            id_number = None
    if twice_repaired and composite is not True:
        # the full number's copy misread a serial digit (mended from the document number)
        # and its province code's first digit (put back to 0): its other province digits
        # are no better read, and only a composite that holds covers them. Fresh 550201
        # 'Bản photo CCCD 0080' read ``979969297511`` for 070069297511, no composite
        # read: 079069297511, a wrong number, was given.
        id_number = None
    if id_number is not None and born is not None and id_number[4:6] != born[:2]:
        # the number's birth-year digits (its 5th and 6th) and the dates line's birth date
        # disagree: one of them is misread, whatever their check digits say. Development
        # 920001 'Bản photo CCCD 0232' read IDVNM1895770560079109577056 for
        # ...1835770568079183577056: the full number's 83 read 09, the document number's
        # 3 read 9 and its check digit 8 read 0, and the check digit and the composite both
        # held by chance for 079109577056 (born 09), against the birth date 830407.
        id_number = None
    return Mrz(id_number, born, sex, expiry, never, composite, repaired, document_number)


def _composite_after_fillers(rest: str) -> str | None:
    """The composite check digit of a dates line whose nationality or fillers were misread
    (``...VP<<<6<<<<<<<4``, PP-OCR on a blurred photocopy's back): ``rest`` (the line from
    the nationality on) ends with a digit after an optional-data field still read as
    fillers (at least 8 characters, nine in ten of them ``<``). A citizen card's optional
    data is all fillers, which count 0 in the check, so how many were read does not
    matter; a filler misread as the last digit gives a composite that fails, and a number
    refused (`_province_in_doubt`), not a wrong one.

    Two digits at the end (``...VNM<<<<<<<<<<<97``, fresh 552701 'Bản photo CCCD 0001', a
    photographed photocopy) are a character too many after the composite or before it:
    which one is the composite cannot be told, and the last, 7 for the printed 9, held for
    the province code misread 064 for 084, so the MRZ's wrong number replaced the zone's
    right one. No composite is read then."""
    optional = rest[3:-1]
    if not rest[-1:].isdigit() or len(optional) < 8 or optional.count("<") < 0.9 * len(optional):
        return None
    return None if optional[-1:].isdigit() else rest[-1]


def _copies_agree(doc: str, tail: str) -> bool:
    """Whether line 1's two copies of the number's last 9 digits (the document number, read
    on its own, and the full number's tail) differ in two places at most. The check digit
    weighs digits 7, 3, 1, so two misreads can cancel: fresh 551701 'Bản photo CCCD 0023'
    read ``TOVNMGS81656819874086105681`` for ``IDVNM0801056019074080105601``, 0 as 6 and 0
    as 8 three places apart (+6 and +24), and both the check digit and the composite held
    for 074086105681, which replaced the zone's right number. Its document number copy,
    658165681, was four places from the tail it should repeat."""
    return _apart(doc, tail) <= 2


def _apart(doc: str, tail: str) -> int:
    """In how many places line 1's document number and the full number's last 9 digits
    (both 9 characters, `_LINE1`) differ."""
    return sum(a != b for a, b in zip(doc, tail, strict=True))


def _from_document_number(doc: str, check: str, full: str) -> str:
    """The full number with its last 9 digits taken from the document number when that
    copy checks, the full number's copy does not, and the two differ in one digit.

    Line 1 carries the last 9 digits twice (the document number, then inside the full
    number) and the check digit covers both; a blurred photocopy's back read
    ``IDVNM0609115088045060911588`` (development photo 546101 0076: the full number's 0
    read 8 in every view and by both recognisers). The check digit detects every single
    substitution, so the copy that checks, one digit from the other, is the number; the
    province code is still the full number's (covered by the composite alone)."""
    if (len(full) != 12 or not full.isdigit() or not doc.isdigit()
            or check_digit(full[3:]) == check or check_digit(doc) != check):
        return full
    return full[:3] + doc if _apart(doc, full[3:]) == 1 else full


def _holds(number_fields: str, tail: str) -> bool:
    """The composite check digit (``tail``'s last character) over line 1's fields and line
    2's dates (``tail`` before it)."""
    return check_digit(number_fields + "<<<" + tail[:-1]) == tail[-1]


def _province_in_doubt(number_fields: str, composites: list[str]) -> bool:
    """Whether the composite check digit says the province code was misread.

    The document number's check digit covers only the last 9 digits of the ID number; the
    province code (its first 3) is covered by the composite check digit at the end of line
    2 alone (ICAO 9303 TD1: line 1 from the document number on, and line 2's dates with
    their check digits; the fillers count 0, so how many OCR kept does not matter). A blur
    that reads 089 as 080 leaves a known province code, so only the composite catches it
    (``080156454742`` read for ``089156454742`` on a development photo). When the composite
    fails for the number as read but holds for the number with one province digit changed,
    the number is refused: which province is right cannot be told when the composite digit
    itself may be misread, and a wrong number is worse than none. When no such change makes
    it hold either, something else was misread (the composite digit) and the number, whose
    other digits are checked, stays."""
    full = number_fields[10:]
    for i in range(3):
        for digit in "0123456789":
            other = full[:i] + digit + full[i + 1:]
            if other == full or structure_problems(other):
                continue
            if any(_holds(number_fields[:10] + other, tail) for tail in composites):
                return True
    return False


#: A citizen card must be renewed at 25, 40 and 60 (Luật Căn cước công dân 2014, art. 21;
#: Luật Căn cước 2023, art. 21): its expiry is the holder's birthday at one of those ages,
#: or never (``991231``) for a card issued after 58.
_RENEWAL_AGES = (25, 40, 60)


def _by_renewal_age(known: str, read: str, check: str, direction: int) -> str | None:
    """The date a misread dates-line field most likely says, from the other field that did
    check: the expiry from the birth date (``direction`` 1) or the birth date from the expiry
    (-1), the two being one renewal age apart, same day and month (``991231``, never, is
    also allowed for an expiry). The date of those that differs from the reading in one
    character and has the check digit read; None unless exactly one does."""
    if len(read) != 6:
        return None
    yy = int(known[:2])
    allowed = [f"{(yy + direction * age) % 100:02d}{known[2:]}" for age in _RENEWAL_AGES]
    if direction > 0:
        allowed.append("991231")
    near = [d for d in allowed if check_digit(d) == check
            and sum(a != b for a, b in zip(d, read, strict=True)) <= 1]
    return near[0] if len(near) == 1 else None


def full_date(yymmdd: str, century_hint: int | None = None, *, future: bool = False) -> str:
    """YYMMDD to YYYY-MM-DD; the century comes from the ID number's century digit when known."""
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    if century_hint is not None:
        year = century_hint + yy
    elif future:
        year = 2000 + yy
    else:
        year = 2000 + yy if yy <= 30 else 1900 + yy
    return f"{year:04d}-{mm}-{dd}"
