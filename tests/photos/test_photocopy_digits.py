"""Digits on photographed photocopies (issue #13, sixth round): the MRZ and ID number of a
card that is only ~400-500 photo pixels wide on a photographed A4 copy."""

from __future__ import annotations

from intake.extract.mrz import read_mrz
from intake.extract.mrz_assembly import MrzLines
from intake.ocr.base import OcrLine, OcrWord

#: Development photo 546001 "Bản photo CCCD 0033" (card 035091513486): Tesseract's first
#: view read the province 035 as 095 (also a province) and cut the dates line short, so
#: no composite check digit covered the province code; PP-OCR's rows read both lines whole.
MISREAD_NUMBER = "TOVNMO915134867095091513486<<<"
SHORT_DATES = "9110214M3110212VM<"
PP_NUMBER = "10VMM0915134867035091513486<<<"
PP_DATES = "9110214M3110212V<<<<<<<<<<<7"


def _line(text: str) -> OcrLine:
    return OcrLine((OcrWord(text, (0, 0, 10, 10), 0.9),))


def test_a_pair_without_composite_does_not_settle_the_mrz() -> None:
    """Given a number line and a dates line whose own check digits hold but whose composite
    was not read (the line cut short), when they are the only lines read, then reading goes
    on (the province code is covered by nothing); when the rows read next hold the
    composite, the pair picked is theirs and the number is the card's."""
    assert read_mrz([MISREAD_NUMBER, SHORT_DATES]).id_number == "095091513486"  # type: ignore[union-attr]
    found = MrzLines()
    found.add([_line(MISREAD_NUMBER), _line(SHORT_DATES)])
    assert not found.settled()
    found.add([_line(PP_NUMBER), _line(PP_DATES)])
    assert found.settled()
    picked = found.pick()
    assert picked is not None
    mrz = read_mrz([line.text for line in picked])
    assert mrz is not None and mrz.id_number == "035091513486" and mrz.composite is True


def test_a_glare_rim_joined_to_a_card_on_the_copy_does_not_hide_it() -> None:
    """Given a photographed copy whose card has a glare's rim on the paper beside it (a thin
    band that differs from the paper and joins the card: development photo 546102 0010, no
    card found), when the cards on the page are looked for, then the card is found, with
    its corners where the card's are."""
    import numpy as np
    from PIL import Image

    from intake.preprocess.photo import find_cards_on_page

    page = np.full((1754, 1240, 3), (238, 232, 236), np.uint8)
    page[215:697, 160:925] = (196, 212, 218)  # the card's tint
    page[330:350, 400:800] = (60, 60, 70)  # a line of print
    page[420:440, 925:1160] = (214, 210, 214)  # the glare's rim, joined to the card
    quads = find_cards_on_page(Image.fromarray(page))
    assert len(quads) == 1
    assert np.abs(quads[0] - np.array([[160, 215], [925, 215], [925, 697], [160, 697]])).max() < 12


def test_one_digit_tesseract_misread_against_five_sure_pp_ocr_views() -> None:
    """Development photo 546102 0010 (a photographed copy): Tesseract read 5 as 3 on two
    reads of one view (``045061064301``, which agrees with the birth date as much as the
    right number), PP-OCR's five views read ``045061064501`` at 0.93-1.0 on every digit.
    With the views' digit probabilities the misread no longer contradicts; PP-OCR unsure of
    that digit on one view, or PP-OCR not unanimous, still refuse. A reading two digits off
    is the same misread twice: overruled when the views are sure of both digits
    (development photocopy 930001 0054 read ``038097499226`` and ``038097496228`` for
    ``058097498228``, all five of PP-OCR's views at 0.91-1.0)."""
    from intake.extract.card_id_vote import settle_two

    right, misread = "045061064501", "045061064301"
    five = [(right, 0.93), (right, 0.99), (right, 0.94), (right, 0.96), (right, 0.93)]
    sure = [[1.0] * 12] * 5
    born = "1961-10-20"
    assert settle_two([misread, misread], five, born) is None  # no digit probabilities
    assert settle_two([misread, misread], five, born, digits=sure) == right
    unsure = [*sure[:4], [1.0] * 9 + [0.4] + [1.0] * 2]
    assert settle_two([misread, misread], five, born, digits=unsure) is None
    two_off = "045061064381"
    assert settle_two([two_off], five, born) is None  # as it was, and without probabilities
    assert settle_two([two_off], five, born, digits=sure) == right
    assert settle_two([two_off], five, born, digits=unsure) is None  # unsure of one of them
    right, misreads = "058097498228", ["038097499226", "038097496228"]
    views = [(right, p) for p in (0.999, 0.999, 0.999, 0.915, 0.998)]
    assert settle_two(misreads, views, "1997-07-02", digits=[[0.99] * 12] * 5) == right
    split = [*five[:4], ("045061064581", 0.5)]
    assert settle_two([misread], split, born, digits=sure) is None


