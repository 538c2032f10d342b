"""Last checks of an ID card's full name against the rest of the card (photos, card scans).

By then the name has been read by zone or by label, and the card's MRZ, sex and ID number
are known. Eight checks, each one either confirms, mends from a second source, or refuses:

- the MRZ names line, when the MRZ's number and birth date check (`mrz_names`); when the
  front gave no name at all, the MRZ's letters name the card if every word has one listed
  form (or the marks of one are read on the card, or the sex settles a middle Văn / Vân,
  or, with no marks read, one form is the usual one at that place for that sex); a name
  the MRZ spells otherwise takes the MRZ's word where a view of the name band read it too;
- PP-OCR's views of the name band, decoded against the listed names: a word two of them
  surely decoded as another listed word refuses the name;
- on a photographed photocopy, each word needs a second source (the MRZ's names line, a
  sure PP-OCR view, or two readings of the band): one reading and the lists are not enough;
- a name read by label whose words are mostly no Vietnamese syllable is someone's label text
  misread ("F D Gaegz" from "Full name"), not a name: refused (on a photo, one such word);
- the middle-name markers Văn (men) and Vân (a woman's name): blur turns the breve into a
  circumflex and back, and the card's sex says which of the two a middle word is;
- on a photo, a name read by label whose word a card line spells with another listed form
  (THỦY on the label's line, THÙY on another view of it): refused;
- a given-name word whose marks are none of the listed forms of its letters, when several
  are listed ("Hiến": Hiền or Hiển?): refused, unless the mark is one no form has at all
  (Thủ for Thu / Thư), which takes the usual form;
- on a photo, a word read as one listed form where another is the usual one at its place
  for the holder's sex (a woman's given YÊN where Yến is usual): refused.

A refused name is removed with a review reason: a missing name goes to an officer, a wrong
one would be reused across procedures.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from intake.extract.card_names import (
    as_capitals,
    band_tokens,
    doubtful_mark,
    hook_for_grave,
    invented_mark,
    lined_up,
    listed,
    listed_forms,
    near_letters,
    outread,
    read_as_voted,
    syllable_like,
)
from intake.extract.model import ExtractedField, Extraction
from intake.extract.mrz import Mrz
from intake.extract.mrz_names import (
    MrzName,
    agrees,
    mend,
    read_names_line,
    replace_disagreeing,
    resplit,
)
from intake.extract.text import fold
from intake.extract.values.given_names import known_syllable, same_letters
from intake.extract.values.name_usage import UNUSUAL_SHARE, usage_choice
from intake.extract.values.names import capitalise, parse_name

_LABEL = "Họ và tên (full_name)"


def check_card_name(result: Extraction, lines: list[str], mrz: Mrz | None,
                    letters: Sequence[str] = (), copy: bool = False) -> None:
    """Confirm, mend or refuse the card's full name (see the module docstring). A QR name
    is exact and left alone. ``letters``: PP-OCR's surely decoded words of the name band,
    one line per view (`card_zones.NAME_LETTERS_READ`); ``copy``: the card was read on a
    photographed photocopy (`_refuse_unconfirmed_copy`)."""
    got = result.fields.get("full_name")
    if got is not None and got.source == "qr":
        return
    names = (read_names_line(lines)
             if mrz is not None and mrz.id_number and mrz.birth_yymmdd else None)
    if names is not None:
        _against_mrz(result, lines, names, letters)
    # a name the MRZ made (the front gave none) is no second source for itself, unless
    # its names line was read whole (30 characters: no letter lost)
    made_by_mrz = (names is not None and not names.whole and got is None
                   and "full_name" in result.fields)
    _refuse_pp_against(result, letters, copy, names, lines)
    if copy:
        _refuse_unconfirmed_copy(result, None if made_by_mrz else names, letters, lines)
        _refuse_unlisted_on_copy(result)
    photo = copy or any(line.strip() for line in letters)
    _refuse_disputed(result, lines, photo)
    _refuse_word_short(result, letters, lines)
    _refuse_unnamelike(result)
    _middle_by_sex(result)
    _refuse_doubtful_marks(result)
    _refuse_unusual_marks(result, photo)


def _set(result: Extraction, value: str, note: str, got: ExtractedField | None,
         confidence: float = 0.8) -> None:
    parsed = parse_name(value)
    if parsed is None:
        return
    if got is not None:
        result.fields["full_name"] = replace(got, value=parsed.value,
                                             note=f"{got.note}; {note}" if got.note else note)
    else:
        result.fields["full_name"] = ExtractedField(value=parsed.value, raw=value,
                                                    confidence=confidence,
                                                    page=None, bbox=None, source="ocr",
                                                    note=note)


def _refuse(result: Extraction, why: str) -> None:
    got = result.fields.pop("full_name", None)
    if got is not None:
        result.review_reasons.append(f"{_LABEL}: {why} ({got.value!r}); "
                                     "vui lòng kiểm tra / please check")


def _against_mrz(result: Extraction, lines: list[str], names: MrzName,
                 letters: Sequence[str] = ()) -> None:
    """The name agrees with the MRZ names line; else it is split again, or taken from a
    card line that agrees, or mended word by word, or sided with the MRZ where a view of
    the name read its letters (`_outvoted`), or refused. Where PP-OCR's views read another
    listed word surely at one of the MRZ's words (`_pp_against`), the MRZ, which has no
    check digit, names and mends nothing."""
    mrz_text = names.words[0] + "<<" + "<".join(names.words[1:])
    got = result.fields.get("full_name")
    if got is not None:
        if agrees(got.value, names) or agrees(got.value, replace(names, cut=True)):
            return  # agrees; or the MRZ lost the name's last words, those it has agree
        split = resplit(got.value, names)
        if split is not None:
            _set(result, split, f"words split as the MRZ's {mrz_text}", got)
            return
    line = None if names.cut else _agreeing_line(lines, names)
    if line is not None:
        _set(result, line, f"line {line!r} agrees with the MRZ's {mrz_text}", got)
        return
    against = _pp_against(letters, names)
    if against is not None:
        if got is not None and not (_pp_sides_with(got.value, against)
                                    and not _band_sides_with(lines, names, against[0],
                                                             got.value)):
            _refuse(result, f"không khớp dòng tên MRZ {mrz_text}, PP-OCR đọc {against[1]} / "
                            f"does not match the MRZ names line; PP-OCR read {against[1]}")
        return
    if got is None:
        if _read_otherwise(letters, list(names.words), views=1) is not None:
            return  # the front's one sure PP-OCR view reads another word: MRZ alone names no one
        named = _named_by_mrz(names, lines, _sex(result), letters)
        if named is not None:
            name, usual = named
            how = "their usual forms" if usual else "the marks of its listed forms"
            _set(result, name, f"MRZ {mrz_text} with {how}", None,
                 confidence=0.6 if usual else 0.8)
            return
        view = _mended_view(lines, names)
        if view is not None:
            _set(result, view[0], f"line {view[1]!r} mended by the MRZ's {mrz_text}", None)
        return
    mended = mend(got.value, names)
    if mended is not None:
        _set(result, mended, f"mended by the MRZ's {mrz_text}; read {got.value!r}", got)
        return
    sided = _outvoted(got.value, names, lines, _sex(result))
    if sided is not None:
        _set(result, sided, f"the MRZ's {mrz_text} and a view of the name agree; the views "
                            f"mostly read {got.value!r}", got)
        return
    view = _mended_view(lines, names)
    if view is not None:
        _set(result, view[0], f"line {view[1]!r} mended by the MRZ's {mrz_text}; the views "
                              f"mostly read {got.value!r}", got)
        return
    _refuse(result, f"không khớp dòng tên MRZ {mrz_text} / does not match the MRZ names line")


def _pp_sides_with(name: str, against: tuple[int, str]) -> bool:
    """Whether the word PP-OCR's views surely read against the MRZ's (``against``: its
    place and letters) is ``name``'s own there: the MRZ's word is then the misread, and the
    name, read by the band and by PP-OCR alike, stands. Fresh 554401 'Bản photo CCCD 0050'
    (Nguyễn Quang Đạt, a card with its back): every view read ĐẠT, both PP-OCR views DAT,
    the MRZ DAI; the name was refused."""
    i, word = against
    words = _folded(name)
    return i < len(words) and words[i] == word


def _band_sides_with(lines: Sequence[str], names: MrzName, i: int, name: str) -> bool:
    """Whether a reading of the name band with as many words as the MRZ's names line reads,
    at word ``i``, the MRZ's letters up to the first in which they and ``name``'s differ
    (THÁM for the MRZ's THANG against TRANG): a view of the band sides with the MRZ, and
    PP-OCR siding with the name (`_pp_sides_with`) leaves the two sources disputed.
    Fresh 557101 'Bản photo CCCD 0034' (Nguyễn Tuấn Thắng, a photographed copy): the MRZ
    read THANG on a whole names line, both PP-OCR views TRANG surely, and the band
    THÁM, TRANG, THRÁNG and TRANG; Nguyễn Tuấn Trang was given. Where every view read the
    name's word (554401 'Bản photo CCCD 0050': ĐẠT four times, the MRZ DAI) it stands."""
    mine, theirs = _folded(name)[i], names.words[i]
    differ = next((k for k, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                  min(len(mine), len(theirs)))
    if differ >= len(theirs):
        return False  # the MRZ's word is the start of the name's: a letter lost there
    prefix = theirs[:differ + 1]
    return any(w.startswith(prefix) for w in _band_words_at(lines, len(names.words), i))


def _pp_against(letters: Sequence[str], names: MrzName) -> tuple[int, str] | None:
    """A listed word other than the MRZ's that PP-OCR's views read surely, alike, at that
    word's place, and that place (two views or more, the name read with the MRZ's number of
    words), or None.
    The names line has no check digit, and blur there drops or changes letters into
    another name: fresh 553801 0047 read HO<<BAO<AN for Hồ Bảo Thành, where both PP-OCR
    views read HO BAO THANH (the name was given as Hồ Bảo An); 553801 'Bản photo CCCD
    0084' read PHAN for Phạm, where both views read PHAM (a view's YHAM was mended into
    Phan). A surely decoded word was right on all 1,271 of 200 development photos' name
    bands (`card_zones.LEXICON_MARGIN`)."""
    return None if names.cut else _read_otherwise(letters, list(names.words))


def _read_otherwise(letters: Sequence[str], words: list[str],
                    views: int = 2) -> tuple[int, str] | None:
    """A listed word other than ``words``' (folded capitals) that PP-OCR's views decoded
    surely, alike, at its place: ``views`` views or more, each read as that many words,
    none of them surely decoding the word itself there.

    One view is enough against a name the MRZ alone would make (`_against_mrz`, nothing
    named on the front): fresh 556501 0095 (Nguyễn Kim Anh, a card with its back) read
    NGUYEN<<KIM<AN, the H lost to blur on a line with no check digit, and one PP-OCR view
    of the front surely NGUYEN KIM ANH; the MRZ named her Nguyễn Kim An. That one view
    must line up with ``words``: another word of it read surely, and each such word
    ``words``' own there. Fresh 557701 0069 (Nguyễn Phương Lụa, a photographed copy) had
    PP-OCR split NGUYỄN in two ("? YEN ?"), its YEN taken as read against the MRZ's
    PHUONG, and the MRZ's whole names line named no one."""
    n = len(words)
    for i, word in enumerate(words):
        read = [w[i] for line in letters if len(w := line.split()) == n and w[i] != "?"
                and (views > 1 or _lines_up_elsewhere(w, words, i))]
        others = [w for w in read if w != word]
        if len(others) >= views and len(set(others)) == 1 and len(others) == len(read):
            return i, others[0]
    return None


def _lines_up_elsewhere(view: list[str], words: list[str], i: int) -> bool:
    """Whether a PP-OCR view's sure words other than its ``i``-th (``?`` for unsure) are
    some, each ``words``' own at its place: the view lines up with the name, and its
    ``i``-th word is read at that word's place, not a piece of a word split in two."""
    sure = [(w, mine) for j, (w, mine) in enumerate(zip(view, words, strict=True))
            if j != i and w != "?"]
    return bool(sure) and all(w == mine for w, mine in sure)


def _refuse_unconfirmed_copy(result: Extraction, names: MrzName | None,
                             letters: Sequence[str], lines: list[str]) -> None:
    """On a photographed photocopy, a name (not the QR's) with a word no two sources read
    at its place is refused (`_confirmed`): the vote counts one reading and the lists as
    two sources, but a copy's name band is so blurred that a lone misreading there often
    spells another listed name. On the 135 photocopies of development seed 930001 the vote
    gave nine wrong names; four of them (Cẩm for Tâm, Võ for Vũ, Lê Vy for Lê Minh Diệu
    Vy, Liên for Tiến) had a word read once or not at all, and no right name had. The
    tone marks are still the vote's: the sources are letters only. A name the MRZ made
    when the front gave none, from a names line not read whole (``names`` None), needs
    its second sources on the front: fresh 555401 0057 read NGUYEN<<HANH<NGOC<< (19
    characters) for Khánh, the K lost on a line that has no check digit, and Hạnh,
    HANH's one listed form, named her wrong. A line read whole (30 characters) lost no
    letter, and names alone as before (555401 0011 Nguyễn Văn Cường, 555501 0051 Nguyễn
    Thu Bảo My, nothing of either read on the front). The MRZ's own lines are not
    readings of the front either, however often they were read."""
    got = result.fields.get("full_name")
    if got is None or got.source == "qr":
        return
    words = _folded(got.value)
    if not _confirmed(words, names, letters, lines, _sex(result)):
        _refuse(result, "bản photo: tên đọc được một lần / photocopy: a word of the name "
                        "was read only once")


def _confirmed(words: list[str], names: MrzName | None, letters: Sequence[str],
               lines: list[str], sex: str | None) -> bool:
    """Whether each of ``words`` (folded capitals) was read at its place by the MRZ's
    names line (read with as many words, or cut short), by a PP-OCR view's surely decoded
    word (``letters``, one line per view), or by two of the card's readings with as many
    words (the name band's views, the page OCR's line), as the vote reads them
    (`read_as_voted`: an H broken into II mended). Development 930001 0437: the MRZ read
    LE<<THANH<MUNG and both PP-OCR views HUNG surely; 'Bản photo CCCD 0237': two views
    read ANH.

    One reading of the word with another at its place one letter off (`near_letters`)
    that spells no listed name is two readings too: the misreading is of this word, not
    of another name. Development 942101 'Bản photo CCCD 0001' (Nguyễn Hữu Tuấn Thịnh):
    the name-line model read THỊNH, a Tesseract view THING; the vote named him right and
    this check refused it. A misreading that spells another listed name (TAM against
    CAM) still leaves the word read once.

    A reading with one word more lines up when a word was split in two (`_as_name`:
    development 942301 0098, Nguyễn Bích Tuyết, the model read NGU YỄN BÍCH TUYẾT and
    PP-OCR NGO YEN BICH TUYET). A reading missing a word still lines up with nothing:
    a name the vote lost a word of is not confirmed by the longer readings' words."""
    n = len(words)
    mrz = list(names.words) if names is not None and (names.cut or len(names.words) == n) \
        else []
    # the MRZ's own lines (its names line, read on the page and by zone) are not readings
    # of the front
    read = [r for line in lines if "<" not in line and (r := _placed(line, sex, words)) is not None]
    pp = [r for line in letters if (r := _as_name(line.split(), words)) is not None]
    for i, word in enumerate(words):
        if i < len(mrz) and mrz[i] == word:
            continue
        if any(r[i] == word for r in pp):
            continue
        at = [r[i] for r in read]
        if sum(w == word for w in at) >= 2:
            continue
        if word in at and any(w != word and near_letters(word, w) and not listed(w, i == 0)
                              for w in [*at, *(r[i] for r in pp)]):
            continue  # a misreading one letter off that is no name: the word's own
        return False
    return True


def _placed(line: str, sex: str | None, words: list[str]) -> list[str] | None:
    """A card reading (`read_as_voted`) lined up with the name's ``words`` (`_as_name`),
    its first or last words read as digits alone holding their places (empty, matching
    nothing). The vote drops such tokens, which leaves the reading a word short, so the
    words it read right stood nowhere: development 943001 0050 (Trần Gia Phong, a
    photographed copy) was read TRÀS GIÁ 0906 on a view, the model read TRẦN GIA PHONG,
    and GIA, read twice, was refused as read once; 943101 0027 (Lê Quỳnh Hồng) was read
    { 0 QUÝNHH HÔNH. A digits token between words is another matter (`card_names._holed`:
    the vote refuses such a reading)."""
    read = read_as_voted(line, sex)
    got = _as_name(read, words)
    if got is not None or not read:
        return got
    tokens = band_tokens(line)
    lead = next((i for i, t in enumerate(tokens) if not t.isdigit()), 0)
    trail = next((i for i, t in enumerate(reversed(tokens)) if not t.isdigit()), 0)
    padded = [""] * lead + read + [""] * trail
    return padded if (lead or trail) and len(padded) == len(words) else None


def _as_name(read: list[str], words: list[str]) -> list[str] | None:
    """A reading (folded capitals) word by word against the name's ``words``: as read when
    it has as many words, joined where it has one more that a split word explains
    (`lined_up`: NGU YÊN for NGUYỄN), else None."""
    if len(read) == len(words):
        return read
    if len(read) != len(words) + 1:
        return None
    return lined_up(read, [fold(w) for w in words])  # it compares folded words


def _band_words_at(lines: Sequence[str], n: int, i: int) -> list[str]:
    """The ``i``-th word, in folded capitals, of each card line (not the MRZ's) read as
    ``n`` words (`_words`)."""
    return [fold(ws[i]).upper() for line in lines
            if "<" not in line and len(ws := _words(line)) == n]


def _refuse_unlisted_on_copy(result: Extraction) -> None:
    """On a photographed photocopy, a name (not the QR's) with a word after the surname
    that no list has is refused: the vote lets such a word stand when it is read often
    enough (a name the lists lack), but a copy's blur turns one listed word into another
    spelling on every view alike. Fresh 557401 0005 (Trần Mỹ Hải Loan) was read BÀI on
    three views, and PP-OCR decoded no listed word there surely: Trần Mỹ Bài Loan. On the
    800 photos of 556501-557401 no other name given on a copy had such a word."""
    got = result.fields.get("full_name")
    if got is None or got.source == "qr":
        return
    odd = [w for w in got.value.split()[1:] if not listed(w, False)]
    if odd:
        _refuse(result, f"bản photo: chữ {odd[0]} không có trong danh sách tên / "
                        f"photocopy: {odd[0]} is no listed name")


def _refuse_pp_against(result: Extraction, letters: Sequence[str], copy: bool = False,
                       names: MrzName | None = None, lines: Sequence[str] = ()) -> None:
    """A name (not the QR's) one of whose words PP-OCR's views surely decoded as another
    listed word, alike (`_read_otherwise`), is refused: the second recogniser, checked
    against the lists, outweighs a word the vote took from one Tesseract view with the
    list behind it. Development photocopy 930001 'Bản photo CCCD 0088' (Lê Tiến
    Vinh): Tesseract's views read tIẾN, LIẾN and HIẾN twice, the vote gave Lê Liên Vinh,
    and both of PP-OCR's views decoded LE TIEN VINH surely. On a photographed photocopy
    (``copy``) one such view is enough, none surely decoding the word itself: fresh 557301
    0035 (Vũ Văn Tiến Nghĩa) was read VỀ, VÔ, VÕ and VÔ, one PP-OCR view decoded VU
    surely and the other left the word unsure, and Võ Văn Tiến Nghĩa was given. Of the
    names given on the 700 photos of 556501-557301, no other had such a view on a copy
    (one card photographed alone had, and was right: TIN surely for Tiến).

    Where the MRZ's names line (``names``, its number and birth date checked) and two
    readings of the band (``lines``, as many words) read the name's own word there, the
    name stands: fresh 557401 'Bản photo CCCD 0078' (Vũ Văn
    Nam, a card with its back) was read VŨ on every view and VU by the MRZ, and both
    PP-OCR views decoded VO surely (on the consumed seeds PP-OCR read Vũ as VO on 4 views
    of 34, Võ as VU on none of 32)."""
    got = result.fields.get("full_name")
    if got is None or got.source == "qr" or not letters:
        return
    words = _folded(got.value)
    other = _read_otherwise(letters, words, views=1 if copy else 2)
    if other is not None and names is not None and other[0] < len(names.words) \
            and names.words[other[0]] == words[other[0]] \
            and _band_words_at(lines, len(words), other[0]).count(words[other[0]]) >= 2:
        return  # the MRZ and the band read the name's word: PP-OCR's is the misread
    if other is not None:
        _refuse(result, f"PP-OCR đọc {other[1]} / PP-OCR read {other[1]}")


def _named_by_mrz(names: MrzName, lines: list[str], sex: str | None,
                  letters: Sequence[str] = ()) -> tuple[str, bool] | None:
    """The MRZ's name with its tone marks, when the front gave none: each word takes its
    form by `_mrz_form`, else the name stays missing. Returned with whether a usual form
    was taken (the name is then given a lower confidence and says so)."""
    if names.cut:
        return None
    out, by_usage = [], False
    for i in range(len(names.words)):
        form = _mrz_form(names, i, lines, sex, letters)
        if form is None:
            return None
        out.append(form[0])
        by_usage = by_usage or form[1]
    return " ".join(out), by_usage


def _mrz_form(names: MrzName, i: int, lines: list[str], sex: str | None,
              decoded: Sequence[str] = ()) -> tuple[str, bool] | None:
    """The MRZ's ``i``-th word with its tone marks: the one listed form of its letters
    (surname list first, given-name syllables after: "HUU" is Hữu); a middle VAN is Văn or
    Vân by the card's sex; a word with several listed forms ("THUY") takes the marks of the
    one form read on the name's own line (`_read_in_name`) when it has marks (an unmarked
    KHANH read for Khánh on fresh seed 549301 made "Lê Khanh Tâm"); with no marks read on
    it, the form a name at that place for a holder of that sex mostly carries
    (`name_usage`: a woman's DUNG is Dung) when the front read its letters on the name's
    line, or PP-OCR decoded them surely at that word's place (``decoded``, `_pp_read`), or
    the names line was read whole (30 characters: no letter lost). None for a word
    no list has, or whose form stays open (the line has no check digit: a misread letter
    there must not make a name). Returned with whether the usual form was taken."""
    letters = names.words[i]
    forms = listed_forms(letters, i == 0)
    if 0 < i < len(names.words) - 1 and letters == "VAN" and sex is not None:
        forms = [_BY_SEX[sex]]
    usage = False
    if len(forms) > 1:
        read = _read_in_name(lines, names, i)
        seen = {f for f in forms for w in read if capitalise(w) == f}
        # a word read with no marks at all proves none were printed no more than it
        # does in `_agreeing_line`: blur erases marks ("KHANH" read for Khánh)
        marked = [f for f in seen if fold(f) != f.lower()]
        # no marks read on this word at all: the form a word at this place of a name
        # of this sex mostly carries (`name_usage`: a woman's DUNG is Dung), when the
        # front read these letters too or the names line was read whole: it has no
        # check digit, and one letter lost there makes another name (fresh 549701
        # 0081: PHUONG<YEN, 29 characters, for PHUONG<UYEN)
        confirmed = bool(read) or names.whole or _pp_read(decoded, list(names.words), i)
        usual = usage_choice(forms, i == len(names.words) - 1, sex) \
            if i and confirmed else None
        forms = marked or ([usual] if usual else [])
        usage = not marked
        if len(forms) == 1 and _outread_at(lines, names, i, forms[0]):
            return None
    return (forms[0], usage) if len(forms) == 1 else None


def _outread_at(lines: list[str], names: MrzName, i: int, form: str) -> bool:
    """Whether the card's readings with as many words as the MRZ's name, whether or not
    another of their words spells the MRZ's (`_read_in_name` hears only those), read at
    the ``i``-th word's place another listed form of its letters twice or more, and more
    often than ``form``. Development 943001 'Bản photo CCCD 0030' (Nguyễn Trọng Bảo
    Nhân, a photographed copy): two views read NHÀIYÊN ... NHÂN, the model alone NGUYỄN
    TRUNG BẢO NHÀN with another word of the MRZ's, and the MRZ's NHAN took the model's
    grave."""
    at = [ws[i].upper() for line in lines if len(ws := _words(line)) == len(names.words)]
    return outread(form.upper(), at, at.count(form.upper()))


def _pp_read(letters: Sequence[str], words: list[str], i: int) -> bool:
    """Whether a PP-OCR view of the name band surely decoded ``words``' ``i``-th word
    (folded capitals) at its place (the view read as many words): a second source for
    letters the MRZ's names line, which has no check digit, spells (`_confirmed` asks the
    same of a copy's words, with views a split word explains, `_as_name`). Tesseract's
    views of a blurred photocopy's band may read none of a word's letters (development
    920001 0143: TU, Ti@U, rìa for THU) where PP-OCR decodes them (TRAN THU CHI), the
    MRZ reading TRAN<<THU<CHI<<<5, a few fillers lost."""
    n = len(words)
    return any(len(w := line.split()) == n and w[i] == words[i] for line in letters)


def _folded(name: str) -> list[str]:
    """A name's words in folded capitals, as PP-OCR's decoded words and the MRZ spell them."""
    return [fold(w).upper() for w in name.split()]


def _outvoted(name: str, names: MrzName, lines: list[str], sex: str | None) -> str | None:
    """``name`` with each word the MRZ spells otherwise, both being listed names (LÝ read
    for the MRZ's LE, ĐÔNG for DUNG), replaced by the MRZ's word in its form (`_mrz_form`),
    when a view of the name's band read the MRZ's letters there (`_read_in_name`: "LÊ
    THANSI HÙNG" among three views reading LÝ THANH HÙNG, development photo 546001 0085).
    The names line has no check digit, but a reading of the front spelling it too is a
    second source against the views' majority, which blur sways one way (an Ê's circumflex
    read as the Y's stroke). None when a disagreeing word has no such view: refused."""
    def form(i: int, _word: str, _letters: str) -> str | None:
        got = _mrz_form(names, i, lines, sex) if _read_in_name(lines, names, i) else None
        return got[0] if got is not None else None

    return replace_disagreeing(name, names, form)


def _words(line: str) -> list[str]:
    """A card line's words, in capitals when its lower case looks like capitals
    (`as_capitals`), punctuation OCR put after a word dropped ("PHƯƠNG,")."""
    return [w.strip(".,;:!?") for w in as_capitals(line).split()]


def _by_zone(result: Extraction) -> bool:
    """Whether the card was read by zone (a photo): some field has source ``zone``."""
    return any(f.source == "zone" for f in result.fields.values())


def _read_in_name(lines: list[str], names: MrzName, i: int) -> list[str]:
    """The upper-case words with the letters of the MRZ's ``i``-th word that sit on a line
    with another of its words in the same order (a name line read in part: "MÔ XUÂN QUANG
    MXH"), not in the card's title ("CỘNG HÒA XÃ HỘI ... VIỆT NAM" would give Hòa). A
    line whose only lower-case letters look like capitals is in capitals ("MGI VẤN MỸ vY",
    a name band's reading: `card_zones.NAME_BAND`)."""
    out = []
    for line in lines:
        words = [w for w in _words(line) if w.isalpha() and w.upper() == w]
        letters = [fold(w).upper() for w in words]
        for at, word in enumerate(words):
            if letters[at] != names.words[i]:
                continue
            before = any(m in letters[:at] for m in names.words[:i])
            after = any(m in letters[at + 1:] for m in names.words[i + 1:])
            if before or after:
                out.append(word)
    return out


def _agreeing_line(lines: list[str], names: MrzName) -> str | None:
    """A run of words on one OCR line, upper case as a card prints the name, that agrees
    with the MRZ and whose tone marks leave no doubt: each word is read with its marks as
    a listed form, or is the only listed form of its letters, or is no listed name at all
    (an unaccented "LAM" could be Lam or Lâm: such a line is passed over)."""
    n = len(names.words)
    for line in lines:
        words = line.split()
        for at in range(len(words) - n + 1):
            window = " ".join(words[at:at + n])
            if window.upper() != window or not agrees(window, names):
                continue
            if all(_unambiguous(w, i == 0) for i, w in enumerate(window.split())) \
                    and _disputed(window.split(), lines, off=1) is None:
                return window
    return None


def _disputed(words: list[str], lines: list[str], off: int = 0) -> str | None:
    """Another listed form of one of ``words`` after the surname that a card line (a name
    band's view among them) reads at its place, or None. Views that read THƯ and THU, THỦY
    and THÚY leave the marks in doubt: one of them is no settlement, however well it agrees
    with the MRZ, whose letters carry no marks (fresh 551501 0030: Lê Tuyết Thu Thủy given
    as Thư, from the one view of four the MRZ agreed with first).

    The line read the other words' letters alike, or all but ``off`` of them: a line the
    MRZ agrees with whole (`_agreeing_line`) is disputed by a view that misread another
    word's letters too. Development 941301 'Bản photo CCCD 0065' (Nguyễn Kim Thị Thủy, a
    card with its back): the name-line model read NGUYỄN KIM THỊ THÚY, which the MRZ
    agreed with, and a view NGUYÊN NIM THỊ THỦY; Thúy was given."""
    letters = [fold(w) for w in words]
    for window in _windows(lines, len(words)):
        folded = [fold(w) for w in window]
        if sum(a != b for a, b in zip(folded, letters, strict=True)) > off:
            continue
        for i, (mine, theirs) in enumerate(zip(words, window, strict=True)):
            if i and folded[i] == letters[i] and capitalise(theirs) != capitalise(mine) \
                    and known_syllable(theirs) and known_syllable(mine):
                return theirs
    return None


def _windows(lines: list[str], n: int) -> Iterator[list[str]]:
    """Every run of ``n`` consecutive words (`_words`) on each card line."""
    for line in lines:
        words = _words(line)
        for at in range(len(words) - n + 1):
            yield words[at:at + n]


def _mended_view(lines: list[str], names: MrzName) -> tuple[str, str] | None:
    """(name, the line it came from) when card lines, a name band's views among them
    (`card_zones.NAME_BAND`), hold a run of upper-case words the MRZ mends
    (`mrz_names.mend`: each word it spells otherwise is no listed name, a letter or two off,
    and takes the one listed form with the tone mark read, or the only one) and whose kept
    words leave no doubt (`_unambiguous`), and every such run comes out the same name.
    Blur reads a tilde on U as a circumflex and grave on E: VỀ on three views of Vũ Thị
    Duyên (fresh 550201 0051), where the vote took VÕ from the fourth; a view's MÙNG for the
    MRZ's HUNG gives Hùng, the one listed form with the grave read (550201 0054)."""
    found: dict[str, str] = {}
    for run in _windows(lines, len(names.words)):
        window = " ".join(run)
        if window.upper() != window or not window.replace(" ", "").isalpha():
            continue
        mended = mend(window, names)
        if mended is None or mended == window:
            continue  # nothing to mend: an agreeing line is `_agreeing_line`'s
        if all(_unambiguous(w, i == 0) for i, w in enumerate(mended.split())):
            found.setdefault(" ".join(map(capitalise, mended.split())), window)
    return next(iter(found.items())) if len(found) == 1 else None


def _unambiguous(word: str, first: bool) -> bool:
    from intake.extract.values.given_names import known_syllable
    from intake.extract.values.names import SURNAMES, capitalise

    if len(listed_forms(word, first)) <= 1:
        return True
    marked = fold(word) != word.lower()
    listed = capitalise(word) in SURNAMES if first else known_syllable(word)
    return marked and listed


def _refuse_disputed(result: Extraction, lines: list[str], photo: bool = False) -> None:
    """On a card read by zone, a name read by label whose letters a card line also spells
    with another listed form of one of its words refuses the name: when the zone vote
    refused the name band because its views read two listed forms (THỦY three times,
    THÙY once: `card_names._marks_settled`), the page OCR's reading of the same line is one
    of those views, not a settlement (fresh 549901 0005: Nguyễn Thủy Trinh for Thùy). A
    card known to be photographed (``photo``, as in `_refuse_unusual_marks`) is held to it
    too when no field came from its zones: fresh 557901 0095 (Trần Công Thành Trí, a card
    with its back, its number from the MRZ) had one view read THÀNH and three THANH, the
    vote named no one, and the page OCR's line gave Trần Công Thanh Trí."""
    got = result.fields.get("full_name")
    if got is None or got.source != "ocr" or not (_by_zone(result) or photo):
        return
    theirs = _disputed(got.value.split(), lines)
    if theirs is not None:
        _refuse(result, f"dấu thanh đọc khác nhau {theirs} / tone marks read two ways, {theirs}")


def _refuse_word_short(result: Extraction, letters: Sequence[str],
                       lines: Sequence[str] = ()) -> None:
    """Every PP-OCR view of the name band read more words than the name has (its sure
    words and a ``?`` for each other, `card_zones.NAME_LETTERS_READ`): a word of the name
    was lost, to digits, debris or a mark run into the next word, and the name is refused.
    Fresh 556401 0005 (Lê Thành Trí, a photographed copy): one Tesseract view read "LỄ
    THÁNH £1", PP-OCR's views "LE ? TRI" and "LE THANH TRI", and Lê Thanh was given. On
    the 557 photos the consumed seeds 555401-555901 named, no other name was shorter than
    PP-OCR's views (the other was 555901 0025, Trương Lệ, refused since by the vote).
    Two of the card's readings (``lines``: the band's views, the page OCR's line, not the
    MRZ's) that spell the name word for word, and nothing else, outweigh PP-OCR's:
    development 556601 0018 (Huỳnh Minh Liên, a copy) was read HUỲNH MINH LIÊN on three
    views, and PP-OCR split HUỲNH in two on both of its own ("? ANH MINH LIEN"). A view
    whose one word more is a word split in two (`_as_name`) lost nothing: development
    942301 0098 (Nguyễn Bích Tuyết, a copy), PP-OCR's NGO YEN BICH TUYET."""
    got = result.fields.get("full_name")
    views = [line.split() for line in letters if line.strip()]
    if got is None or got.source == "qr" or not views:
        return
    words, sex = _folded(got.value), _sex(result)
    if sum("<" not in line and len(line.split()) == len(words)
           and read_as_voted(line, sex) == words for line in lines) >= 2:
        return  # nothing else on the line: no word lost to debris ("LỄ THÁNH £1")
    if all(len(view) > len(words) and _as_name(view, words) is None for view in views):
        _refuse(result, "thiếu một chữ của họ tên / a word of the name is missing")


def _refuse_unnamelike(result: Extraction) -> None:
    """An OCR-by-label name with more than half its words no syllable is label debris ("F D
    Gaegz"); half is not enough on a scan, where names of the Central Highlands' peoples
    ("Ksor H'Bia", "Rmah Nay") are read well and have such words. On a card read by zone
    (a photo: some field has source ``zone``) one such word is enough: the zone vote, which
    asks the same of every word, found no name in the name's band, and the label reading
    of a blurred photo is then debris ("Í Lài Ae"); so is one whose first word is no listed
    surname ("Nói Thành Thắng" for Bùi, "Án Mai Hồng" for Phan: syllables, but no one's
    family name; a rarer family name on a photo goes to review)."""
    got = result.fields.get("full_name")
    if got is None or got.source != "ocr":
        return
    words = got.value.split()
    odd = sum(not syllable_like(w) for w in words)
    by_zone = _by_zone(result)
    if by_zone and words and not listed(words[0], True):
        odd += 1
    if (odd and by_zone) or 2 * odd > len(words):
        _refuse(result, "không giống họ tên / does not read as a name")


#: Middle-name markers that blur confuses (breve and circumflex): Văn is a man's, Vân a
#: woman's.
_BY_SEX = {"Nam": "Văn", "Nữ": "Vân"}


def _middle_by_sex(result: Extraction) -> None:
    """Văn / Vân as a middle word by the card's sex, and a woman's given name Văn as Vân."""
    got = result.fields.get("full_name")
    sex = _sex(result)
    if got is None or sex is None:
        return
    words = got.value.split()
    middle = [_BY_SEX[sex] if fold(w) == "van" else w for w in words[1:-1]]
    # a woman's given name read Văn is Vân (Văn is a man's middle name, never a woman's)
    last = "Vân" if sex == "Nữ" and words[-1] == "Văn" else words[-1]
    value = " ".join([words[0], *middle, last]) if len(words) > 1 else got.value
    if value != got.value:
        note = f"{_BY_SEX[sex]} by the card's sex; read {got.value!r}"
        result.fields["full_name"] = replace(
            got, value=value, note=f"{got.note}; {note}" if got.note else note)


def _refuse_doubtful_marks(result: Extraction) -> None:
    """A given-name word whose marks are none of the listed forms of its letters, when
    several are listed ("Hiến": Hiền or Hiển? "Nhan": Nhàn or Nhân?), refuses the name,
    by zone or by label, photo or scan: blur and scanning lose and swap tone marks far more
    often than a card carries a name the list lacks, and such a name goes to review.
    When one form is the usual one at that place for the holder's sex, it is taken first
    (`card_names.invented_mark`: Thủ for Thu, a man's middle Đỉnh for Đình), as the zone
    vote does."""
    got = result.fields.get("full_name")
    if got is None or got.source == "qr":
        return
    words = got.value.split()
    sex = _sex(result)
    mended = [words[0], *((invented_mark(w, i == len(words) - 1, sex) or w)
                          for i, w in enumerate(words[1:], 1))]
    if mended != words:
        _set(result, " ".join(mended), f"usual form for a tone mark no form has; read "
                                       f"{got.value!r}", got)
        got = result.fields["full_name"]
    if any(doubtful_mark(w) for w in got.value.split()[1:]):
        _refuse(result, "dấu thanh không rõ / tone mark unclear")


def _refuse_unusual_marks(result: Extraction, photo: bool = False) -> None:
    """On a card read by zone (a photo), a middle or given word read as one listed form
    where another form of its letters is the usual one at that place for the holder's sex
    (`name_usage`, `UNUSUAL_SHARE`: a woman's given name YÊN where Yến is usual, MỸ where
    My is, her middle KHANH where Khánh is) refuses the name: the photo's marks and the
    name's usage disagree, and which is right is for an officer to see. Tesseract drops the
    acute of Ế on every view of a sharp card (fresh seed 549501: Yến read YÊN three times)
    and blur draws a tilde where none is printed. A card known to be photographed
    (``photo``: on a photographed photocopy, or with its name band read by PP-OCR, which
    only photos are) is a photo too, even when no field was taken from its zones: fresh
    554401 'Bản photo CCCD 0030' (a copy: the number from the MRZ, the name Thủy from the
    page OCR's line, which the MRZ's THUY agreed with, for Thùy) and 556601 0073 (a card
    with its back: the same, Bùi Thủy Quỳnh Giang for Thùy)."""
    got = result.fields.get("full_name")
    if got is None or got.source == "qr" or not (_by_zone(result) or photo):
        return
    words, sex = got.value.split(), _sex(result)
    for i, word in enumerate(words[1:], 1):
        usual = usage_choice(same_letters(word), i == len(words) - 1, sex, UNUSUAL_SHARE)
        if usual is not None and usual != word:
            _refuse(result, f"dấu thanh khác tên thường gặp {usual} / "
                            f"tone marks unlike the usual {usual}")
            return
        grave = hook_for_grave(word, i == len(words) - 1, sex)
        if grave is not None:  # a woman's middle THỦY: as likely Thùy blurred
            _refuse(result, f"dấu hỏi có thể là dấu huyền bị mờ ({grave}) / "
                            f"a hook that may be a blurred grave ({grave})")
            return


def _sex(result: Extraction) -> str | None:
    """The holder's sex from the ID number's century/sex digit (when the number is well
    formed) and the sex field; None when they disagree (one of them is misread), unless
    the number was read by zone, QR or MRZ: settled there by two recognisers, a check
    digit or the QR's payload, it outweighs the page OCR's reading of a one-word field
    (development photocopy 930001 0442: NỮ read Nam, and Phan Khánh Dung, a woman's
    usual Dung, was refused as unlike a man's usual Dũng)."""
    from intake.extract.idnumber import holder_sex, structure_problems

    said = set()
    number = result.fields.get("id_number")
    if number is not None and not structure_problems(number.value):
        said.add(holder_sex(number.value))
    sex = result.fields.get("sex")
    if sex is not None and sex.value in _BY_SEX:
        said.add(sex.value)
    if len(said) > 1 and number is not None and number.source in ("zone", "qr", "mrz") \
            and sex is not None and sex.source == "ocr":
        return holder_sex(number.value)
    return said.pop() if len(said) == 1 else None
