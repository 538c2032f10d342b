"""Personal identification numbers (số định danh cá nhân) and the ID card MRZ.

12 digits: 3-digit province code of birth registration, 1 digit for century+sex
(0/1 = male/female born 1900-1999, 2/3 for 2000-2099, 4/5 for the 2100s), 2 digits of the
birth year, then 6 random digits. Keeping this consistent lets the pipeline cross-check
sex and birth year, so the generator must never emit an inconsistent number by accident.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date


def century_sex_digit(sex: str, birth_year: int) -> int:
    """Return the 4th digit encoding century and sex."""
    century_index = birth_year // 100 - 19
    if century_index < 0:
        century_index = 0
    return century_index * 2 + (1 if sex == "Nữ" else 0)


def make_id_number(rng: random.Random, province_code: str, sex: str, birth_year: int) -> str:
    """Build a 12-digit number consistent with province, sex and birth year."""
    tail = f"{rng.randrange(1_000_000):06d}"
    return f"{province_code}{century_sex_digit(sex, birth_year)}{birth_year % 100:02d}{tail}"


def id_consistent(id_number: str, sex: str, birth_year: int) -> bool:
    """True when the number's century/sex digit and year digits agree with sex and year."""
    if len(id_number) != 12 or not id_number.isdigit():
        return False
    return (
        int(id_number[3]) == century_sex_digit(sex, birth_year)
        and id_number[4:6] == f"{birth_year % 100:02d}"
    )


def _mrz_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if ch == "<":
        return 0
    return ord(ch) - 55


def mrz_check_digit(text: str) -> str:
    """ICAO 9303 check digit with weights 7-3-1."""
    weights = (7, 3, 1)
    return str(sum(_mrz_value(c) * weights[i % 3] for i, c in enumerate(text)) % 10)


def _ascii_upper(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return stripped.upper()


def mrz_lines(
    id_number: str, full_name: str, birth: date, sex: str, expiry: date | None
) -> tuple[str, str, str]:
    """Return the three TD1 lines printed on the back of a Vietnamese ID card."""
    doc = id_number[3:]
    line1 = f"IDVNM{doc}{mrz_check_digit(doc)}{id_number}<<<"
    born = birth.strftime("%y%m%d")
    exp = expiry.strftime("%y%m%d") if expiry else "991231"
    head = f"{born}{mrz_check_digit(born)}{'F' if sex == 'Nữ' else 'M'}{exp}{mrz_check_digit(exp)}"
    body = f"{head}VNM{'<' * 11}"
    composite = line1[5:30] + body[0:7] + body[8:15] + body[18:29]
    line2 = body + mrz_check_digit(composite)
    words = _ascii_upper(full_name).split()
    line3 = (words[0] + "<<" + "<".join(words[1:]))[:30].ljust(30, "<")
    return line1, line2, line3
