"""The ID number of a card front, settled between two different recognisers.

On a blurred, small card (a photographed A4 photocopy: the card is ~400 photo pixels wide)
Tesseract misreads a digit the same way in every view of the band, so a number read twice
by it is not a confirmed number: on the development photos `settle_id` let
``004101830867`` through for ``004183830867`` (read so twice) and ``001199834517`` for
``093199834517``. PP-OCR's recognition network (`intake.ocr.ppocr_lines`) is a different
recogniser, whose errors are not Tesseract's, so agreement between the two is evidence a
vote among Tesseract views is not.

`settle_two` decides (values are already valid: known province code, century digit):

1. A number both recognisers read is confirmed; of several, the one that agrees with the
   birth date read on the card, then the one read most often.
2. Otherwise PP-OCR's own number is taken when it is sure of it and nothing contradicts it.
   Sure: the views that read it, each weighed by its lowest digit probability, weigh at
   least `SURE` (two views at 0.9), and no other number weighs half that (one sure view
   reading another number is a conflict, not a vote to win), and every digit is read
   with at least `SURE_DIGIT` by some view (`_each_digit_read`). Uncontradicted: with
   a birth date read, the number must agree with it and no Tesseract reading may (they
   read differently: refuse); with no birth date, when Tesseract read no valid number at
   all (blur left it nothing, as on a strongly blurred copy), or read one only once and
   PP-OCR's views weigh twice `SURE` (all but unanimous). A Tesseract reading that
   differs from a number all of PP-OCR's views read only at digits they are all sure of
   (`OVERRULE`) is no contradiction (`_overruled`); when every Tesseract reading is such
   a misread and one spells the number's century and birth-year digits, a birth date
   that disagrees with them is the misread (`_birth_outread`), as when Tesseract reads
   the number itself.
3. Otherwise nothing: a wrong number is worse than a missing one, since it is reused
   across procedures.

PP-OCR reads grey views best (it was trained on photos, not on binarised lines): the
band's contrast-normalised, plain and background-divided grey, and the last two again with
a quarter of the band's height more above and below. Its reading of a grey band often
starts with the label ("Số / No.:") read as digits; the number ends the band, so a reading
longer than 12 digits is cut to its last 12.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from intake.extract.idnumber import consistency_problems, parse_id_number

_DATE = re.compile(r"(\d{2})/?(\d{2})/(\d{4})")
#: How much PP-OCR's views must weigh (each by its lowest digit probability) for its number
#: to stand without Tesseract's agreement. Measured on development material: the numbers
#: PP-OCR alone read right weighed 3.7-4.9 (five views, blurred photocopies and badly
#: degraded scans); its misreads of degraded scans 0.9-1.2 (``038000622763`` for
#: ``038080622763``, on two views at 0.45 and 0.70).
SURE = 1.8
#: How sure of each digit at least one of PP-OCR's views must be for its number to stand
#: alone (`_each_digit_read`). Measured on consumed fresh seeds 549401-550101: its one
#: wrong number's weakest digit was read at 0.60 at best; the right ones' at 0.73 or more.
#: Fresh 552601 0006 (a photographed photocopy) then gave ``001193518074`` for
#: 001193518874, its weakest digit (a blurred 8 read 0) at 0.73 at best; the 24 right
#: numbers PP-OCR alone settled on seeds 552401-552701 had theirs at 0.83 or more.
SURE_DIGIT = 0.75
#: A PP-OCR view sure of every digit it read (its lowest digit probability): two such views
#: outweigh a third reading another number (`_outweighs_dissent`).
SURE_VIEW = 0.9


#: How many grey views of the ID band PP-OCR reads (`second_views`). On a photographed
#: photocopy with no Tesseract reading and no birth date, PP-OCR's number stands only when
#: every view read it: its views have agreed on a misread digit there (fresh 556401 0070,
#: ``031172301358`` for ``031172303358``, a 3 read as 1 at 0.94-0.99; 555601 0056,
#: ``046081044945`` for ``046083844945``; before, 551001), each time with a view that read
#: no valid number. On the 164 copy cards of 555401-555901, the 12 numbers PP-OCR alone
#: settled were 11 right and 1 wrong; all five views read 7 of the right ones and neither
#: wrong one. Cards photographed alone or with their back (181 settlements on 555401 and
#: 555501) do not change; scans, where a degraded number is read alike on four views, are
#: left as they were.
SECOND_VIEWS = 5


def second_views(gray: np.ndarray, flat: np.ndarray, norm: np.ndarray,
                 box: tuple[int, int, int, int]) -> list[np.ndarray]:
    """The band in the grey views PP-OCR reads best (see the module docstring)."""
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return []
    reach = (y1 - y0) // 4
    t0, t1 = max(0, y0 - reach), min(gray.shape[0], y1 + reach)
    return [norm[y0:y1, x0:x1], gray[y0:y1, x0:x1], flat[y0:y1, x0:x1],
            gray[t0:t1, x0:x1], flat[t0:t1, x0:x1]]


def valid_id(text: str) -> str | None:
    """The 12-digit ID number ``text`` reads as, when valid (known province code, century
    digit), else None."""
    parsed = parse_id_number(text)
    if parsed is None or not parsed.valid or len(parsed.value) != 12:
        return None
    return parsed.value


def zero_lost(text: str) -> str | None:
    """The valid number a reading of 11 digits is once the 0 every number starts with is put
    back (province codes run 001-096), or None. Tesseract drops that 0 where the label's
    colon runs into it ("Số / No.: 031179119958" read "số No: 31179119958" on every view of a
    sharp card, consumed 550901 0078), so such a reading can confirm PP-OCR's number, never
    stand alone (`card_zones._read_id`)."""
    runs = re.findall(r"\d+", re.sub(r"(?<=\d)\s+(?=\d)", "", text))
    if len(runs) != 1 or len(runs[0]) != 11:
        return None
    return valid_id("0" + runs[0])


def id_of(text: str) -> str | None:
    """A valid 12-digit number in a digits-only reading (its last 12 digits when longer)."""
    digits = re.sub(r"\D", "", text)
    return valid_id(digits[-12:]) if len(digits) >= 12 else None


def plausible_date(m: re.Match[str]) -> str | None:
    """YYYY-MM-DD of a (day, month, year) match that can be a card holder's birth date: a
    day of the calendar, from 1900 to today; else None. A date to come is a misread, and as
    the birth date it refused the number it contradicted: on fresh 552501 'Bản photo CCCD
    0061' the band read 12/06/2063 for 1963, and all five of PP-OCR's views, each at 0.95 or
    more, read ``038163482478`` (born 1963): the number was refused."""
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return None
    return born.isoformat() if dt.date(1900, 1, 1) <= born <= dt.date.today() else None


def birth_of(texts: Sequence[str]) -> str | None:
    """The birth date (YYYY-MM-DD) read alike on at least two views, and no other date read.

    The band's label is read as digits too, so the last plausible dd/mm/yyyy of each
    reading counts. A date read two ways is no evidence for or against a number: on a
    blurred photocopy PP-OCR read ``07/09/1900`` on three views and ``07/09/1980`` on a
    fourth (a serif 8 blurred to 0; development photo 549101 0011), and the birth year 00
    then refused the number all five of its views read (``027180431045``, year 80)."""
    dates: list[str] = []
    for text in texts:
        for m in reversed(list(_DATE.finditer(text))):
            if (date := plausible_date(m)) is not None:
                dates.append(date)
                break
    ranked = Counter(dates).most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1:
        return None
    return ranked[0][0]


def birth_to_check(read: str | None, numbers: Sequence[str],
                   second: Callable[[], str | None]) -> str | None:
    """The birth date a card's number is checked against: the one Tesseract ``read`` (the
    first view of the birth band that parses), or, with none, the one PP-OCR's views read
    alike (``second``, asked only when needed). When every number PP-OCR read
    (``numbers``) disagrees with Tesseract's date, PP-OCR reads the date too, and a date
    the two recognisers read differently is no evidence either way (None): on development
    photocopy 920001 0054 the band was read 10/11/1967 for 1987, and it refused the number
    all five of PP-OCR's views read at 0.96 or more (``092187864914``, born 1987). A date
    PP-OCR cannot read alike stays as Tesseract read it."""
    if read is None:
        return second()
    if not numbers or any(_agrees(value, read) for value in numbers):
        return read
    other = second()
    return None if other is not None and other != read else read


def _agrees(value: str, birth: str | None) -> bool:
    return birth is not None and not consistency_problems(value, None, birth)


def one_per_view(readings: Iterable[tuple[int, str]]) -> list[str]:
    """Tesseract's readings (view index, number), one per view and number: the digits-only
    engine re-reading a view the line engine read the same is one misreading, not two
    (fresh 549901 0042: ``022064254026`` read by both engines on one view, against PP-OCR's
    five views all reading ``075064264028``, counted twice and refused the number)."""
    return [text for _, text in dict.fromkeys(readings)]


def settle_two(tess: Sequence[str], pp: Sequence[tuple[str, float]],
               birth: str | None, page: Sequence[str] = (),
               digits: Sequence[Sequence[float]] = (), copy: bool = False) -> str | None:
    """The number Tesseract's (``tess``) and PP-OCR's (``pp``: value and lowest digit
    probability) valid readings settle on, or None (rules in the module docstring).

    ``page``: the numbers the card's page OCR read (Tesseract on the whole card). They
    confirm a PP-OCR reading like a band reading does, but do not contradict one: the
    whole-card pass misreads digits far more often than the band reads (on a degraded
    development scan it read ``035125322276`` where PP-OCR's five views read the number).
    Nor do they confirm a number other PP-OCR views contest (another number weighing half
    `SURE` or more).

    ``digits``: each PP-OCR view's probabilities of its 12 digits (aligned with ``pp``);
    with them, a Tesseract reading that differs from PP-OCR's unanimous number only at
    digits PP-OCR's views are all sure of does not contradict it (`_overruled`).

    PP-OCR alone (no Tesseract reading, no birth date) with one of its views reading
    another number must outweigh it (`_outweighs_dissent`); on a photographed photocopy
    (``copy``) every one of its views must have read the number (`SECOND_VIEWS`)."""
    values = [v for v, _ in pp]
    weight: Counter[str] = Counter()
    for v, p in pp:
        weight[v] += p
    ranked = weight.most_common(2)
    contested = len(ranked) > 1 and ranked[1][1] >= SURE / 2
    # the page OCR confirms only a number PP-OCR's views do not contest (fresh 554901
    # 0004: three views and the page read 034163142091 for 034163342091, two more views
    # 034161142091: the blurred digits were in doubt, and the page misread them too)
    page = () if contested else page
    confirmed = [v for v in dict.fromkeys([*tess, *page]) if v in values]
    if confirmed:
        return max(confirmed, key=lambda v: (_agrees(v, birth),
                                             tess.count(v) + page.count(v) + values.count(v)))
    if not ranked or ranked[0][1] < SURE or contested:
        return None
    value, total = ranked[0]
    if digits and not _each_digit_read(value, pp, digits):
        return None
    read = list(tess)
    tess = [v for v in tess if not _overruled(v, value, pp, digits)]
    if birth is not None:
        if any(_agrees(v, birth) for v in tess):
            return None
        if not _agrees(value, birth) and not _birth_outread(value, read, tess):
            return None
        return value
    if not tess:
        if copy and not read and values.count(value) < SECOND_VIEWS:
            return None  # a copy: one recogniser, and not every one of its views read it
        return value if read or len(ranked) == 1 or _outweighs_dissent(value, pp, total) \
            else None
    # One Tesseract reading against PP-OCR's all but unanimous views (four sure ones' worth)
    # is Tesseract's misread (a blurred 8 read 9 in one view, all five PP-OCR views at
    # 0.82-0.99 on a development photocopy read upside down).
    if len(tess) == 1 and total >= 2 * SURE:
        return value
    # the page OCR's readings count here as the band's do (development photocopy 930001
    # 0039: three band readings and the page's each read other digits of 075192696185)
    return value if _digit_by_digit(value, [*read, *page], pp, total) else None


def _outweighs_dissent(value: str, pp: Sequence[tuple[str, float]], total: float) -> bool:
    """Whether PP-OCR's views of ``value`` outweigh another view's number when nothing else
    was read: every one of them sure (`SURE_VIEW`), or together the weight of four sure
    views (2 x `SURE`). Development photocopy 930001 'Bản photo CCCD 0292' (036089847807):
    three views at 0.56-0.64 read ``036089847897`` (1.80, just `SURE`), the fourth, at
    0.43, the number printed, and the wrong number was given."""
    return total >= 2 * SURE or min(p for v, p in pp if v == value) >= SURE_VIEW


def _birth_outread(value: str, read: Sequence[str], kept: Sequence[str]) -> bool:
    """Whether the birth date that disagrees with PP-OCR's ``value`` is the misread: every
    Tesseract reading was `_overruled` (none ``kept``: each off the number only at
    digits all PP-OCR's views were sure of) and one of them spells ``value``'s century and
    birth-year digits (its 4th to 6th). Two recognisers then read the year the date read
    once contradicts, as when Tesseract reads the number itself, which `settle_two` takes
    whatever the date (fresh 553501 0008: PP-OCR's five views ``079084891694``, Tesseract
    ``079084091694``, the birth date read 1944 for 1984)."""
    return not kept and any(r[3:6] == value[3:6] for r in read)


def read_province(pp: Sequence[tuple[str, float]],
                  digits: Sequence[Sequence[float]]) -> str | None:
    """The province code (first 3 digits) PP-OCR's views read alike where no number
    settled: at least two views, every one of them with the same first 3 digits, each of
    those digits read with `SURE_DIGIT` by some view. Not a number (its other digits are
    in dispute or unsure), but what the MRZ's check digit cannot check: an MRZ number the
    composite does not cover may take it as its province's second reading
    (`crosscheck._province_unread`; fresh 553601 0013, a photographed photocopy: the
    front's five views read 001067234168 or near it, the MRZ 001062234169)."""
    codes = {v[:3] for v, _ in pp}
    if len(pp) < 2 or len(codes) != 1 or len(digits) != len(pp):
        return None
    if any(len(d) != 12 for d in digits):
        return None
    if not all(max(d[i] for d in digits) >= SURE_DIGIT for i in range(3)):
        return None
    return codes.pop()


def _each_digit_read(value: str, pp: Sequence[tuple[str, float]],
                     digits: Sequence[Sequence[float]]) -> bool:
    """Whether each of ``value``'s digits is read with at least `SURE_DIGIT` by some
    PP-OCR view that read ``value``. Unsure views add up: on a photographed photocopy
    (fresh 550001 0047) four views read ``094177099536`` for ``094177099538``, each unsure
    of the last digit (0.47-0.60, a blurred 8 read as 6), and weighed 1.96, over `SURE`;
    the weight says the views agree, not that any of them saw that digit."""
    probs = [d for (v, _), d in zip(pp, digits, strict=False) if v == value and len(d) == 12]
    if not probs:
        return True  # no per-digit probabilities (an older caller): the weight decides
    return all(max(d[i] for d in probs) >= SURE_DIGIT for i in range(12))


def _digit_by_digit(value: str, tess: Sequence[str], pp: Sequence[tuple[str, float]],
                    total: float) -> bool:
    """Whether Tesseract's readings (those `_overruled` too, and the page OCR's), none of
    them PP-OCR's number, still read each of its digits at its place in some view,
    PP-OCR's views being unanimous and weighing twice `SURE`: Tesseract's views then
    disagree among themselves, each misreading another digit of a blurred serif number,
    and together they confirm PP-OCR's digit by digit (fresh 549301 'Bản photo CCCD
    0071': PP-OCR's five views read ``040093444898``; Tesseract's ``040003444894``,
    ``040093444098``, ``040003444098``)."""
    if total < 2 * SURE or any(v != value for v, _ in pp) or len(set(tess)) < 2:
        return False
    return all(any(t[i] == digit for t in tess) for i, digit in enumerate(value))


#: What PP-OCR's views must weigh at one digit, each by its probability there, to overrule
#: Tesseract's different reading of that digit: five views at 0.9 (the band has five).
OVERRULE = 2.5 * SURE


def _overruled(reading: str, value: str, pp: Sequence[tuple[str, float]],
               digits: Sequence[Sequence[float]]) -> bool:
    """Whether Tesseract's ``reading`` is a misread of PP-OCR's ``value``: every PP-OCR
    view read ``value`` and together they weigh `OVERRULE` at each digit where Tesseract
    differs.

    On a blurred photocopy Tesseract reads a 5 as 3 or a closed 8 as 6 on the band, and
    the same way on more than one read (development photo 546102 0010: ``045061064301``
    twice for ``045061064501``, which PP-OCR read on all five views at 0.93-1.0 for every
    digit). Such a reading agrees with the birth date as much as the right one (the serial
    digits say nothing of it), so it made a refusal. Two digits off is the same misread
    twice (development photocopy 930001 0054: ``038097499226`` and ``038097496228``
    for ``058097498228``, read by five PP-OCR views at 0.91-1.0; 'Bản photo CCCD 0362':
    ``067099212241``, ``062099212241`` for ``087099212241``). PP-OCR's views not unanimous,
    or fewer than five views sure of a digit Tesseract reads otherwise, still contradicts
    (930001 'Bản photo CCCD 0150': three views at 0.90-0.97 read a half-printed 3 as 1)."""
    if len(digits) != len(pp) or any(v != value for v, _ in pp):
        return False
    apart = [i for i, (a, b) in enumerate(zip(reading, value, strict=True)) if a != b]
    return bool(apart) and all(
        sum(probs[i] for probs in digits if len(probs) == 12) >= OVERRULE for i in apart)
