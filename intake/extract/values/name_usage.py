"""How usual each listed name syllable that shares its letters with another (Dung / Dũng,
Phương / Phượng, Đình / Định) is at a name's middle or given place, for a man or a woman.

When blur has hidden a word's tone mark altogether (a photographed photocopy's name band
that only PP-OCR, which writes no tone marks, could read; an MRZ, which has none), its
letters leave a choice between listed names. A woman's given name spelled DUNG is Dung,
not Dũng; a man's middle name DINH is Đình far more often than Định. `usage_choice` makes
that choice only when one form clearly dominates (`DOMINANT`); otherwise the name goes to
review as before.

Counts: the full names of `uit_member.json` in the Vietnamese Name Database
(github.com/duyet/vietnamese-namedb, MIT licence; 8,757 names crawled from a university's
member list), for the 4,665 whose holder's sex shows: a middle Thị (a woman) or Văn (a man),
else a given name found in only one of the database's lists of girls' and boys' name
syllables (``girl_one_word.txt``, ``boy_one_word.txt``). Only the syllables of
`given_names` whose letters another listed syllable shares are kept. The database was made
independently of this project's sample generator.
"""

from __future__ import annotations

#: (woman: middle, given; man: middle, given)
_COUNTS: dict[str, tuple[int, int, int, int]] = {
    "Anh": (14, 8, 108, 8),  "Ánh": (4, 13, 0, 0),
    "Diệp": (0, 0, 2, 3),  "Điệp": (0, 0, 0, 5),
    "Dung": (0, 28, 0, 0),  "Dũng": (0, 0, 0, 122),
    "Đình": (11, 0, 75, 3),  "Định": (0, 1, 2, 5),
    "Hào": (0, 0, 4, 12),  "Hảo": (0, 0, 0, 2),
    "Hiền": (3, 9, 0, 4),  "Hiển": (0, 3, 1, 19),
    "Hoa": (1, 5, 2, 0),  "Hòa": (0, 1, 0, 5),
    "Hùng": (1, 0, 10, 115),  "Hưng": (1, 1, 2, 75),
    "Hương": (4, 18, 0, 1),  "Hường": (0, 7, 0, 0),
    "Khanh": (1, 0, 0, 1),  "Khánh": (5, 0, 18, 10),
    "Lam": (0, 0, 0, 0),  "Lâm": (0, 0, 2, 9),
    "Ly": (0, 9, 0, 0),  "Lý": (1, 2, 0, 1),
    "My": (1, 11, 0, 0),  "Mỹ": (21, 1, 0, 4),
    "Nhàn": (0, 4, 0, 2),  "Nhân": (0, 1, 1, 3),
    "Phương": (23, 12, 17, 5),  "Phượng": (0, 1, 0, 1),
    "Thanh": (65, 7, 129, 6),  "Thành": (4, 0, 100, 16),
    "Thu": (43, 5, 0, 1),  "Thư": (1, 12, 0, 1),
    "Thùy": (13, 9, 0, 0),  "Thúy": (9, 11, 0, 0),  "Thủy": (3, 6, 1, 2),
    "Tiên": (0, 13, 1, 1),  "Tiến": (2, 0, 75, 92),
    "Vân": (4, 7, 1, 0),  "Văn": (0, 0, 952, 21),
    "Vinh": (0, 0, 12, 3),  "Vĩnh": (2, 0, 16, 7),
    "Yên": (0, 0, 0, 0),  "Yến": (9, 18, 1, 0),
}

#: The share one form must have among its letters' listed forms (counts smoothed by 0.5)
#: to be taken with no tone mark read.
DOMINANT = 0.8


#: The share at which a form read on a photo, when another is usual, sends the name to
#: review (`card_name_check._refuse_unusual_marks`): refusing asks less than choosing.
#: On the 600 photos of development seeds 556501-557101, names read as a form that had
#: 0.7-0.8 of its letters' usage against it were wrong twice (a woman's middle Khanh
#: for Khánh, her given Hường for Hương) and right never; at 0.65 five right names
#: (a man's given Vinh, 0.68 against it) went to review too.
UNUSUAL_SHARE = 0.7


#: The share asked of usage alone where a tone mark was read but misread (a mark none of
#: the marked forms has): the mark read may lean to the less usual form, so usage must
#: dominate more (a man's given Hiển, 19 to Hiền's 4, is not enough; Đình is).
MISREAD_DOMINANT = 0.9


def usage_choice(forms: list[str], given: bool, sex: str | None,
                 share: float = DOMINANT) -> str | None:
    """The one of ``forms`` (listed syllables with the same letters) that a name at this
    place (``given``: the last word; else a middle word) for a holder of this ``sex``
    ("Nam", "Nữ"; None: unknown, both counted) carries at least ``share`` of the time;
    None when none does or a form is not counted."""
    if len(forms) < 2 or any(f not in _COUNTS for f in forms):
        return None
    weights = {f: usage_weight(f, given, sex) or 0.0 for f in forms}
    best = max(forms, key=lambda f: weights[f])
    return best if weights[best] >= share * sum(weights.values()) else None


def usage_weight(form: str, given: bool, sex: str | None) -> float | None:
    """How often a name at this place for a holder of this ``sex`` carries ``form`` (a
    listed syllable, title case), counted and smoothed by 0.5; None when not counted."""
    if form not in _COUNTS:
        return None
    columns = {"Nữ": (0,), "Nam": (2,)}.get(sex or "", (0, 2))
    at = 1 if given else 0
    return sum(_COUNTS[form][c + at] for c in columns) + 0.5
