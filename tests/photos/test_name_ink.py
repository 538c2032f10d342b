"""A word of a card's name only PP-OCR read (no tone marks) whose letters spell several listed
forms takes the form the band's ink allows: ink above the capitals is a mark (Thành, Ánh),
none is none (Thanh, Anh) (intake.extract.name_ink; issue #13, fresh 550401 0085 and
'Bản photo CCCD 0025', both refused before)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.extract.card_names import vote_name
from intake.extract.name_ink import marked_above, word_marks

BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


def _band(text: str, blur: float = 1.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The name set in capitals ~20 px high on a card-coloured band, blurred and noisy as a
    phone photo leaves it: the flattened view and a contrast-stretched one."""
    font = ImageFont.truetype(BOLD, 30)
    image = Image.new("L", (round(font.getlength(text)) + 40, 56), 225)
    ImageDraw.Draw(image).text((20, 12), text, fill=40, font=font)
    grey = cv2.GaussianBlur(np.asarray(image, dtype=np.float32), (0, 0), blur)
    grey += np.random.default_rng(seed).normal(0, 6, grey.shape)
    flat = np.clip(grey, 0, 255).astype(np.uint8)
    norm = cv2.normalize(flat, None, 0, 255, cv2.NORM_MINMAX)
    return flat, norm


def test_ink_tells_marked_words_from_clear_ones() -> None:
    assert word_marks(_band("ĐẶNG THANH TRÍ"), 3) == [True, False, True]
    assert word_marks(_band("ĐẶNG THÀNH TRÍ", seed=1), 3) == [True, True, True]
    assert word_marks(_band("PHẠM THỊ THANH ANH", blur=1.6, seed=2), 4) == [False] * 4
    assert word_marks(_band("PHẠM THỊ THANH ÁNH", blur=1.6, seed=3), 4) == [
        False, False, False, True]


def test_a_band_not_split_into_the_voted_words_says_nothing() -> None:
    """Two words run together by the print (no word space) cannot be measured as three."""
    assert word_marks(_band("ĐẶNG THANHTRÍ"), 3) is None


def test_a_horn_alone_is_no_evidence() -> None:
    assert marked_above("Hưng") is None
    assert marked_above("Hùng") is True and marked_above("Hung") is False
    assert marked_above("Phạm") is False  # the dot is below


def _ink(text: str):
    bands = _band(text)
    return lambda words: word_marks(bands, words)


def test_a_word_only_pp_ocr_read_takes_the_form_the_ink_allows() -> None:
    """Given Tesseract's views reading ĐẶNG and TRÍ but not the middle word, and PP-OCR's
    DANG THANH TRI twice (a man's middle THANH is Thanh or Thành, neither usual enough),
    the name is refused without the band's ink, Thanh with a clear middle word, Thành with a
    marked one."""
    views = ["ĐÁ*/, THAX1I TRÍ", "ĐánG, TH+NG TRỀ", "ĐÁNG, THANG TRÍ", "Đẳng, TM.4NH TRỀ"]
    pp = ("DANG THANH TRI", "DANG THANH TRI")
    assert vote_name(views, pp, "Nam") is None
    assert vote_name(views, pp, "Nam", _ink("ĐẶNG THANH TRÍ")) == ("ĐẶNG THANH TRÍ", 2)
    assert vote_name(views, pp, "Nam", _ink("ĐẶNG THÀNH TRÍ")) == ("ĐẶNG THÀNH TRÍ", 2)


def test_ink_that_contradicts_a_known_word_is_not_heard() -> None:
    """Ink calling the surname Đặng clear (a band misplaced, or split wrong) is not evidence
    for the middle word either: the name is refused."""
    views = ["ĐÁ*/, THAX1I TRÍ", "ĐánG, TH+NG TRỀ", "ĐÁNG, THANG TRÍ", "Đẳng, TM.4NH TRỀ"]
    pp = ("DANG THANH TRI", "DANG THANH TRI")
    assert vote_name(views, pp, "Nam", lambda words: [False, False, True]) is None
    assert vote_name(views, pp, "Nam", lambda words: [None, False, None]) is None


