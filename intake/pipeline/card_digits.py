"""Digits printed on an ID card, corrected from the card's own verified sources.

A card's front prints its 12-digit number and its dates in 6-9 pt type over a guilloche
pattern; on a photocopy or a photo that is where OCR misreads digits most ("1984" read
"1384", one digit of the number). The same card carries those values twice more, in forms
that verify themselves: the MRZ on the back (ID number, birth and expiry dates, each with an
ICAO check digit) and the QR code on the front (ID number, birth and issue dates as bytes).
So a date or a 12-digit number read on a card that is one digit away from exactly one
verified value of the cards on the same page is that value misread, and the page text gets
the verified value, the way capture tools cross-validate fields against a check-digit
protected zone. A reading two or more digits away, or near two different values, stays as
read (it may be another date: the issue date, a different person's card).

Only words inside the cards found on the page are touched: a form beside a card copy may
print a date one digit away from the card holder's birth date (a child's) and must keep it.

Before that, a CCCD front whose expiry date the page pass did not read at all gets it read by
zone (`intake.extract.card_expiry`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PIL import Image

from intake.extract.card_expiry import birth_on_card, needs_expiry, read_expiry
from intake.extract.card_zones import CardViews, merge
from intake.extract.idnumber import birth_century
from intake.extract.mrz import Mrz, full_date, read_mrz
from intake.extract.qr import parse_card_qr
from intake.ocr.base import Box, OcrEngine, OcrLine, OcrWord, PageText
from intake.preprocess.photo import CARD_SIZE

_GROUP = re.compile(r"(?<!\d)(?:\d{2}/\d{2}/\d{4}|\d{12})(?!\d)")


@dataclass(frozen=True, slots=True)
class Correction:
    read: str
    verified: str
    source: str  # "mrz" | "qr"


def verified_values(card_texts: Iterable[Sequence[str]], qr_payloads: Iterable[str]
                    ) -> dict[str, str]:
    """Verified ID numbers and dates (as printed: dd/mm/yyyy) -> their source."""
    values: dict[str, str] = {}
    for lines in card_texts:
        mrz = read_mrz(list(lines))
        if mrz is not None:
            for value in _mrz_values(mrz):
                values.setdefault(value, "mrz")
    for payload in qr_payloads:
        qr = parse_card_qr(payload)
        if qr is None:
            continue
        values.setdefault(qr.id_number, "qr")
        parts = payload.split("|")
        for raw in (parts[3], parts[6] if len(parts) > 6 else ""):
            if len(raw) == 8 and raw.isdigit():
                values.setdefault(f"{raw[:2]}/{raw[2:4]}/{raw[4:]}", "qr")
    return values


def _mrz_values(mrz: Mrz) -> list[str]:
    out: list[str] = []
    century = None
    if mrz.id_number is not None:
        out.append(mrz.id_number)
        century = birth_century(mrz.id_number)
    if mrz.birth_yymmdd is not None:
        out.append(_printed(full_date(mrz.birth_yymmdd, century)))
    if mrz.expiry_yymmdd is not None:
        out.append(_printed(full_date(mrz.expiry_yymmdd, future=True)))
    return out


def _printed(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def correct_cards(page: PageText, cards: Sequence[Box], qr_payloads: Sequence[str]
                  ) -> tuple[PageText, list[Correction]]:
    """The page with card digit groups one digit off a verified value set to that value."""
    if not cards:
        return page, []
    on_card = [i for i, line in enumerate(page.lines) if _inside(line.box, cards)]
    per_card = [[page.lines[i].text for i in on_card if _inside(page.lines[i].box, [card])]
                for card in cards]
    values = verified_values(per_card, qr_payloads)
    if not values:
        return page, []
    lines = list(page.lines)
    done: list[Correction] = []
    for i in on_card:
        words = []
        for word in lines[i].words:
            text = _GROUP.sub(lambda m: _fix(m.group(0), values, done), word.text)
            words.append(word if text == word.text else OcrWord(text, word.box, word.confidence))
        lines[i] = OcrLine(tuple(words))
    if not done:
        return page, []
    return PageText(tuple(lines), page.width, page.height, engine=page.engine,
                    source=page.source), done


def _fix(read: str, values: dict[str, str], done: list[Correction]) -> str:
    if read in values:
        return read
    near = [v for v in values if len(v) == len(read)
            and sum(a != b for a, b in zip(v, read, strict=True)) == 1]
    if len(near) != 1:
        return read
    done.append(Correction(read, near[0], values[near[0]]))
    return near[0]


def _inside(box: Box, cards: Sequence[Box]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(c[0] <= cx <= c[2] and c[1] <= cy <= c[3] for c in cards)


def read_missing_expiry(engine: OcrEngine, image: Image.Image, page: PageText,
                        cards: Sequence[Box]) -> PageText:
    """``page`` with the expiry date of each CCCD front that lacks one read by zone from
    ``image`` (``engine`` reads one line: ``ZoneReader.engines()[0]``)."""
    lines = list(page.lines)
    changed = False
    for card in cards:
        hint = "\n".join(line.text for line in lines if _inside(line.box, [card]))
        if not needs_expiry(hint):
            continue
        flat = image.crop(card).resize(CARD_SIZE, Image.Resampling.BICUBIC)
        reading = read_expiry(engine, CardViews.of(flat), birth_on_card(hint))
        if reading is not None:
            lines = merge(lines, [reading], (card[0], card[1]), (card[2] - card[0]) / CARD_SIZE[0])
            changed = True
    if not changed:
        return page
    return PageText(tuple(lines), page.width, page.height, engine=page.engine, source=page.source)
