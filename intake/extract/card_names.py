"""Vote a card's full name over several readings of its name band (photos, card scans).

A blurred card's name band is read on several views; no one reading is trusted. The vote is
on letters first (accent-folded; a listed surname and listed syllables win), then on tone
marks, and a word neither listed nor read twice refuses the name: a missing name goes to
review, a wrong one would be reused across procedures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from rapidfuzz.distance import Levenshtein

from intake.extract.name_ink import marked_above
from intake.extract.text import fold
from intake.extract.values.given_names import known_syllable, same_letters, syllable_letters
from intake.extract.values.name_usage import (
    DOMINANT,
    MISREAD_DOMINANT,
    usage_choice,
    usage_weight,
)
from intake.extract.values.names import SURNAMES, parse_name

#: The vowel groups of Vietnamese syllables, accents folded (ươi -> uoi, uyê -> uye), longest
#: first: "UÁO" (BẢO misread) has three vowels but is no syllable.
_NUCLEI = ("oai", "oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "ieu", "yeu",
           "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua",
           "ue", "ui", "uo", "uu", "uy", "ye", "a", "e", "i", "o", "u", "y")
#: Vowel groups that end no syllable (uyê, uô, ươ: tuyết, muốn, phương, never tuyế), folded.
#: Not iê, which ends the Ê Đê name Niê (H'Hen Niê).
_CLOSED = ("uye", "uo")
_ONSET = r"(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?"
_FINALS = r"(ch|ng|nh|[cmnpt])"
_FINAL = _FINALS + "?"
#: A Vietnamese syllable, accents folded: an onset, a vowel nucleus, a final (which the
#: groups of `_CLOSED` must have). A name word OCR broke apart ("NG YẾ SN" for "NGUYỄN")
#: is not one, and neither is most debris, nor a word the band cut short: every view of
#: fresh 555701 'Bản photo CCCD 0061' read TUYẾ for the Tuyết at the card's edge, and the
#: name was given as Trần Phương Thanh Tuyế.
_SYLLABLE = re.compile(
    _ONSET + rf"(({'|'.join(n for n in _NUCLEI if n not in _CLOSED)}){_FINAL}"
    rf"|({'|'.join(_CLOSED)}){_FINALS})")
#: The same with any one to three vowels: what a reading's words must look like for the
#: reading to count at all. A word whose vowels are no Vietnamese group ("DỤUY", "UÁO")
#: still lets its reading vote on the other words; it gets no vote on its own column.
_LOOSE = re.compile(_ONSET + r"[aeiouy]{1,3}" + _FINAL)


def _shaped(pattern: re.Pattern[str], word: str) -> bool:
    """Words with an apostrophe or hyphen (H'Hen, minority names) are not checked."""
    return bool(re.search(r"['’-]", word)) or bool(pattern.fullmatch(fold(word)))


def syllable_like(word: str) -> bool:
    return _shaped(_SYLLABLE, word)


def _word_shaped(word: str) -> bool:
    return _shaped(_LOOSE, word)


@cache
def _surnames_by_letters() -> dict[str, list[str]]:
    by: dict[str, list[str]] = {}
    for s in SURNAMES:
        by.setdefault(fold(s), []).append(s)
    return by


def listed_forms(word: str, surname: bool) -> list[str]:
    """The listed surnames (``surname``) or given-name syllables spelled with ``word``'s
    letters, whatever its tone marks and case (an MRZ's ``NGUYEN`` too)."""
    if surname:
        return list(_surnames_by_letters().get(fold(word), []))
    return same_letters(word)


def _listed_form(form: str, surname: bool) -> bool:
    """``form`` (any case), marks and all, is a listed surname (``surname``) or name
    syllable; `listed` asks the same of its letters only."""
    return form.title() in SURNAMES if surname else known_syllable(form)


@cache
def name_lexicons() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The letters (folded capitals) a name's first word may spell (the listed surnames)
    and those of its other words (the listed name syllables): the lexicons a blurred name
    band's reading is decoded against (`ctc_lexicon`)."""
    return (tuple(sorted(s.upper() for s in _surnames_by_letters())),
            tuple(sorted(syllable_letters())))


def listed(word: str, surname: bool) -> bool:
    return bool(listed_forms(word, surname))


#: Punctuation between two letters of one word ("I,ÂM" for LÂM, "P(LAN" for PHAN): blur
#: broke a letter into a stroke and a speck, or read a stroke as a bracket; it joins the
#: word's pieces, it does not end a word.
_INSIDE = re.compile(r"(?<=[^\W\d_])[.,`:;({\[](?=[^\W\d_])")


#: Lower-case letters shaped as their capitals (folded): a name printed in capitals read
#: as "MỸ vY" is still in capitals. Any other lower case ("Họ và tên") is page text.
_LOOK_ALIKE = frozenset("cosuvwxz")


#: Two or more capital words, then a rule, bar or equals sign and whatever follows: the
#: band's debris beyond the name ("TRẦN THỊ CHI = và là _-", fresh 551001 'Bản photo CCCD
#: 0092', the one view that read the name, refused for the lower case after it).
_DEBRIS = re.compile(r"^(\W*[^\W\d_a-z]{2,}(?:\s+[^\W\d_a-z]+)+)\s+[=|_—~].*$")


def _debris_cut(text: str) -> str:
    """``text`` without what follows the name beyond a rule or bar (`_DEBRIS`)."""
    return m.group(1) if (m := _DEBRIS.match(text)) and m.group(1).isupper() else text


def as_capitals(text: str) -> str:
    """``text`` in capitals when its only lower-case letters look like capitals."""
    lower = [c for c in text if c.islower()]
    return text.upper() if lower and all(fold(c) in _LOOK_ALIKE for c in lower) else text


#: What blur leaves of a woman's middle name THỊ (its dot below and thin I lost or doubled:
#: "TH", "TÌỊ"), folded. Not THE, THU: Thế and Thu are middle names too.
_THI_REMAINS = frozenset({"th", "thi", "tii", "thii", "tih"})


def _thi_with_ones(token: str) -> str:
    """A woman's middle word read with a 1 for a stroke ("T11", "T1I": two views of a
    photographed copy's THỊ, fresh 550201 'Bản photo CCCD 0081') is what blur leaves of THỊ
    when the 1s as I's make one of its remains; any other digit in a name is dropped."""
    letters = token.replace("1", "I")
    return letters if "1" in token and fold(letters) in _THI_REMAINS else token


def _unmerged(word: str, first: bool) -> list[str]:
    """A given-name word that is no syllable but two listed name syllables run together,
    split in one way only ("THILINH" on both of PP-OCR's views of Nguyễn Thị Linh, the gap
    between the words lost to blur, fresh 550301 0017): the two words; else the word."""
    if first or syllable_like(word) or listed(word, False):
        return [word]
    splits = [(word[:at], word[at:]) for at in range(2, len(word) - 1)
              if listed(word[:at], False) and listed(word[at:], False)]
    return list(splits[0]) if len(splits) == 1 else [word]


def _woman_middle(words: list[str], second: tuple[str, ...] = ()) -> list[str]:
    """A woman's middle words read as what blur leaves of THỊ, put back as THỊ; a bare TH
    is left alone where the second recogniser (``second``: its readings) read another
    listed name there (THU: fresh seed 549601 0067, Lê Thu Trang, not Lê Thị Trang)."""
    def other(i: int) -> bool:
        return any(len(ws) == len(words) and fold(ws[i]) != "thi" and same_letters(ws[i])
                   for ws in (r.split() for r in second))

    return [w if not 0 < i < len(words) - 1 or fold(w) not in _THI_REMAINS
            or (fold(w) == "th" and other(i)) else "THỊ"
            for i, w in enumerate(words)]


def vote_name(texts: list[str], letters_only: tuple[str, ...] = (),
              sex: str | None = None, ink: InkReader | None = None,
              lexical: tuple[str, ...] = ()) -> tuple[str, int] | None:
    """The name the band's readings (best view first) agree on, and the index in ``texts`` of
    a reading that spells it (its words' boxes are kept); None when no reading is a valid
    name.

    ``letters_only`` are a second recogniser's readings (PP-OCR, which writes the letters
    and vowel marks of a name, ĂÂĐÊÔƠƯ, but few of its tone marks): they vote on letters
    like any reading, never on tone marks; a word whose letters only they read takes its
    one listed form, or, when several are listed, the one a name at that place for a holder
    of that ``sex`` ("Nam", "Nữ", None: unknown) mostly carries (`name_usage`: a woman's
    middle PHUONG is Phương), else the name is refused.

    ``ink`` measures, for the voted number of words, which have a mark above their
    capitals (`name_ink.word_marks`): a word only the second recogniser read whose forms
    usage leaves open keeps those the ink allows (THANH with nothing above is Thanh, not
    Thành), and a mark the views read that the ink does not show goes when one listed form
    fits (GIÁ: Gia) (`_settle_with_ink`). A mark no listed form has, mended into one
    (`_marked_like`, `invented_mark`), is refused when the ink rules that form out and two
    other words of the name bear the ink out: fresh 556901 0011 (Nguyễn Phương Bảo Hoa, a
    card with its back) read HỌA on three views, mended into Hòa, the one marked form, with
    ink above NGUYỄN and BẢO and none above the word. Heard on one other word's say the
    ink was as often wrong as right there (555401 0010: DỰNG mended into Dũng, measured
    clear; 555901 0017: HỌA into Hòa, measured clear, wrong).

    ``sex`` "Nữ": the card's ID number says its holder is a woman; a middle word read as
    what blur leaves of THỊ ("TH", "TÌỊ") is then THỊ (`_woman_middle`).

    With the second recogniser's readings, a word no list has (MỮU read three times for
    HỮU) needs its letters among the second recogniser's too: Tesseract's views of one band
    repeat one misreading, so they count as one source there.

    ``lexical`` are readings by the name-line model (`intake.ocr.name_line`), which writes
    marks as Tesseract does and votes on letters and marks alike, after Tesseract's views
    (its index in the result is ``len(texts)`` on). It learnt names from the lists, so on
    a blurred band it may write a listed word that is not there (TRƯƠNG for PHƯƠNG on a
    development copy, 930001 'Bản photo CCCD 0282'): the list is no second source for it,
    and a word only it read is refused."""
    reads: list[tuple[str, int, bool]] = []
    mended: set[str] = set()  # surnames (folded) a reading was mended into, and as read
    as_read: set[str] = set()
    untaken: list[int] = []  # Tesseract's readings the vote cannot take (`_view_words`)
    marking = len(texts) + len(lexical)  # readings that write tone marks come first
    for index, text in enumerate([*texts, *lexical, *letters_only]):
        view = _view_words(text, sex)
        if view is None:
            if index < len(texts):
                untaken.append(index)
            continue
        raw, words = view
        (mended if words[0] != raw[0] else as_read).add(fold(words[0]))
        letters = " ".join(_woman_middle(words, letters_only) if sex == "Nữ" else words)
        parsed = parse_name(letters)
        valid = (parsed is not None and parsed.valid
                 and all(_word_shaped(w) for w in letters.split()))
        reads.append((letters, index, valid))
    found = [(letters, index) for letters, index, valid in reads if valid]
    if not found:
        return None
    surnames = set(_surnames_by_letters())
    folded = [fold(letters) for letters, _ in found]
    best = max(set(folded), key=lambda f: (f.split()[0] in surnames, folded.count(f),
                                           -folded.index(f)))
    target = best.split()
    lined = [(words, index) for letters, index, _ in reads
             if (words := lined_up(letters.split(), target)) is not None]
    aligned = [(words, index < marking) for words, index in lined]
    model = [words for words, index in lined if len(texts) <= index < marking]
    words: list[str] = []
    pending: dict[int, list[str]] = {}  # words only the second recogniser read: their forms
    for i, chosen in enumerate(target):
        column = [(ws[i], by_tess) for ws, by_tess in aligned if syllable_like(ws[i])]
        if not column:
            return None  # no reading has a syllable here ("UÁO" for BẢO)
        votes = [fold(w) for w, _ in column]
        spellings = surnames if i == 0 else {fold(w) for w, _ in column if same_letters(w)}
        if i == len(target) - 1:
            spellings = spellings - _MIDDLE_ONLY
        ranked = sorted(dict.fromkeys(votes), reverse=True,
                        key=lambda f: (f in spellings, votes.count(f), f == chosen))
        letters = ranked[0]
        if i == 0 and letters in mended - as_read and (mended & surnames) - {letters}:
            return None  # readings mended into two surnames (P.LAM: LÂM; PHLAM: PHẠM): guesses
        if len(ranked) > 1 and ((letters in spellings, votes.count(letters))
                                == (ranked[1] in spellings, votes.count(ranked[1]))
                                and letters != chosen):
            return None  # two letterings read equally often (MAI twice, HAI twice): no evidence
        if letters not in spellings and votes.count(letters) < 2:
            return None  # a word neither listed nor read twice: too weak to give as a name
        if votes.count(letters) <= sum(fold(ws[i]) == letters for ws in model):
            return None  # only the name-line model read it: the list is no second source
        if _outread_once(letters, ranked, votes, spellings, column, bool(letters_only)):
            return None  # read once by Tesseract, another listed word as often by PP-OCR
        if letters not in spellings and letters_only and not any(
                fold(w) == letters for w, by_tess in column if not by_tess):
            return None  # unlisted, and only Tesseract's views read it: one recogniser
        forms = tuple(w for w, by_tess in column if by_tess and fold(w) == letters)
        if not forms:  # only the second recogniser read these letters: the list's one form
            listed_as = listed_forms(letters, i == 0)
            if not listed_as:
                return None
            pending[i] = listed_as  # several: settled once every other word is (below)
            words.append(listed_as[0].upper())
            continue

        usual = (_grave_over_hook(forms, i == len(target) - 1, sex)
                 or _usual_of_disputed(forms, i == len(target) - 1, sex)
                 if i else None)
        if usual is not None:
            words.append(usual)
            continue

        def rank(form: str, i: int = i, forms: tuple[str, ...] = forms) -> tuple[bool, int]:
            known = _listed_form(form, i == 0)
            return known, forms.count(form)
        tied = [f for f in dict.fromkeys(forms) if rank(f) == max(map(rank, forms))]
        if len(tied) > 1 and rank(tied[0])[0]:
            form = _tie(tied)
            if form is None:
                return None  # listed names read equally often (Điệp / Diệp): no evidence
            words.append(form)
            continue
        chosen = max(forms, key=rank)  # max keeps the first of equals: the best view
        if i == 0:
            chosen = _the_surname(chosen)
        kept = _mark_kept(chosen, forms, i == len(target) - 1, sex) if i else chosen
        settled = _marks_settled(kept, forms, i == 0)
        if settled is None:
            return None  # views read two tone marks of listed names (THÙY, THỦY): hidden
        words.append(settled)
    # a word's form, marks and all, as a token of two readings or more (one a vote could
    # not take whole counts: "®Gt:YÊN THÀNH THÂNG"; the name-line model's is one: it
    # writes marks, development 941301 'Bản photo CCCD 0029' read THÀNH on one view and
    # by the model, and the ink, measured clear on the copy, made a wrong Thanh of it)
    tokens = [band_tokens(text) for text in texts]
    marking_tokens = [*tokens, *map(band_tokens, lexical)]
    twice = {i for i in range(1, len(words))
             if sum(words[i] in t for t in marking_tokens) >= 2}
    heard = _settle_with_ink(words, pending, ink, sex, twice)
    if heard is None:
        return None
    read = list(words)
    words[1:] = [_marked_like(w) for w in words[1:]]
    words[1:] = [(usual.upper() if (usual := invented_mark(w, i == len(words) - 1, sex))
                  else w) for i, w in enumerate(words[1:], 1)]
    if any(w != was and heard[i] is not None and marked_above(w) not in (None, heard[i])
           for i, (w, was) in enumerate(zip(words, read, strict=True))):
        return None  # a mark read on no listed form, mended into one the ink rules out
    if any(doubtful_mark(w) and not (fold(w) == "van" and i < len(words) - 1)
           for i, w in enumerate(words[1:], 1)):
        return None  # marks no listed form has, on letters several have: which one is hidden
    if _lone_swapped_mark(words, aligned):
        return None  # a word's mark from one view that swapped another word's mark
    if _marked_otherwise_unvoted(words, [tokens[k] for k in untaken]):
        return None  # a view the vote could not take read another listed form's mark
    lined_at = {index for _, index in lined}
    if _outread_unheard(words, aligned, [t for k, t in enumerate(marking_tokens)
                                         if k not in lined_at]):
        return None  # views that did not line up read another listed form more often
    if any(_word_count_differs(words, text) for text in lexical):
        return None  # the model read the name's ends with another number of words between
    # boxes from a Tesseract reading: one with the chosen letters, else one that lines up
    ours = [(fold(letters) != best, not _lines_up(letters.split(), target), index)
            for letters, index in found if index < marking]
    source = min(ours)[2] if ours else 0
    return " ".join(words), source


def model_named(texts: list[str], letters_only: tuple[str, ...],
                lexical: tuple[str, ...]) -> str | None:
    """The name-line model's reading (``lexical``) as the name, when the vote named no
    one: every word of it a listed form, marks and all (a listed surname, a listed name
    syllable), whose letters another recogniser read about alike (`near_letters`: one letter
    off, exactly for a word of one or two letters) as a word of one of its readings
    (Tesseract's ``texts``, PP-OCR's ``letters_only``), and no Tesseract view reading
    those letters with another listed form's marks (THỦY on every view where the model
    wrote THÚY, development 941101 0034).

    The vote takes no word only the model read (`vote_name`: the list is no second source
    for it), and on a photographed copy Tesseract's views of the band are mostly debris:
    development 941001 'Bản photo CCCD 0019' (Phan Văn Tùng) was read ĐH XÂX, hen s Ấn
    ... by Tesseract, PAAN VAN TUNG and PRAN VAN TENG by PP-OCR, PHAN VĂN TÙNG by the
    model. Another recogniser reading a word's letters one letter off is evidence the
    model's word is on the band; the TRƯƠNG it wrote for PHƯƠNG on development 930001
    'Bản photo CCCD 0282' no other reading came within one letter of."""
    if len(lexical) != 1:
        return None
    name = lexical[0]
    words = name.split()
    parsed = parse_name(name)
    if len(words) < 2 or parsed is None or not parsed.valid:
        return None
    marked = [t for text in texts for t in band_tokens(text)]  # Tesseract's, marks and all
    others = [fold(t) for t in marked] + [fold(t) for text in letters_only
                                          for t in band_tokens(text)]
    for i, word in enumerate(words):
        if not _listed_form(word, i == 0):
            return None
        letters = fold(word)
        if not any(near_letters(letters, other) for other in others):
            return None
        if any(fold(t) == letters and t != word and _listed_form(t, i == 0) for t in marked):
            return None  # a view read these letters with another listed form's marks
    return name


def _word_count_differs(words: list[str], model: str) -> bool:
    """Whether the name-line model's reading (``model``) has the voted name's first and
    last words (letters folded) with another number of words between: the vote lost or
    made up a word. Development 941301 'Bản photo CCCD 0035' (Bùi Thị Cúc, a photographed
    copy): the views read THỊ as 111, T1I, 1T, which the vote drops as debris, and named
    Bùi Cúc; the model read BÙI THI CÚC. On the 367 names voted over development seeds
    941001-941301 where the model read the band, its number of words differed from the
    vote's on this one, wrong, name alone."""
    theirs = [fold(w) for w in model.split()]
    mine = [fold(w) for w in words]
    return (len(theirs) >= 2 and len(theirs) != len(mine)
            and theirs[0] == mine[0] and theirs[-1] == mine[-1])


def band_tokens(text: str) -> list[str]:
    """A band reading's words in capitals, punctuation out, as read (nothing mended)."""
    return re.sub(r"[^\w\s]|_", " ", text.upper()).split()


def near_letters(letters: str, other: str) -> bool:
    """Whether ``other`` (folded) spells ``letters`` (folded) or one letter off them;
    a word of one or two letters only exactly."""
    if len(letters) <= 2:
        return other == letters
    return Levenshtein.distance(letters, other, score_cutoff=1) <= 1


def _marked_otherwise_unvoted(words: list[str], untaken: list[list[str]]) -> bool:
    """Whether a view the vote could not take (`_view_words`: a word in lower case, "kKIM"
    for KIM; ``untaken``: each such view's tokens in capitals) read, at the place of a
    marked word after the surname, another listed form of its letters with another tone
    mark: the views the vote heard did not settle the mark alone. Development 556601 0049
    (Nguyễn Thùy Kim Yến, a photographed copy): one view was taken, NGUYÊN TIIÚY KEM YẾN,
    and three read NGUYÊN THỦY with KIM in lower case; Nguyễn Thúy Kim Yến was given."""
    for tokens in untaken:
        if len(tokens) != len(words):
            continue
        for word, token in list(zip(words, tokens, strict=True))[1:]:
            if tone_of(word) and tone_of(token) and token != word \
                    and untoned(token) == untoned(word) and known_syllable(token):
                return True
    return False


def _outread_unheard(words: list[str], aligned: list[tuple[list[str], bool]],
                     unheard: list[list[str]]) -> bool:
    """Whether, at a word after the surname, readings the vote did not hear (another word
    of theirs too far off the name's to line up; ``unheard``: their tokens, those with as
    many as the name counted) read another listed form of its letters twice or more, and
    more often than the readings heard read the word's own form. Development 943001
    'Bản photo CCCD 0030' (Nguyễn Trọng Bảo Nhân, a photographed copy): three views read
    NHÂN, but NHÀIYÊN for NGUYỄN, so none lined up; the model alone, heard, read NHÀN,
    and Nguyễn Trọng Bảo Nhàn was given."""
    return any(outread(word, [t[i] for t in unheard if len(t) == len(words)],
                       sum(ws[i] == word for ws, by_tess in aligned if by_tess))
               for i, word in enumerate(words[1:], 1))


def outread(word: str, at: list[str], own: int) -> bool:
    """Whether ``at`` (capitals: what readings with as many words as the name read at
    ``word``'s place) spells another listed form of ``word``'s letters twice or more, and
    more often than ``word`` was read by the readings that count for it (``own``). Shared
    by the vote (`_outread_unheard`: the readings it did not hear against those it did)
    and the marks the MRZ's names line takes (`card_name_check._outread_at`)."""
    other = [w for w in at if w != word and fold(w) == fold(word) and known_syllable(w)]
    return bool(other) and max(map(other.count, other)) >= max(2, own + 1)


def _lone_swapped_mark(words: list[str], aligned: list[tuple[list[str], bool]]) -> bool:
    """Whether a word after the surname has its tone mark read by one Tesseract view alone,
    another listed form differs from it in that mark alone, and the same view read
    another word of the name with one tone mark for another (HUÝNH for Huỳnh): a view that
    swaps an acute for a grave on one word is no witness for the acute of the next.
    Fresh 557101 'Bản photo CCCD 0007' (Huỳnh Thùy Nhi, a photographed copy) was named
    from its band sharpened: one view read HIUÝNH THÚY NHI, no other view a mark on THUY,
    and Huỳnh Thúy Nhi was given."""
    for i, word in enumerate(words[1:], 1):
        if not tone_of(word) or not any(untoned(f.upper()) == untoned(word)
                                        and f.upper() != word for f in same_letters(word)):
            continue
        givers = [ws for ws, by_tess in aligned
                  if by_tess and untoned(ws[i]) == untoned(word) and tone_of(ws[i])]
        if len(givers) != 1 or givers[0][i] != word:
            continue  # several views read a mark there, or the vote mended it
        view = givers[0]
        if any(j != i and tone_of(theirs) and tone_of(mine) and tone_of(theirs) != tone_of(mine)
               and untoned(theirs) == untoned(mine)
               for j, (mine, theirs) in enumerate(zip(words, view, strict=True))):
            return True
    return False


def _outread_once(letters: str, ranked: list[str], votes: list[str], spellings: set[str],
                  column: list[tuple[str, bool]], second: bool) -> bool:
    """Whether the word voted at a place (``letters``, folded) was read once, by Tesseract
    alone, where the second recogniser read another listed word there as often: two
    recognisers each reading a different name once is no evidence for either, and the
    tie went to the first whole name read only because it came first. Development
    920001 0284 (Phan Tiến Thành, a card photographed with its back): one
    Tesseract view read PHAN TIỀN TRANG, the others THAI and debris, PP-OCR's views THANH
    and THAMH; Phan Tiến Trang was given."""
    if not second or votes.count(letters) != 1:
        return False
    if any(fold(w) == letters for w, by_tess in column if not by_tess):
        return False
    return any(f != letters and f in spellings and votes.count(f) == 1
               and any(fold(w) == f for w, by_tess in column if not by_tess) for f in ranked)


def _view_words(text: str, sex: str | None) -> tuple[list[str], list[str]] | None:
    """One reading of a name band as the vote takes it (`vote_name`): its words as read
    (in capitals, debris, digits and punctuation out, words run together split) and as
    mended (a U or H broken into strokes put back, `_unbroken`; what blur leaves of a
    woman's middle THỊ kept); None for a reading with no capitals word."""
    tokens = re.sub(r"[^\w\s]|_", " ", _INSIDE.sub("", as_capitals(_debris_cut(text))),
                    ).split()
    if sex == "Nữ":  # her middle THỊ read with 1s for its strokes ("T11"): THỊ's remains
        tokens = [_thi_with_ones(t) if 0 < i < len(tokens) - 1 else t
                  for i, t in enumerate(tokens)]
    if _holed(tokens):
        return None
    letters = " ".join(re.sub(r"\d", " ", " ".join(tokens)).split())
    if not letters or letters.upper() != letters:
        return None
    raw = [part for i, w in enumerate(_rejoined(letters.split()))
           for part in _unmerged(w, i == 0)]
    # what blur leaves of a woman's middle THỊ ("TII") is hers, not a U mended (TU)
    words = [w if sex == "Nữ" and 0 < i < len(raw) - 1 and fold(w) in _THI_REMAINS
             else _unbroken(w, i == 0) for i, w in enumerate(raw)]
    return raw, words


def _holed(tokens: list[str]) -> bool:
    """Whether a token of digits alone sits between two tokens with letters: a word of the
    name read as digits, which dropping would leave a name a word short. Fresh 555901 0025
    (Trương Thanh Huệ, a photographed copy) was read "TRƯƠNG, 10469 LỆ" and "THƯƠNG, 1©“
    SẺ", and Trương Lệ was given. A digit among letters ("1HỊ" for THỊ) stands for a letter
    and is left to the rest of the vote."""
    lettered = [i for i, t in enumerate(tokens) if re.search(r"[^\W\d_]", t)]
    return bool(lettered) and any(not re.search(r"[^\W\d_]", tokens[i])
                                  for i in range(lettered[0] + 1, lettered[-1]))


def _rejoined(words: list[str]) -> list[str]:
    """``words`` with a surname blur split in two put back whole ("NGU YÊN THANH TÂM" on
    two Tesseract views of development photocopy 930001 0296, Nguyễn Thanh Tâm; the vote
    made NGUYỄN TÂM of the four views): the first two words, the first no listed surname,
    that together spell one and leave a given name after them."""
    if len(words) > 2 and not listed(words[0], True) and listed(words[0] + words[1], True):
        return [words[0] + words[1], *words[2:]]
    return words


def marks_disputed(name: str, texts: list[str], sex: str | None) -> bool:
    """Whether a reading among ``texts`` (with as many words as ``name``, in capitals)
    spells a word of ``name`` after the surname with the same letters as another listed
    form (THÀNH where ``name`` has THANH): those readings leave its marks in doubt."""
    words = name.upper().split()
    for text in texts:
        view = _view_words(text, sex)
        if view is None or len(view[1]) != len(words):
            continue
        for mine, theirs in list(zip(words, view[1], strict=True))[1:]:
            if fold(mine) == fold(theirs) and mine != theirs and known_syllable(mine) \
                    and known_syllable(theirs):
                return True
    return False


def read_as_voted(text: str, sex: str | None) -> list[str]:
    """A name band's reading as the vote reads it, word by word, folded capitals
    (`_view_words`: broken letters mended); empty when it has no capitals word."""
    view = _view_words(text, sex)
    return [fold(w).upper() for w in view[1]] if view is not None else []


#: Per word of a band read as that many words: a mark above its capitals (True), none
#: (False), unsure (None); None when the band cannot be split so (`name_ink.word_marks`).
InkReader = Callable[[int], "list[bool | None] | None"]


def _settle_with_ink(words: list[str], pending: dict[int, list[str]], ink: InkReader | None,
                    sex: str | None, twice: set[int] = frozenset(),
                    ) -> list[bool | None] | None:
    """Give each word only the second recogniser read (``pending``: its listed forms) its
    form, in place in ``words``, and hear the band's ink on the others; None when the name
    is refused, else the ink's call on each word where two other words or more bear it out
    (None where not): what a mark mended after this is checked against (`vote_name`).

    A pending word of one listed form takes it; of several, the form a name at this place
    for this ``sex`` mostly carries (`name_usage`), as before; when usage leaves them open,
    the forms the band's ink rules out go (`name_ink`): ink above the capitals is a tone
    mark, hat or breve (Thành, Ánh), none is none (Thanh, Anh). A word Tesseract's views
    voted whose marks the ink contradicts (GIÁ with nothing above it, HÒA read once among
    HỌA and HÓA) takes the one listed form of its letters the ink allows (Gia, Hoa); with
    none, it stays as read (a grave crowding a Ỳ's arm leaves no ink above the capitals:
    Quỳnh, measured clear on three of the consumed seeds' bands, has no unmarked form).
    But a listed form two readings show, marks and all (``twice``), that the ink measures
    clear is refused, not mended: on development photocopy 930001 0415 two views read
    THÀNH, two THANH, and the ink, the grave thinned out on the copy, made the tie's
    Thành a wrong Thanh.

    The ink is heard on a word only when it agrees with every other word of the name it is
    sure of (NGUYỄN marked, MINH clear) and is sure of at least one: a band split into the
    wrong words, or with another line's ink above it, shows there. A word only the second
    recogniser read counts among those when its letters have one listed form: development
    photocopy 930001 0054 (Nguyễn Bảo Hùng), the ink clear above BAO, whose one form is
    Bảo, and above HUNG, made a wrong Hưng of it. A surname's marks are the
    list's (`_the_surname`), never the ink's: on the consumed seeds three of the ink's five
    wrong calls on clear words were on surnames (PHAN, PHẠM)."""
    seen = ink(len(words)) if ink is not None else None

    def heard(i: int, two: bool = False) -> bool | None:
        """The ink's call on word ``i``, when the other words bear it out (``two``: at
        least two of them)."""
        if seen is None or seen[i] is None:
            return None
        sure = [(marked_above(w), seen[j]) for j, w in enumerate(words)
                if j != i and (j not in pending or len(pending[j]) == 1)
                and marked_above(w) is not None and seen[j] is not None]
        if not sure or any(expected != measured for expected, measured in sure):
            return None
        if two and len(sure) < 2:
            return None
        return seen[i]

    for i in range(1, len(words)):
        expected, measured = marked_above(words[i]), heard(i) if i not in pending else None
        if None in (expected, measured) or expected == measured:
            continue
        fits = [f for f in same_letters(words[i]) if marked_above(f) == measured]
        if len(fits) == 1 and i in twice and _listed_form(words[i], False) and not measured:
            return None  # THÀNH read twice, listed; the ink's Thanh listed too: no evidence
        if len(fits) == 1:  # no form fits: the ink missed a mark crowding a capital (Ỳ)
            words[i] = fits[0].upper()
    for i, listed_as in pending.items():
        left = listed_as
        if len(left) > 1 and i:
            usual = usage_choice(left, i == len(words) - 1, sex)
            left = [usual] if usual else left
        if len(left) > 1 and (measured := heard(i)) is not None:
            left = [f for f in left if marked_above(f) in (measured, None)]
        if len(left) != 1:
            return None
        words[i] = left[0].upper()
    return [heard(i, two=True) for i in range(len(words))]


_GRAVE, _HOOK = "\u0300", "\u0309"


#: How many times as usual at a name's place the grave form of a word read with a hook
#: must be for the hook to be in doubt. On the logged views of ten fresh seeds
#: (552001-552901) Tesseract read THÙY as THỦY on 41 of 131 views and THỦY as THỦY on 36
#: of 40: a hook read is 0.35 times as likely from Thùy as from Thủy, so it is at least as
#: likely Thùy's where Thùy is about three times as usual. (Over all words a grave was
#: read as a hook on 54 of 1,395 views; Ù is where blur makes a hook of it.)
GRAVE_FOR_HOOK = 3.0


def hook_for_grave(word: str, given: bool, sex: str | None) -> str | None:
    """The listed grave form (Thùy) of a middle or given ``word`` read with a hook (THỦY),
    when a name at this place for a holder of this ``sex`` carries it `GRAVE_FOR_HOOK`
    times as often as the hook form (`name_usage`: a woman's middle name, Thùy 13, Thủy
    3; smoothed, 3.9 times): the hook read is then as likely the grave blurred, and the
    name is in doubt. Every view read THỦY for Thùy on fresh 552601 'Bản photo CCCD 0027'
    and 552701 0070, 0096 and 'Bản photo CCCD 0097' (all women's middle names), and "Thủy"
    was given. None otherwise (a woman's given name: Thùy 9, Thủy 6)."""
    if tone_of(word) != _HOOK:
        return None
    forms = same_letters(word)
    read = [f for f in forms if f.upper() == word.upper()]
    if not read:
        return None
    graves = [f for f in forms if tone_of(f) == _GRAVE and untoned(f) == untoned(read[0])]
    if len(graves) != 1:
        return None
    grave, hook = usage_weight(graves[0], given, sex), usage_weight(read[0], given, sex)
    if grave is None or hook is None or grave < GRAVE_FOR_HOOK * hook:
        return None
    return graves[0]


def _grave_over_hook(forms: tuple[str, ...], given: bool, sex: str | None) -> str | None:
    """The views read one word's letters with a grave and with a hook, both listed forms
    (THÙY and THỦY): the grave, which a view saw. Tesseract reads a blurred grave as a
    hook and hardly ever a hook as a grave: on the name bands of six consumed seeds
    (549401, 549701-550101, every view kept) THÙY was read THỦY on 32 of 62 views, a
    hook read as a grave once in 282 (BẢO as BÀO), and THỦY never as THÙY (24 views).
    The six names whose views so disputed a word on those seeds were all Thùy (the vote
    refused them). Other disputes (THÚY and THỦY: blur turns hooks into acutes and acutes
    into hooks) are left to the rules below.

    Only where the grave form is the usual one at this place for this sex
    (`hook_for_grave`: a woman's middle Thùy, 13 to Thủy's 3): fresh 554701 0086, Trương
    Bích Thủy, a woman's given name (Thùy 9, Thủy 6), was read THỦY twice and THÙY twice,
    and Thùy was given."""
    read = {f for f in forms if known_syllable(f)}
    if len(read) != 2 or len({untoned(f) for f in read}) != 1:
        return None
    graves = [f for f in read if tone_of(f) == _GRAVE]
    hooks = [f for f in read if tone_of(f) == _HOOK]
    if len(graves) != 1 or len(hooks) != 1:
        return None
    usual = hook_for_grave(hooks[0], given, sex)
    return graves[0] if usual is not None and usual.upper() == graves[0].upper() else None


def _usual_of_disputed(forms: tuple[str, ...], given: bool, sex: str | None) -> str | None:
    """The views read two or more listed forms of one word's letters (DUNG twice, DŨNG once;
    MY twice, MỸ twice): their tone marks are in dispute, and the form a name at this place
    for this sex mostly carries (`name_usage`), when one dominates and a view read it, is
    the word (consumed 549801: a woman's given Dung, read DŨNG and DỤNG once each, and her
    given My read MỸ on two views of four; both were refused). None when the views agree,
    or usage leaves the choice open: the rules below decide then."""
    read = {f for f in forms if known_syllable(f)}
    if len(read) < 2:
        return None
    usual = usage_choice(same_letters(next(iter(read))), given, sex)
    return usual.upper() if usual is not None and usual.upper() in read else None


def _the_surname(word: str) -> str:
    """A surname read with tone marks no listed surname of its letters has (PHẨM, blur's
    hat and hook for Phạm's dot, consumed 549801 "Bản photo CCCD 0024"), when its letters
    spell exactly one listed surname: that surname. The letters were voted on already;
    a surname's marks say nothing more when only one surname has those letters."""
    if word.title() in SURNAMES:
        return word
    spelled = listed_forms(word, surname=True)
    return spelled[0].upper() if len(spelled) == 1 else word


def invented_mark(word: str, given: bool, sex: str | None) -> str | None:
    """The listed form a middle or given ``word`` (any case) is, when it was read with
    tone marks none of its letters' listed forms has: the usual one at this place for this
    sex, when one dominates (`name_usage`). None otherwise (the word then stays doubtful).
    Used by the zone vote and by the label-read name's check alike.

    The mark read says nothing of which form it was: noise on toneless forms (THỦ for Thu
    or Thư, read so on every view of two sharp fresh cards, 549501 0036 and 549601 0032),
    or a mark misread on marked ones (ĐỈNH for Đình or Định, every view of fresh 552201
    'Bản photo CCCD 0080'), so the letters leave the forms and usage chooses, as for a mark
    lost. A misread mark may still lean to the less usual form, so usage must dominate
    more there (`MISREAD_DOMINANT`): a man's HIẾN (Hiển 19, Hiền 4) and a woman's (Hiền 9,
    Hiển 3) go to review."""
    forms = same_letters(word)
    if not doubtful_mark(word) or fold(word) == "van":
        return None  # a middle VAN is the card's sex's (`card_name_check._middle_by_sex`)
    misread = any(tone_of(f) for f in forms)  # not noise: a mark misread
    return usage_choice(forms, given, sex, MISREAD_DOMINANT if misread else DOMINANT)


def doubtful_mark(word: str) -> bool:
    """A given-name word whose letters spell several listed syllables but whose marks, as
    read, are none of them ("HIẾN": Hiền or Hiển? "THỦ": Thu or Thư?): blur has hidden which
    one it is, and a name given with either may be wrong. (A middle Văn / Vân read "VẤN" is
    left to the card's sex: `card_name_check`.)"""
    return not known_syllable(word) and len(same_letters(word)) > 1


def _mark_kept(chosen: str, forms: tuple[str, ...], given: bool = False,
               sex: str | None = None) -> str:
    """A listed form without a tone mark (TIÊN) read no more often than the same letters
    with a mark no listed form has (TIỀN twice, TIÊN twice): the mark was read, only on
    the wrong vowel mark or the wrong way; when it points to one listed marked form
    (`_marked_like`: Tiến), that is the word, as a tie between a marked and an unmarked
    listed form is (`_tie`).

    Read fewer times than the unmarked form, such a mark is still taken when that marked
    form is the one a name at this place for a holder of this ``sex`` mostly carries
    (`name_usage`): a man's given name read TIỀN once and TIÊN three times (fresh 552201
    0052, Nguyễn Duy Tiến, a photographed copy) is Tiến. Blur erases a thin mark far more
    often than it draws one, and the unmarked form, against usage, was refused anyway
    (`card_name_check._refuse_unusual_marks`).

    A mark read on the chosen word's own letters and vowel marks (HỮNG for HƯNG: the horn
    read too) is not mended into a form with other vowel marks: fresh 557801 0069 (Phan
    Duy Hưng, a photographed copy) read HƯNG twice and HỮNG twice, and Hùng, the one
    marked form of HUNG, was given; fresh 558301 0063 (Nguyễn Duy Văn Nhân, a card
    photographed alone, shaken) read NHẦN once and NHÂN once on the views that lined up,
    and Nhàn was given. The vowel marks read are the chosen word's; the tone mark on them
    is the stray."""
    if tone_of(chosen) or not known_syllable(chosen):
        return chosen
    marked = [f for f in forms if tone_of(f) and not known_syllable(f)]
    meant = {_marked_like(f) for f in marked}
    if len(meant) != 1:
        return chosen
    form = meant.pop()
    if not known_syllable(form):
        return chosen
    if untoned(form) != untoned(chosen) and all(untoned(f) == chosen for f in marked):
        return chosen  # a mark on the chosen word's own vowels: not Hùng for HỮNG
    if len(marked) >= forms.count(chosen):
        return form
    usual = usage_choice(same_letters(form), given, sex)
    return form if usual is not None and usual.upper() == form.upper() else chosen


def _marks_settled(chosen: str, forms: tuple[str, ...], surname: bool) -> str | None:
    """The word once the views' other listed forms of its letters are heard: a view that
    read another tone mark on a listed form (THÙY once, THỦY three times) leaves the mark
    in doubt, and the name is refused (None), however the others voted; a view that read
    the one listed marked form where the rest read the word unmarked (YẾN once, YÊN three
    times) read what the others lost, since blur erases a thin mark in a binarised view far
    more often than it draws one (as in `_tie`). Views reading, at least as often as the
    chosen form, a mark no listed form has that points to another listed form
    (`_marked_like`: THỨY, Thúy, three times against THỦY once) dispute it too. Measured
    on the name bands of four development seeds (444 card fronts of seeds 546501, 548001,
    549001, 549101): where two tone marks were read, the majority was right on 2 of 4
    names; a lone marked reading against unmarked ones was right on 2 of 2. Names right
    355 before and after, wrong 20 -> 16 (docs/photos.md).

    The bar of Đ likewise: a view that read the listed form with a plain D (DIỆP once,
    ĐIỆP three times: fresh 553401 'Bản photo CCCD 0093', Nguyễn Khánh Diệp given as
    Điệp) puts the chosen Đ in doubt. On the name bands of 200 development photos (553201,
    553301) Tesseract's views read a printed Đ as D on none of 73 views, and a printed D as
    Đ on 4 of 55: it draws a bar where none is, it does not lose one. A lone Đ against D
    is that invention and leaves D chosen."""
    if not _listed_form(chosen, surname):
        return chosen
    if chosen[:1] == "Đ" and any(f[:1] == "D" and _listed_form(f, surname) for f in forms):
        return None
    if not surname and tone_of(chosen):
        # views reading, as often, a mark no listed form has that points to another listed
        # form (THỨY, for Thúy, three times; THỦY once, fresh 552301 0063, Vũ Thùy Giang)
        against = [f for f in forms if tone_of(f) and not known_syllable(f)
                   and known_syllable(meant := _marked_like(f)) and meant != chosen.upper()]
        if against and len(against) >= forms.count(chosen):
            return None
    marked = {f for f in forms if f != chosen and tone_of(f) and _listed_form(f, surname)}
    if not marked:
        return chosen
    if tone_of(chosen):
        return None if any(tone_of(f) != tone_of(chosen) for f in marked) else chosen
    # the lost mark: the one marked form that is the chosen word with a tone mark added
    # (YẾN for YÊN; HÙNG against HƯNG also changes the vowel: two readings, in doubt)
    lost = [f for f in marked if untoned(f) == chosen]
    return lost[0] if len(lost) == len(marked) == 1 else None


def _tie(forms: list[str]) -> str | None:
    """Of two listed forms read equally often, the one with a tone mark when the other is
    the same without it (THÀNH twice, THANH twice; YẾN twice, YÊN twice, consumed 549901
    0027: blur loses marks more often than it adds them); else None (HÙNG, HƯNG: the
    vowels differ too)."""
    if len(forms) != 2:
        return None
    toned = [f for f in forms if tone_of(f)]
    return toned[0] if len(toned) == 1 and untoned(toned[0]) in forms else None


#: What blur makes of a U in a name (NGLIYÊN, TLYẾT): tried only on a word that is no
#: syllable, kept only when it then spells a listed surname or name syllable.
_U_BROKEN = ("LI", "LJ", "IJ", "II", "L")


def _unbroken(word: str, surname: bool) -> str:
    """``word`` with a U that OCR broke into two strokes put back ("TLYẾT" -> "TUYẾT"), or
    an H read as two I's ("NIII" -> "NHI" on every view of a development photocopy), when
    that makes a listed surname (first word) or name syllable of a non-syllable; a
    first word that is a listed surname with one letter too many ("PHAAM", "TNRẦN") is
    that surname (only a letter too many: one too few or one changed, "NGÀ" for NGUYỄN
    split in two, would make NGÔ of it); a vowel read twice is one (`_undoubled`)."""
    if syllable_like(word):
        return word
    if (undoubled := _undoubled(word, surname)) is not None:
        return undoubled
    for broken in _U_BROKEN:
        at = word.find(broken)
        while at >= 0:
            mended = word[:at] + "U" + word[at + len(broken):]
            if listed(mended, surname):
                return mended
            at = word.find(broken, at + 1)
    spelled = [m for at in range(len(word) - 1) if word[at:at + 2] == "II"
               and listed(m := word[:at] + "H" + word[at + 2:], surname)]
    if len(spelled) == 1:  # an H read as two strokes ("NIII" on every view of NHI)
        return spelled[0]
    if not re.search(r"[aeiouy]", fold(word)):  # no vowel: a thin I blur erased ("BCH")
        options = {word[:at] + "I" + word[at:] for at in range(1, len(word))}
        spelled = [m for m in options if listed(m, surname)]
        if len(spelled) == 1:
            return spelled[0]
    if surname and len(word) > 3:  # a speck or a broken stroke read as a letter ("PHAAM")
        spelled = {m for at in range(len(word)) if listed(m := word[:at] + word[at + 1:], True)}
        if len({fold(m) for m in spelled}) == 1:  # PHẠAM: PHẠM or PHAM, one surname
            return max(sorted(spelled), key=lambda m: m.title() in SURNAMES)
    return word


_VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn


def _undoubled(word: str, surname: bool) -> str | None:
    """``word`` with a vowel read twice made one, when that spells a listed form, marks and
    all (a listed surname for the first word, a name syllable after it): Tesseract reads a
    vowel's marks as a second vowel (YẾÊN, QUÝỲNH, PHẠAM, ĐỈÌNH on the logged views of
    fresh seeds 552001-552701). The vowel carrying both copies' marks is the word when it
    is listed (YẾ + Ê: YẾN; on fresh 552901 0080, Nguyễn Hải Yến, the one view that saw
    the acute read YẾÊN, the three others YÊN, and the name was refused as unusual);
    else the one copy that leaves a listed form (QUÝỲNH: QUỲNH, not QUÝNH). None when
    no vowel is doubled or no single form is listed."""
    letters = [fold(c) for c in word]
    for at in range(len(word) - 1):
        if letters[at] != letters[at + 1] or letters[at] not in "aeiouy":
            continue
        drops = {word[:at] + word[at + 1:], word[:at + 1] + word[at + 2:]}
        merged = _merged_vowel(word[at], word[at + 1])
        if merged is not None and _listed_form(form := word[:at] + merged + word[at + 2:],
                                                 surname):
            return form
        listed_drops = [d for d in drops if _listed_form(d, surname)]
        if len(listed_drops) == 1:
            return listed_drops[0]
    return None


def _merged_vowel(one: str, other: str) -> str | None:
    """One vowel with both readings' marks (Ế and Ê: Ế); None when they carry two tone
    marks or two vowel marks (Ý and Ỳ), which no one letter has."""
    marks = {c for ch in (one, other) for c in unicodedata.normalize("NFD", ch)[1:]}
    if len(marks & _TONES) > 1 or len(marks & _VOWEL_MARKS) > 1:
        return None
    base = unicodedata.normalize("NFD", one)[0]
    ordered = sorted(marks, key=lambda c: c in _TONES)  # vowel mark, then tone mark
    merged = unicodedata.normalize("NFC", base + "".join(ordered))
    return merged if len(merged) == 1 else None


#: Middle-name markers (Thị for women, Văn for men): listed syllables, but a name almost
#: never ends with one, so as the last word they count as unlisted (TRÍ beats THỊ there).
_MIDDLE_ONLY = frozenset({"thi", "van"})


def lined_up(words: list[str], target: list[str]) -> list[str] | None:
    """A reading's words as they line up with ``target`` (`_lines_up`); a reading with one
    word too many lines up when joining two neighbours, in one place only, makes it do so:
    blur split a word at a thin letter (NGÁ' VÊN, NGA! YÊN for NGUYỄN on two views of fresh
    552301 0082, whose other words THỊ THÙY NGỌC were read right and went unheard). Neither
    piece may be near the word alone: PHẬM T THỦY against PHAM HY is PHẬM with what is left
    of a middle THỊ, not a surname in two pieces."""
    if _lines_up(words, target):
        return words
    if len(words) != len(target) + 1:
        return None
    joins = [joined for at in range(len(target))
             if not any(Levenshtein.distance(fold(piece), target[at]) <= 2
                        for piece in words[at:at + 2])  # a piece is the word: one too many
             and _lines_up(joined := [*words[:at], words[at] + words[at + 1], *words[at + 2:]],
                           target)]
    return joins[0] if len(joins) == 1 else None


def _lines_up(words: list[str], target: list[str]) -> bool:
    """Same number of words as ``target`` (folded), each within two letters of its own."""
    return len(words) == len(target) and all(
        Levenshtein.distance(fold(w), t) <= 2 for w, t in zip(words, target, strict=True))


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave acute tilde hook dot


def tone_of(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if c in _TONES)


def untoned(word: str) -> str:
    """``word`` without its tone mark, its vowel marks (ÂĂÊÔƠƯ) kept."""
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in _TONES))


def _marked_like(word: str) -> str:
    """A given-name word read with a tone mark no name syllable has ("TIỀN", "THỪY"): the one
    listed syllable with these letters and the tone mark read, when the mark sat on a
    misread vowel (THỪY: Thùy, not Thúy or Thủy); else, since blur swaps one tone mark for
    another far more often than it invents one, when exactly one listed syllable with these
    letters carries a tone mark (Tiến, not Tiên), that is the word.
    Unmarked and listed words are left alone (repair_given_names handles the rest)."""
    if known_syllable(word) or not tone_of(word):
        return word
    marked = [s for s in same_letters(word) if tone_of(s)]
    toned = [s for s in marked if tone_of(s) == tone_of(word)]
    if len(toned) == 1:  # the tone mark read, on another vowel mark: THỪY is Thùy
        return toned[0].upper()
    return marked[0].upper() if len(marked) == 1 else word