def test_ink_that_contradicts_a_word_of_one_listed_form_is_not_heard() -> None:
    """Development photocopy 930001 0054 (Nguyễn Bảo Hùng): only PP-OCR read BAO and HUNG,
    and the ink called both clear. BAO's one listed form is Bảo, marked: the ink is wrong
    there, so its clear HUNG is no evidence for Hưng over Hùng, and the name is refused."""
    views = ["NGUYÊN BAO 194MG,", "NGƯYÊN SÀO WUNG", "NGƯYÊNW ĐÀO MƯNG", "NGUYÊN SÀO MNAG"]
    pp = ("NGUYEN BAO HUNG", "NGUYEN BAO HUNG")
    assert vote_name(views, pp, "Nam", lambda words: [True, False, False]) is None
    assert vote_name(views, pp, "Nam", lambda words: [True, True, False]) == (
        "NGUYỄN BẢO HƯNG", 2)


def test_a_mark_every_view_read_that_the_ink_does_not_show_is_dropped() -> None:
    """Given every view reading GIÁ (consumed 550301 'Bản photo CCCD 0065': Nguyễn Gia Duy),
    the vote gives GIÁ; with nothing above the word on the band it is Gia, GIA's one listed
    form, and with a mark there it stays as read. A word with no listed form the ink allows
    (QUỲNH on a band measured clear) stays as read too."""
    views = ["NGUYỀN GIÁ DUY", "NGUYÊN GIÁ DUY", "NGUYÊN GIÁ DUY", "NGUYÊN GIÁ DUY"]
    pp = ("NGUYÊN GIA DUY", "NGUYÊN GIA DUY")
    assert vote_name(views, pp, "Nam") == ("NGUYỄN GIÁ DUY", 0)
    assert vote_name(views, pp, "Nam", _ink("NGUYỄN GIA DUY")) == ("NGUYỄN GIA DUY", 0)
    assert vote_name(views, pp, "Nam", _ink("NGUYỄN GIÁ DUY")) == ("NGUYỄN GIÁ DUY", 0)
    views = ["NGUYỄN QUỲNH ANH"] * 3
    assert vote_name(views, (), "Nữ", lambda words: [True, False, False]) == (
        "NGUYỄN QUỲNH ANH", 0)


def test_a_blank_band_says_nothing() -> None:
    blank = np.full((40, 300), 230, np.uint8)
    assert word_marks((blank, blank), 3) is None
    assert word_marks((), 3) is None


def _tracked(words: list[str], tracking: int, space: int) -> tuple[np.ndarray, np.ndarray]:
    """Capitals set letter by letter, ``tracking`` pixels apart and ``space`` between words
    (blur closes a bold name's word spaces to little more than its letter gaps)."""
    font = ImageFont.truetype(BOLD, 30)
    image = Image.new("L", (900, 56), 225)
    draw, x = ImageDraw.Draw(image), 20
    for word in words:
        for letter in word:
            left, _, right, _ = draw.textbbox((x, 12), letter, font=font)
            draw.text((x - (left - x), 12), letter, fill=40, font=font)
            x += right - left + tracking
        x += space - tracking
    flat = np.asarray(image, dtype=np.uint8)
    return flat, flat.copy()


def test_word_spaces_little_wider_than_letter_gaps_still_split() -> None:
    """Word spaces under 1.6 times the widest gap inside a word (here 11 and 12 pixels
    against 8; fresh 551301 0010, whose flattened view's spaces were 11 and 7 pixels against
    letter gaps of 5) still split the band; spaces no wider than the letter gaps do not."""
    words = ["NGUYỄN", "KHÁNH", "HƯƠNG"]
    assert word_marks(_tracked(words, 5, 11), 3) == [True, True, False]
    assert word_marks(_tracked(words, 5, 5), 3) is None