def test_the_document_number_copy_that_checks_mends_the_full_number() -> None:
    """Development photo 546101 0076 (a photographed copy's back): every reading of line 1
    had the full number's 0 read 8 (``...045060911588``), its copy in the document number
    read right (``060911508``, which the check digit 8 covers). The number is the full
    number's province code and the copy that checks; a copy two digits off, or one that
    does not check either, gives no number."""
    dates = "6004022M9912315VNM<<B"
    mrz = read_mrz(["1DVNM0609115088045060911588<<<", dates])
    assert mrz is not None and mrz.id_number == "045060911508"
    assert read_mrz(["1DVNM0609115088045060911888<<<", dates]).id_number is None  # type: ignore[union-attr]
    assert read_mrz(["1DVNM0609115083045060911588<<<", dates]).id_number is None  # type: ignore[union-attr]


def test_tesseract_views_that_disagree_confirm_pp_ocr_digit_by_digit() -> None:
    """Given a blurred serif number that PP-OCR's five views all read (549301 'Bản photo
    CCCD 0071') and Tesseract views that each misread another digit, when every digit of
    PP-OCR's number was read at its place by some Tesseract view, then the number stands;
    a digit no Tesseract view read, PP-OCR's views split, or too little weight, refuse it."""
    from intake.extract.card_id_vote import settle_two

    right = "040093444898"
    five = [(right, p) for p in (0.817, 0.981, 0.932, 0.67, 0.515)]
    tess = ["040003444894", "040093444098", "040003444098"]
    assert settle_two(tess, five, None) == right
    # PP-OCR sure of every digit: 040093444098 (one digit off) is overruled, and still
    # counts for the digits it read as PP-OCR did
    assert settle_two(tess, five, None, digits=[[0.99] * 12] * 5) == right
    assert settle_two(["040003444094", "040093444098"], five, None) is None  # digit 11: 8
    assert settle_two(tess, [*five, ("040093444899", 0.3)], None) is None  # PP-OCR split
    assert settle_two(tess, five[:3], None) is None  # 2.7, under twice SURE
    assert settle_two(["040003444894", "040003444894"], five, None) is None  # one reading
    # the page OCR's reading counts as a band reading does (development photocopy 930001
    # 0039: no band reading had the 5 of 075..., the page's did)
    right = "075192696185"
    five = [(right, p) for p in (0.981, 0.989, 0.976, 0.607, 0.778)]
    tess = ["022192696143", "072193446183", "022093406083"]
    assert settle_two(tess, five, None) is None
    assert settle_two(tess, five, None, page=["075192098185"]) == right


def test_one_view_read_by_both_tesseract_engines_is_one_misreading() -> None:
    """Fresh 549901 0042, a photographed photocopy: Tesseract's line and digits-only engines
    both read ``022064254026`` on the same view (no other view gave a valid number), while
    PP-OCR's five views all read ``075064264028`` (3.8 in all, twice SURE). Counted once,
    that misreading no longer refuses the number; the same number read on two views
    still does."""
    from intake.extract.card_id_vote import one_per_view, settle_two

    right, misread = "075064264028", "022064254026"
    five = [(right, 0.90), (right, 0.54), (right, 0.83), (right, 0.77), (right, 0.72)]
    same_view = one_per_view([(0, misread), (0, misread)])
    assert same_view == [misread]
    assert settle_two(same_view, five, None) == right
    assert settle_two(one_per_view([(0, misread), (1, misread)]), five, None) is None


