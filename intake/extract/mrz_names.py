"""The MRZ's names line (``SURNAME<<GIVEN<NAMES``) as a check on the card's printed name.

The third TD1 line holds the holder's name without accents. It has no check digit, so on its
own it proves nothing; but on a back whose number and birth date lines check, OCR read the
block well, and letters that agree with a reading of the front are two sources for the same
name. What the line can do, and what it cannot:

- confirm the letters of the name read on the front, and put back word splits a blurred
  front broke ("Ngu Yên Vân Duy" -> NGUYEN<<VAN<DUY);
- pick, among the front's readings, the one whose letters it spells;
- mend a front word that is no listed name and one or two letters off the MRZ's ("TÙN");
- show that the name read on the front has other letters, both being listed names ("TÚ"
  against TUNG), or is far off: then the name is refused (a missing name goes to review; a
  wrong one would be reused across procedures).

It never gives tone marks: a word is only taken from it when the list of name syllables has
exactly one form with its letters, or one with the tone mark the front's reading has.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from intake.extract.card_names import listed, listed_forms, syllable_like, tone_of
from intake.extract.text import fold

#: What OCR makes of MRZ letters as digits (OCR-B: O and 0, I and 1, S and 5, B and 8).
_AS_LETTER = str.maketrans("0158", "OISB")
#: The surname's double filler may be read single (PP-OCR: ``HUYNH<NG0C<LAN``): a Vietnamese
#: name's family name is its first word either way.
_NAME_LINE = re.compile(r"([A-Z]+)<<?([A-Z]+(?:<[A-Z]+)*)(<*)")
_NOT_NAMES = re.compile(r"IDVNM|VNM|\d{5}")
#: A TD1 line is 30 characters: a longer name is cut, its last word may be a prefix.
_TD1_WIDTH = 30


@dataclass(frozen=True, slots=True)
class MrzName:
    """The names line's words (upper case, no accents); ``cut`` when the line is full with
    no filler after the name, so the name may go on: its last word may be the start of a
    longer one, and words may follow. ``whole``: the line was read exactly 30 characters
    long, so no letter of it was lost (not compared: two readings of the same words are
    the same name)."""

    words: tuple[str, ...]
    cut: bool = False
    whole: bool = field(default=False, compare=False)


def _clean(raw: str) -> str | None:
    """The line as MRZ characters, or None when it is not the names line (lower case is
    page text, digits in runs are the number and dates lines)."""
    raw = unicodedata.normalize("NFC", raw).replace("«", "<<").replace("‹", "<")
    raw = raw.replace("≤", "<").replace(" ", "")
    if any(c.islower() for c in raw) or _NOT_NAMES.search(raw):
        return None
    raw = raw.replace("Đ", "D").replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", raw) if unicodedata.category(c) != "Mn")
    return re.sub(r"[^A-Z0-9<]", "", bare.upper()).translate(_AS_LETTER)


def listed_words(name: MrzName) -> int:
    """How many of the line's words are listed names (the first a surname): what tells a
    names line read well from one read badly, the line having no check digit."""
    return sum(listed(w, i == 0) for i, w in enumerate(name.words))


def read_names_line(lines: list[str]) -> MrzName | None:
    """The names line among OCR lines; when several readings of it differ, the one read most
    often, then the one with more listed words (None on a tie: two readings that disagree
    prove nothing)."""
    found: list[MrzName] = []
    for raw in lines:
        line = _clean(raw)
        if not line:
            continue
        m = _NAME_LINE.match(line)
        if m is None:
            continue
        words = (m.group(1), *_filler_split(m.group(2).split("<")))
        # the line full, or a word after the last one read that is no letters ("4A1" for
        # MAI, fresh 551701 0014: NGUYEN<<H0A1<4A1<<<...): the name may go on either way
        cut = len(m.group(3)) <= 1 and (m.end() >= _TD1_WIDTH
                                        or bool(re.match(r"[A-Z0-9]", line[m.end():])))
        whole = words[:-1] if cut else words  # a cut line's last word may be any prefix
        if not all(syllable_like(w) and len(w) <= 7 for w in whole):
            continue
        found.append(MrzName(words, cut, len(line) == _TD1_WIDTH))
    if not found:
        return None
    counts = Counter(found)

    def rank(name: MrzName) -> tuple[int, int]:
        return counts[name], listed_words(name)

    ranked = sorted(counts, key=rank, reverse=True)
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        return None
    # whole when any reading of these words was (Counter keeps the first one seen)
    return replace(ranked[0], whole=any(n.whole for n in found if n == ranked[0]))


#: What OCR makes of a single filler ``<`` between two given names (OCR-B's chevron).
_FILLER_AS_LETTER = frozenset("CKLE")


def _filler_split(words: list[str]) -> list[str]:
    """Given names with a filler read as a letter put back: a word that is no syllable
    ("GIACDUY" for GIA<DUY) is split where exactly one such letter leaves two listed
    given-name syllables on either side; any other word is kept as read (and the line is
    then refused by the syllable test, as before)."""
    out: list[str] = []
    for word in words:
        if syllable_like(word):
            out.append(word)
            continue
        splits = [(word[:i], word[i + 1:]) for i in range(1, len(word) - 1)
                  if word[i] in _FILLER_AS_LETTER
                  and listed(word[:i], False) and listed(word[i + 1:], False)]
        out.extend(splits[0] if len(splits) == 1 else (word,))
    return out


def word_agrees(read: str, mrz: str, first: bool, last_cut: bool = False) -> bool:
    """A word of the front's reading against the MRZ's: the same letters; or, where the MRZ
    word is itself no listed name (so OCR may have misread it: BTNH, VINHH), one letter
    apart, the front's word being a syllable; or, for the last word of a full line, the
    MRZ word starts it. A front word that is no syllable agrees with nothing: LVA read on
    every view of a photographed copy (fresh 550001 0055) agreed with the MRZ's LUA (Lụa,
    a name the list then lacked) and was given as the name "Lê Ngọc Lva"."""
    letters = fold(read).upper().replace(" ", "")
    if letters == mrz or (last_cut and letters.startswith(mrz)):
        return True
    return (not listed(mrz, first) and syllable_like(read)
            and Levenshtein.distance(letters, mrz) <= 1)


def _misread_here(read: str, mrz: str, first: bool) -> bool:
    """The MRZ word is no one's name and the front's word a listed one: the names line (it
    has no check digit) was misread there (OIM for CÚC), which is no evidence against the
    front."""
    return not listed(mrz, first) and listed(fold(read).upper(), first)


def agrees(name: str, mrz: MrzName) -> bool:
    """Every word of ``name`` agrees with the MRZ's word in its place (a cut line: the
    name's first words do), one word at most where the MRZ's was misread into no name
    (`_misread_here`) or, on a line read short, lost a letter (`_letter_lost`): two such
    and the line proves nothing either way."""
    words = name.split()
    if mrz.cut and len(words) > len(mrz.words):
        words = words[:len(mrz.words)]
    if len(words) != len(mrz.words):
        return False
    misread = 0
    for i, (w, m) in enumerate(zip(words, mrz.words, strict=True)):
        if word_agrees(w, m, i == 0, mrz.cut and i == len(words) - 1):
            continue
        if not (_misread_here(w, m, i == 0)
                or (not mrz.whole and _letter_lost(w, m) and listed(w, i == 0))):
            return False
        misread += 1
    return misread <= 1


def _letter_lost(read: str, mrz: str) -> bool:
    """The MRZ word is the front's with one letter gone: a names line read short of its 30
    characters lost letters (fresh 550201 0071, Đỗ Hoài An: ``O0<<HOA<AN``, 18 characters,
    HOA for HOAI), so it is no evidence against the front's longer word. Only a listed
    front word is so excused (`agrees`): TUYẾTI, a view's TUYẾT with a speck read as an I
    beside it, is the MRZ's TUYET with a letter added, not HOAI's kind (fresh 551401 0044,
    given as "Hà Tuyếti Cúc")."""
    letters = fold(read).upper()
    return len(letters) == len(mrz) + 1 and any(
        letters[:at] + letters[at + 1:] == mrz for at in range(len(letters)))


def resplit(name: str, mrz: MrzName) -> str | None:
    """``name`` cut into the MRZ's words when it has the same letters split otherwise
    ("Ngu Yên Vân Duy" for NGUYEN<<VAN<DUY); None when its letters differ."""
    chars = [c for c in unicodedata.normalize("NFC", name) if not c.isspace()]
    if "".join(fold(c).upper() for c in chars) != "".join(mrz.words):
        return None
    out, at = [], 0
    for word in mrz.words:
        out.append("".join(chars[at:at + len(word)]))
        at += len(word)
    return " ".join(out)


def mend(name: str, mrz: MrzName) -> str | None:
    """``name`` with each word that the MRZ spells otherwise, when the word read is a
    plausible misreading of the MRZ's (at most two letters apart: "TÙN" for TUNG) and no
    listed name itself, replaced by the listed form of the MRZ's letters: the one form with
    the tone mark read, else the only listed form. None when a word is further off, is a
    listed name too ("TÚ" for TUNG: either line may be the misread one), or has no such
    form; then the name is refused, never guessed."""
    return replace_disagreeing(name, mrz, _misread_form)


def _misread_form(i: int, word: str, letters: str) -> str | None:
    """The listed form of the MRZ's ``letters`` for a misread ``word``: the one with the
    tone mark read, or the only one. A word read with no tone mark says nothing of one:
    blur erases marks, and fresh 553101 0016's HLUNG (for Hùng, a photographed copy) made
    Hưng, the one form of HUNG without a tone mark, of the MRZ's HUNG."""
    if Levenshtein.distance(fold(word).upper(), letters) > 2 or listed(word, i == 0):
        return None
    forms = listed_forms(letters, i == 0)
    toned = [f for f in forms if tone_of(f) == tone_of(word)] if tone_of(word) else []
    if len(toned) == 1:
        return toned[0]
    return forms[0] if len(forms) == 1 else None


def replace_disagreeing(name: str, mrz: MrzName,
                        form: Callable[[int, str, str], str | None]) -> str | None:
    """``name`` with each word that does not agree with the MRZ's in its place
    (`word_agrees`) replaced by ``form(i, word, mrz_letters)``; None when the line is cut,
    the word counts differ, or ``form`` gives None for a word (the caller's rule found no
    form it trusts)."""
    words = name.split()
    if mrz.cut or len(words) != len(mrz.words):
        return None
    out = []
    for i, (word, letters) in enumerate(zip(words, mrz.words, strict=True)):
        if word_agrees(word, letters, i == 0):
            out.append(word)
            continue
        replacement = form(i, word, letters)
        if replacement is None:
            return None
        out.append(replacement)
    return " ".join(out)
