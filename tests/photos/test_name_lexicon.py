"""A blurred name band's PP-OCR reading decoded against the listed names (`ctc_lexicon`),
and the name vote that falls back on it when the band's readings as read name no one."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from intake.extract.card_names import name_lexicons, vote_name
from intake.extract.card_zones import (
    LEXICON_GAP,
    LEXICON_MARGIN,
    _as_many_words,
    _decoded,
    _decoded_alike,
    vote_band,
)
from intake.ocr.ctc_lexicon import FOLDED_LETTERS, ctc_log_likelihood, decode_words
from intake.ocr.ppocr_lines import NAME_LETTERS, LineRecognizer
from tests.photos.test_card_second_reader import BOLD, _blurred_line


def _frames(rows: list[dict[str, float]]) -> np.ndarray:
    """T x (blank, letters, space) log-probabilities from each frame's probabilities by
    symbol ("-" the blank, " " the space); what a frame does not name shares the rest."""
    size = len(FOLDED_LETTERS) + 2
    out = np.zeros((len(rows), size))
    for t, row in enumerate(rows):
        named = {("-" if k == "-" else k): v for k, v in row.items()}
        rest = (1.0 - sum(named.values())) / (size - len(named))
        for col in range(size):
            symbol = "-" if col == 0 else " " if col == size - 1 else FOLDED_LETTERS[col - 1]
            out[t, col] = named.get(symbol, rest)
    return np.log(out)


def test_likelihood_is_the_sum_over_every_alignment() -> None:
    """The forward pass against brute force: every path over blank, A and N of six frames
    that collapses to "AN" (repeats merged, blanks dropped), probabilities multiplied,
    summed. Paths through other letters cannot spell AN, so the sum is exact."""
    rng = np.random.default_rng(7)
    rows = []
    for _ in range(6):
        p = rng.dirichlet(np.ones(3)) * 0.9
        rows.append({"-": p[0], "A": p[1], "N": p[2]})
    logp = _frames(rows)
    cols = {"-": 0, "A": 1 + FOLDED_LETTERS.index("A"), "N": 1 + FOLDED_LETTERS.index("N")}
    total = 0.0
    for path in itertools.product("-AN", repeat=6):
        collapsed = "".join(k for k, _ in itertools.groupby(path) if k != "-")
        if collapsed == "AN":
            total += math.exp(sum(logp[t, cols[s]] for t, s in enumerate(path)))
    assert ctc_log_likelihood(logp, "AN") == pytest.approx(math.log(total), rel=1e-9)
    # a doubled letter needs a blank between its two: "NN" over "N N" frames only
    assert ctc_log_likelihood(_frames([{"N": 0.99}] * 3), "NN") < math.log(0.01)


def test_a_letter_read_between_two_takes_the_listed_word() -> None:
    """PHAN where the frame of its H read R at 0.5 and H at 0.4: the greedy reading is
    PRAN, no name; the lexicon's PHAN explains the frames almost as well (small gap) and far
    better than its next word (TRAN needs a T the first frame did not see)."""
    frames = _frames([{"P": 0.9}, {"-": 0.9}, {"R": 0.5, "H": 0.4}, {"-": 0.9}, {"A": 0.9},
                      {"-": 0.9}, {"N": 0.9}])
    (word,) = decode_words(frames, [["PHAN", "PHAM", "TRAN"]])
    assert (word.word, word.read) == ("PHAN", "PRAN")
    assert word.margin > LEXICON_MARGIN and 0 < word.gap < LEXICON_GAP


def test_letters_the_model_cannot_write_come_back(recognizer: LineRecognizer) -> None:
    """PP-OCR's dictionary has no Ồ, Ấ, Ợ, Ễ, Ỹ: on a small print of HỒ TẤN LỢI it writes
    "H TN LI", and of NGUYỄN HOÀI MỸ NHUNG "NGUYN HOAI M NHUNG", words no name has. Their
    frames still hold the letter's mass in its marked columns: decoded against the lists,
    the names come back in folded capitals."""
    for name, shrink, want in [("HỒ TẤN LỢI", 0.3, "HO TAN LOI"),
                               ("NGUYỄN HOÀI MỸ NHUNG", 0.25, "NGUYEN HOAI MY NHUNG")]:
        band = _blurred_line(name, BOLD, 40, shrink)
        greedy = recognizer.read(band, NAME_LETTERS)
        assert greedy is not None and greedy.text != want
        assert _decoded(recognizer.read_words(band, name_lexicons()) or []) == want


def test_a_name_the_lists_lack_stays_as_read(recognizer: LineRecognizer) -> None:
    """Thoại and Khiêm are in no list: KHIÊM decodes to KIM at a wide margin over the next
    listed word, but the reading KHIEM explains the band far better (the gap), so the word
    stays as read and the vote, not the lexicon, decides it."""
    for name, kept in [("TRẦN QUỐC THOẠI", "THOAI"), ("LÊ VĂN KHIÊM", "KHIEM")]:
        band = _blurred_line(name, BOLD, 40, 0.22)
        words = recognizer.read_words(band, name_lexicons())
        assert words is not None and words[-1].read == kept
        assert words[-1].gap > LEXICON_GAP
        assert _decoded(recognizer.read_words(band, name_lexicons()) or []).split()[-1] == kept


def test_the_vote_names_a_photocopy_from_decoded_letters() -> None:
    """Development photo 553201 'Bản photo CCCD 0071' (Lê Thu Mỹ My), the band's readings as
    logged: Tesseract read no word of the given names; PP-OCR's letters as read ("TIHU",
    "THV", "MV") are no names, so the vote refuses. Its letters decoded (LE THU MY MY on one
    view) name her, the marks from the band's ink (a mark above the third word, none above
    the fourth) and from usage (a woman's middle THU is Thu)."""
    texts = ["LẺ Ti Ệ Y", "LÁ TA: tê 4V", "LÍ TA: tt tđV", "LÍ TA: tt Ÿ Vy"]

    def ink(words: int) -> list[bool | None] | None:
        return [True, False, True, False] if words == 4 else None

    assert vote_name(texts, ("LE TIHU M MY", "LE THV MV MY"), "Nữ", ink) is None
    voted = vote_name(texts, ("LE TIHU MY MY", "LE THU MY MY"), "Nữ", ink)
    assert voted is not None and voted[0] == "LÊ THU MỸ MY"


def test_the_band_vote_asks_the_lexicon_only_when_the_readings_name_no_one(
        recognizer: LineRecognizer) -> None:
    """A small print of NGUYỄN HOÀI NHUNG whose Tesseract views read debris of three words:
    PP-OCR's letters as read ("NGUYN" for NGUYỄN, whose Ễ it cannot write) are no name, so
    without the lexicon the band is refused; decoded, each word has one listed form and the
    vote names her. Where the readings as read already name someone, the lexicon is not
    asked (a recogniser that fails when asked proves it)."""
    band = _blurred_line("NGUYỄN HOÀI NHUNG", BOLD, 40, 0.25)
    greedy = recognizer.read(band, NAME_LETTERS)
    assert greedy is not None and not greedy.text.startswith("NGUYEN ")
    texts = ["NGC,ƯYIÊN HÒ NI", "", "", ""]
    assert vote_name(texts, (greedy.text, greedy.text), "Nữ") is None
    voted = vote_band(texts, (band, band), recognizer, "Nữ", None)
    assert voted is not None and voted[0] == "NGUYỄN HOÀI NHUNG"

    class Unasked(LineRecognizer):
        def read_words(self, band: np.ndarray, lexicons: object) -> None:  # type: ignore[override]
            raise AssertionError("the lexicon was asked for a name the readings settle")

    settled = ["NGUYỄN HOÀI NHUNG", "NGUYỄN HOÀI NHUNG"]
    voted = vote_band(settled, (band, band), Unasked(), "Nữ", None)
    assert voted is not None and voted[0] == "NGUYỄN HOÀI NHUNG"


def test_a_decoded_name_needs_a_view_with_as_many_words(recognizer: LineRecognizer) -> None:
    """Fresh 554001 0088 (Trần Đức Nghĩa, a photographed photocopy): Tesseract read nothing
    on the band, PP-OCR "TRANDC NGHA", ĐỨC run into TRẦN with no space. Decoded, TRANDC is
    TRAN (the frames of D and C were unsure) and the vote made Trần Nghĩa, a word short.
    A name from decoded letters now needs a Tesseract view that read as many words: with
    no such view, the same band is refused."""
    band = _blurred_line("NGUYỄN HOÀI NHUNG", BOLD, 40, 0.25)
    assert vote_band(["", "", "", ""], (band, band), recognizer, "Nữ", None) is None
    assert vote_band(["NGC,ƯYIÊN HÒ", "", "", ""], (band, band), recognizer, "Nữ",
                     None) is None  # two words read: the name's three are not confirmed
    assert _as_many_words("TRẦN NGHĨA", ["MÔ BÀI! THANG", "4 44"]) is False
    assert _as_many_words("TRẦN ĐỨC NGHĨA", ["MÔ BÀI! THANG", ""]) is True


def test_a_decoded_name_needs_every_view_to_decode_it() -> None:
    """Fresh 554301 0027 (Hoàng Mỹ Huệ, a photographed photocopy): one view decoded HOANG
    MY HA, the other HOANG MY IAE; the vote took HA from the one view and the list and gave
    Hoàng Mỹ Hà. 0033 (Phạm Quỳnh Thủy): DUY on one view, DICY on the other, and Phạm
    Quỳnh Duy. A name from decoded letters now needs every view to have decoded it."""
    assert _decoded_alike("HOÀNG MỸ HÀ", ("HOANG MY HA", "HOANG MY IAE")) is False
    assert _decoded_alike("PHẠM QUỲNH DUY", ("PHAM QUTNH DICY", "PHAM QUYNH DUY")) is False
    assert _decoded_alike("NGUYỄN DUY ĐẠT", ("NGUYEN DUY DAT", "NGUYEN DUY DAT")) is True