def test_pp_ocr_alone_needs_each_digit_read_surely_by_some_view() -> None:
    """Fresh 550001 0047 (a photographed copy, no Tesseract reading, no birth date): PP-OCR's
    four views read ``094177099536`` for ``094177099538``, each unsure of the last digit
    (a blurred 8 read as 6), and together weighed 1.96, over `SURE`: the number was taken.
    No view is sure of that digit, so it is refused now. Consumed 549801 0079: the views'
    weakest digit (the fifth) was read at 0.73 by one of them, and the number was right;
    fresh 552601 0006's four views read ``001193518074`` for 001193518874, the blurred 8
    read 0 at 0.73 at best, and the number was wrong. At 0.73 PP-OCR alone is as often
    wrong as right, and a wrong number is worse than none: both are refused now
    (`SURE_DIGIT` 0.75)."""
    from intake.extract.card_id_vote import settle_two

    misread = "094177099536"
    views = [(misread, 0.52), (misread, 0.47), (misread, 0.6), (misread, 0.38)]
    digits = [[0.97, 0.99, 1.0, 0.99, 1.0, 1.0, 0.68, 0.98, 0.99, 0.74, 0.59, 0.52],
              [0.95, 1.0, 1.0, 1.0, 1.0, 1.0, 0.53, 1.0, 0.9, 0.94, 0.57, 0.47],
              [0.85, 0.99, 1.0, 1.0, 1.0, 1.0, 0.81, 0.99, 0.99, 0.84, 0.71, 0.6],
              [0.89, 0.91, 0.85, 0.95, 1.0, 1.0, 0.38, 0.76, 0.93, 0.39, 0.49, 0.52]]
    assert settle_two([], views, None) == misread  # the weight alone let it through
    assert settle_two([], views, None, digits=digits) is None

    right, other = "075084618710", "075004618710"
    five = [(right, 0.38), (right, 0.73), (other, 0.39), (right, 0.66), (right, 0.57)]
    probs = [[1.0, 1.0, 1.0, 0.99, 0.38, 1.0, 0.92, 0.98, 0.96, 1.0, 0.94, 0.99],
             [1.0, 1.0, 1.0, 1.0, 0.73, 1.0, 0.92, 0.98, 0.96, 1.0, 0.98, 1.0],
             [1.0, 1.0, 1.0, 1.0, 0.39, 1.0, 0.9, 0.99, 0.94, 1.0, 0.96, 1.0],
             [0.98, 0.94, 0.98, 0.98, 0.66, 0.97, 0.88, 0.81, 0.75, 1.0, 0.91, 0.96],
             [0.98, 1.0, 0.99, 0.98, 0.57, 0.94, 0.73, 0.9, 0.81, 1.0, 0.94, 0.92]]
    assert settle_two([], five, None, digits=probs) is None
    # the weight alone let it through before 1a365ce; with its third view reading another
    # number, views this unsure no longer outweigh it either (`_outweighs_dissent`)
    assert settle_two([], five, None) is None

    wrong = "001193518074"
    four = [(wrong, 0.69), (wrong, 0.69), (wrong, 0.73), (wrong, 0.40)]
    probs = [[0.96, 0.99, 0.97, 0.97, 0.92, 0.93, 0.96, 0.93, 0.94, 0.69, 1.0, 1.0],
             [0.99, 0.97, 0.96, 0.98, 0.98, 0.98, 0.97, 0.97, 0.95, 0.69, 1.0, 1.0],
             [0.98, 0.97, 0.98, 0.98, 0.96, 0.93, 0.98, 0.96, 0.97, 0.73, 1.0, 1.0],
             [0.86, 0.49, 0.76, 0.9, 0.53, 0.4, 0.45, 0.64, 0.74, 0.71, 0.9, 1.0]]
    assert settle_two([], four, None, digits=probs) is None


def test_a_full_number_copy_repaired_twice_needs_the_composite() -> None:
    """Fresh 550201 'Bản photo CCCD 0080' (a photographed copy's back): line 1 read
    ``979969297511`` for 070069297511. Its serial was mended from the document number that
    checks (069297511), its province's first 9 put back to 0, and 079069297511, a wrong
    number, was given: the copy that misread two zeros had misread the third too. With two
    repairs the number needs the composite check digit to hold; where it holds for the
    repaired number, the number stands."""
    from intake.extract.mrz import check_digit

    line1 = "10V100692975114979969297511<<<"
    mrz = read_mrz([line1, "6912299M2912291V101<<644<<<<<<9"])
    assert mrz is not None and mrz.id_number is None and mrz.birth_yymmdd == "691229"
    fields = "069297511" + "4" + "070069297511"
    dates = "6912299" + "2912291"
    composite = check_digit(fields + "<<<" + dates)
    held = read_mrz(["10V100692975114970969297511<<<",
                     f"6912299M2912291VNM<<<<<<<<<<<{composite}"])
    assert held is not None and held.composite is True and held.id_number == "070069297511"


def test_pp_ocr_alone_on_a_copy_needs_every_view() -> None:
    """Fresh 556401 0070 (a photographed copy, no Tesseract reading, no birth date): four of
    PP-OCR's five views read ``031172301358`` for ``031172303358``, the 3 read as 1 at
    0.94-0.99, and the wrong number was given. On a copy PP-OCR alone must have read the
    number on every view; elsewhere (a degraded scan) four views still settle it."""
    import numpy as np

    from intake.extract.card_id_vote import SECOND_VIEWS, second_views, settle_two

    wrong = "031172301358"
    views = [(wrong, 0.86), (wrong, 0.87), (wrong, 0.52), (wrong, 0.89)]
    digits = [[0.86, 0.95, 1.0, 0.99, 1.0, 1.0, 1.0, 1.0, 0.99, 0.97, 1.0, 0.93],
              [0.95, 0.99, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.97, 0.99, 1.0, 0.87],
              [0.93, 0.98, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.52, 0.99, 1.0, 0.89],
              [0.89, 0.93, 0.99, 0.98, 0.9, 1.0, 1.0, 1.0, 0.94, 0.97, 1.0, 0.99]]
    assert settle_two([], views, None, digits=digits) == wrong
    assert settle_two([], views, None, digits=digits, copy=True) is None
    grey = np.zeros((100, 200), np.uint8)
    assert len(second_views(grey, grey, grey, (10, 40, 150, 70))) == SECOND_VIEWS
    five = [*views, (wrong, 0.9)]
    assert settle_two([], five, None, digits=[*digits, digits[0]], copy=True) == wrong
    # Tesseract reading the number too is a second recogniser: PP-OCR is not alone
    assert settle_two([wrong], views, None, digits=digits, copy=True) == wrong