def test_a_word_read_without_its_mark_takes_the_marked_form_the_ink_shows() -> None:
    """Given a view reading KHANH and PP-OCR's KHANH twice (fresh 551301 0010, Nguyễn Khánh
    Hương given as Khanh), ink above the word gives Khánh, KHANH's one marked listed form."""
    views = ["NGUYÊN KHANH HƯƠNG", "*‹4'YÊn KIHÀNG NƯƠNG", "%‹. VY NÀNG NƯƠNG", ""]
    pp = ("NGUYÊN KHANH HUONG", "NGUYÊN KHANH HUONG")
    assert vote_name(views, pp, "Nữ") == ("NGUYỄN KHANH HƯƠNG", 0)
    assert vote_name(views, pp, "Nữ", lambda words: [True, True, None]) == (
        "NGUYỄN KHÁNH HƯƠNG", 0)


def test_a_listed_mark_the_views_read_that_the_ink_misses_refuses_the_name() -> None:
    """Development photocopy 930001 0415 (Nguyễn Thành Thắng): two views read THÀNH, two
    THANH; the tie went to the marked form (blur loses marks more often than it adds
    them), and the ink, measuring nothing above the word (the grave thinned out on the
    copy), turned it into Thanh, a listed name too: Nguyễn Thanh Thắng was given. A
    listed form against another the ink allows is no evidence either way: refused. An
    unlisted mark (GIÁ, above) is still dropped for the one listed form."""
    views = ["NGUYÊN THÀNH TUANG", "NGUYÊN THANH THÁNG", "®Gt:YÊN THÀNH THÂNG",
             "NGUYÊN THANH THIÀNG"]
    pp = ("NGUYEN THANHI THANG", "NGUYEN THANH THANG")
    assert vote_name(views, pp, "Nam") == ("NGUYỄN THÀNH THẮNG", 1)
    assert vote_name(views, pp, "Nam", lambda words: [True, False, True]) is None
    assert vote_name(views, pp, "Nam", lambda words: [True, True, True]) == (
        "NGUYỄN THÀNH THẮNG", 1)
    # a mark read once among others (development photocopy 920001 0216, Trần Minh Hoa:
    # HỌA twice, HÓA, HÒA) still gives way to the ink's one listed form
    views = ["THÂN MINH HỌA", "TRÀN MÌNH HÓA", "TRẦN MỸ†NH HỌA", "TRẤN MÌNH HÒA"]
    assert vote_name(views, ("TRAN MINH HOA", "TRAN MINH HOA"), "Nữ",
                     lambda words: [True, False, False]) == ("TRẦN MINH HOA", 1)


def test_a_mark_mended_into_a_form_two_words_of_ink_rule_out_is_refused() -> None:
    """Fresh 556901 0011 (Nguyễn Phương Bảo Hoa, a card with its back): three views read
    HỌA, a dot below no listed form of HOA has, and the vote mended it into Hòa, the one
    marked form; the ink found marks above NGUYỄN and BẢO and none above the word. Two
    words bear the ink out: the name is refused. With a mark above the word, or only one
    word bearing the ink out (555901 0017 was so, and 555401 0010, where the ink missed
    Dũng's tilde), it is Hòa as before."""
    views = ["NGUYÊN PHƯƠNG BẢO HỌA"] * 3 + ["NGUYÊN PHƯƠNG BẢO HDA"]
    pp = ("NGUYÊN PHUONG BAO HOA", "NGUYÊN PHUONG BAO HOA")
    assert vote_name(views, pp, "Nữ", lambda words: [True, False, True, False]) is None
    assert vote_name(views, pp, "Nữ", lambda words: [True, False, True, True]) == (
        "NGUYỄN PHƯƠNG BẢO HÒA", 0)
    assert vote_name(views, pp, "Nữ", lambda words: [True, False, None, False]) == (
        "NGUYỄN PHƯƠNG BẢO HÒA", 0)
