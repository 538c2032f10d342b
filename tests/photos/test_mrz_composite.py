"""The MRZ's composite check digit guards the province code, which no other check digit
covers, and decides between lines read by different views or recognisers (issue #13)."""

from __future__ import annotations

from intake.extract.mrz import read_mrz
from intake.extract.mrz_assembly import MrzLines, text_rows
from intake.ocr.base import OcrLine, OcrWord

NUMBER = "IDVNM1564547428089156454742<<<"
DATES = "5607024F9912315VNM<<<<<<<3"  # the fillers OCR kept do not matter: '<' counts 0


def _line(text: str) -> OcrLine:
    return OcrLine((OcrWord(text, (0, 0, 10, 10), 0.9),))


def test_composite_holds_for_the_number_as_printed() -> None:
    mrz = read_mrz([NUMBER, DATES])
    assert mrz is not None and mrz.id_number == "089156454742" and mrz.composite is True
    assert read_mrz([NUMBER, DATES[:-1]]).composite is None  # type: ignore[union-attr]


def test_province_code_misread_into_another_province_is_refused() -> None:
    """Given a blurred back read ``080...`` for ``089...`` (080 is a province code too, and the
    document number's check digit covers only the last 9 digits), when the composite fails
    but holds for another province code, then the MRZ gives no number (not a wrong one)."""
    misread = NUMBER.replace("8089156", "8080156")
    mrz = read_mrz([misread, DATES])
    assert mrz is not None and mrz.id_number is None and mrz.birth_yymmdd == "560702"
    assert read_mrz([misread]).id_number == "080156454742"  # type: ignore[union-attr]


def test_lines_are_paired_where_the_composite_holds() -> None:
    """A view that misread the province code and another that read it right: the assembly
    takes the pair whose composite holds, though the misread came first."""
    found = MrzLines()
    found.add([_line(NUMBER.replace("8089156", "8080156")), _line(DATES)])
    assert not found.settled()
    found.add([_line(NUMBER), _line("NGUYEN<<THUY<CHI<<<<<<<<<<<<<<")])
    assert found.settled()
    picked = found.pick()
    assert picked is not None
    assert [line.text for line in picked] == [NUMBER, DATES, "NGUYEN<<THUY<CHI<<<<<<<<<<<<<<"]


def test_text_rows_of_an_mrz_band() -> None:
    import numpy as np

    band = np.full((120, 400), 230, np.uint8)
    for top in (10, 50, 90):
        band[top:top + 18, 20:380:6] = 20  # a row of glyph strokes
    band[115, 200] = 0  # a speck
    assert text_rows(band) == [(10, 28), (50, 68), (90, 108)]


def test_dates_line_with_misread_sex_and_nationality_keeps_its_composite() -> None:
    """Given PP-OCR's reading of a blurred photocopy's back (549001 0059): the sex M read 9,
    the nationality VNM read VP<, a filler read 6 and one lost, when both dates check, then
    the line's dates count and its last digit, after a field still read as fillers, is the
    composite check digit, which confirms the province code."""
    number = "1DV9N0723545684082672354568<<<"  # the full number's copy misread, doc checks
    dates = "721123293211234VP<<<6<<<<<<<4"
    mrz = read_mrz([number, dates])
    assert mrz is not None and mrz.id_number == "082072354568"
    assert (mrz.birth_yymmdd, mrz.expiry_yymmdd, mrz.sex, mrz.composite) == (
        "721123", "321123", None, True)
    assert read_mrz([number, dates[:-1] + "5"]).composite is False  # type: ignore[union-attr]
    # a misread sex is only taken with both dates checking
    assert read_mrz(["721123293211239VNM<<<<<<<<<<<4"]) is None
    # the last digit after a field that is not fillers is no composite
    assert read_mrz([number, "721123293211234VP<<<6A7B<<<<<4"]).composite is None  # type: ignore[union-attr]


def test_dates_line_with_the_sex_lost() -> None:
    """Given PP-OCR's reading of a small blurred back with the sex letter lost (fresh 549301
    0038: ``88072272807225V<<<...4`` for ``8807227M2807225VNM<<<...4``), when both dates
    check, then the dates and the composite count; without both dates checking, nothing."""
    number = "10V90884251662026088425166<<<"
    mrz = read_mrz([number, "88072272807225V<<<<<<<<<<<4"])
    assert mrz is not None and mrz.id_number == "026088425166"
    assert (mrz.birth_yymmdd, mrz.expiry_yymmdd, mrz.sex, mrz.composite) == (
        "880722", "280722", None, True)
    assert read_mrz(["88072272807226V<<<<<<<<<<<4"]) is None  # the expiry does not check


def test_two_misreads_that_cancel_in_the_check_digit_are_caught_by_the_copies() -> None:
    """Given line 1 read TOVNMGS81656819874086105681 for IDVNM0801056019074080105601 (fresh
    551701 'Bản photo CCCD 0023': 0 read 6 and 0 read 8, +6 and +24 under the weights 7, 3,
    1, so the check digit and the composite still hold), the document number copy (GS8165681,
    658165681) differs from the full number's tail in four places: no number is taken."""
    lines = ["TOVNMGS81656819874086105681<<<", "8003188M2003186VNM<<<<<<<<<<<4",
             "PHAM<<THANH<CU0NG<<<<<<<<"]
    assert read_mrz(lines).id_number is None
    right = ["IDVNM0801056019074080105601<<<", "8003188M2003186VNM<<<<<<<<<<<4"]
    assert read_mrz(right).id_number == "074080105601"


def test_two_digits_after_the_fillers_give_no_composite() -> None:
    """Fresh 552701 'Bản photo CCCD 0001' (a photographed photocopy, Ngô Mỹ Nga,
    084169493243): the number line was read with the full number's 08 as 66; the first 6
    is put back to 0 (every province code is 0xx), leaving 064, a known province. The dates
    line was read with a 7 after its composite 9 (``...VNM<<<<<<<<<<<97``); the 7 was taken
    as the composite and held for 064, and the MRZ's wrong number replaced the zone's right
    one. Two digits at the end leave the composite unread, and the zone's number, which
    agrees with the MRZ's last 9 digits, is kept (`crosscheck._province_unchecked`)."""
    from intake.extract import extract_document
    from tests.extract.pages import line, page

    number = "TOVNM1694932431664169493243<<<"
    dates = "6910099F2910091VNM<<<<<<<<<<<97"
    mrz = read_mrz([number, dates, "NGO<<MY<NGA<<<"])
    assert mrz is not None and mrz.id_number == "064169493243" and mrz.composite is None
    assert read_mrz([number, dates[:-1]]).composite is False  # type: ignore[union-attr]
    result = extract_document("id_card", [page(line((number, 300)), line((dates, 300)))],
                              zone_readings=[{"key": "id_number", "value": "084169493243"}])
    assert result.value("id_number") == "084169493243"


def test_an_mrz_number_alone_without_a_composite_goes_to_review() -> None:
    """Fresh 553101 0062 (a photographed photocopy): the front gave no number, and the back's
    number line was read with the full number's 00 as 06. The check digit covers the last
    9 digits only, and the composite, the one check over the province code, was not read
    (a 4 among the fillers), so 062095869971 was stored for 002095869971. A number the MRZ
    gives alone now needs the composite; without it the MRZ's dates still count."""
    from intake.extract import extract_document
    from tests.extract.pages import line, page

    lines = ["10V90958699710062095869971<<<", "95062843506282V<<4<<<<<<<<6"]
    result = extract_document("id_card", [page(*(line((t, 300)) for t in lines))])
    assert result.value("id_number") is None
    assert "province code" in " ".join(result.review_reasons)
    assert result.value("date_of_birth") == "1995-06-28"
    # with the composite read and holding, the MRZ's number stands alone as before
    held = extract_document("id_card", [page(line((NUMBER, 300)), line((DATES, 300)))])
    assert held.value("id_number") == "089156454742"


def test_a_province_the_fronts_second_reader_read_alike_checks_the_mrz_number() -> None:
    """Fresh 553601 0013 (a photographed photocopy of both sides): the front's number band
    settled nothing (PP-OCR's five views read 001067234168 or near it, all unsure), the
    back's number line read 001062234169 but its dates line was too garbled for the
    composite. The front's views read the province code 001 alike, each digit surely: a
    second, independent reading of the three digits the MRZ's check digit does not cover,
    so the MRZ's number stands. Another province read there, or none, leaves it to
    review."""
    from intake.extract import extract_document
    from intake.extract.card_id_vote import read_province
    from tests.extract.pages import line, page

    sure, unsure_first = [0.9] * 12, [0.6] + [0.9] * 11
    views = [("001067234168", 0.2), ("001067234168", 0.4), ("001067234169", 0.5)]
    assert read_province(views, [sure] * 3) == "001"
    assert read_province(views[:1], [sure]) is None  # one view
    assert read_province([*views, ("011067234168", 0.3)], [sure] * 4) is None  # not alike
    assert read_province(views, [unsure_first] * 3) is None  # no view sure of a digit

    lines = ["10VNP0622341691001062234169<<<", "62092962209298VN<045<44<<6<8"]
    pages = [page(*(line((t, 300)) for t in lines))]
    for provinces, stored in ((["001"], "001062234169"), (["002"], None), ([], None)):
        result = extract_document("id_card", pages, zone_readings=[
            {"key": "id_province", "value": p} for p in provinces])
        assert result.value("id_number") == stored
        assert ("province code" in " ".join(result.review_reasons)) == (stored is None)
        assert "id_province" not in result.fields


def test_a_dates_line_without_its_nm_is_read_when_one_date_mends_the_other() -> None:
    """Fresh 554101 0054 (a photographed photocopy): PP-OCR read the dates line
    0208068F2788067V<<<, the nationality's NM lost and the expiry 270806 read 278806. Such
    a line counted only when both dates checked as read; the birth date checks, and the
    expiry one character off it at a renewal age (25) has the check digit read, so the
    line now counts when its sex was read too. A misread sex, or an expiry two characters
    off, still leaves it out."""
    from intake.extract.mrz import read_mrz

    number = "IDVNP3025201894096302520189<<<"
    mrz = read_mrz([number, "0208068F2788067V<<<<<<<<<<<3"])
    assert mrz is not None
    assert (mrz.birth_yymmdd, mrz.expiry_yymmdd, mrz.sex) == ("020806", "270806", "Nữ")
    for weak in ("0208068X2788067V<<<<<<<<<<<3", "0208068F2798867V<<<<<<<<<<<3"):
        mrz = read_mrz([number, weak])
        assert mrz is not None and mrz.birth_yymmdd is None


def test_a_number_whose_birth_year_is_not_the_dates_lines_is_refused() -> None:
    """Development 920001 'Bản photo CCCD 0232' (card and back): line 1 read
    ``TOVNM1895770560079109577056004`` for ``IDVNM1835770568079183577056<<<``: four digits
    misread, and the document number's check digit and the composite both held by chance
    for 079109577056, which replaced the front's right number. Its 5th and 6th digits say
    born (19)09; the dates line, its own check digit holding, says 830407. A number and a
    birth date that disagree are not both read right: the MRZ gives no number. As printed,
    the two agree and the number is given."""
    dates = "8304070F2304078VNM<<<<<<<<<<<8"
    mrz = read_mrz(["TOVNM1895770560079109577056004", dates])
    assert mrz is not None and mrz.composite is True  # every check digit holds
    assert mrz.id_number is None and mrz.birth_yymmdd == "830407"
    printed = read_mrz(["IDVNM1835770568079183577056<<<", dates])
    assert printed is not None and printed.id_number == "079183577056" and printed.composite


def test_a_mended_number_lines_composite_does_not_outweigh_the_front() -> None:
    """Fresh 558101 'Bản photo CCCD 0006' (a card with its back, shaken): the number line
    read the full number ``091997885002`` for 001097885002. Its copy of the last 9 digits
    was mended from the document number (one 0 read 9), its province 0 read 9 was left,
    and the composite digit, misread too, held for 091: the MRZ's wrong number replaced
    the front's, which PP-OCR's four views read alike. A mended line's composite is no
    longer enough against the front; with the line read right the two agree as before."""
    from intake.extract import extract_document
    from tests.extract.pages import line, page

    lines = ["IDVMM0978850021091997885002<<<", "9703278M2203274VNM<<<<<<<<<<<9"]
    mrz = read_mrz(lines)
    assert mrz is not None and mrz.id_number == "091097885002" and mrz.composite is True
    assert mrz.repaired
    zones = [{"key": "id_number", "value": "001097885002"}]
    result = extract_document("id_card", [page(*(line((t, 300)) for t in lines))],
                              zone_readings=zones)
    assert result.value("id_number") == "001097885002"
    assert "091097885002" in " ".join(result.review_reasons)


def test_a_mended_number_line_does_not_replace_the_fronts_number() -> None:
    """Fresh 559001 'Bản photo CCCD 0007' and 559101 0087 (cards with their back): each
    number line's two copies of the number's last 9 digits were misread differently, each
    copy's check digit held, the province's first digit was put back to 0 and the
    composite held by chance. The front, read by zone on Tesseract's view and five PP-OCR
    views alike, had the right number; the MRZ's replaced it. A mended line no longer
    outweighs the front's zone number: the front's is kept, and the officer told so."""
    from intake.extract import extract_document
    from tests.extract.pages import line, page

    for number, dates, front in (
            ("IDVNM1968141606692196814106<<<", "9611021F3611029VNM<<<<<<<<<<<7",
             "092196814100"),
            ("30VNM182354413764518239441I<", "8203162F2203160VNM<<<<<<<<<<<4",
             "045182354413")):
        mrz = read_mrz([number, dates])
        assert mrz is not None and mrz.repaired and mrz.composite is True
        assert mrz.id_number is not None and mrz.id_number != front
        pages = [page(line((number, 300)), line((dates, 300)))]
        kept = extract_document("id_card", pages,
                                zone_readings=[{"key": "id_number", "value": front}])
        assert kept.value("id_number") == front
        assert any(mrz.id_number in r and "front's" in r for r in kept.review_reasons)
        # without a front read by zone the MRZ's number stands as before
        alone = extract_document("id_card", pages)
        assert alone.value("id_number") == mrz.id_number


def test_a_mended_number_line_whose_two_copies_agree_against_the_front_replaces_it() -> None:
    """Development 942201 0045 (a photographed copy with its back): the front read
    074186320092 by zone, the back's number line 186326892 and 874186320892, its province
    8 put back to 0. Both copies of the last 9 digits read 8 where the front read 0: the
    MRZ read that digit twice, the front once, and the MRZ's number is taken (with the
    disagreement for review). Where the document number sides with the front (the two
    fresh photos of the test above) the front's is kept."""
    from intake.extract import extract_document
    from tests.extract.pages import line, page

    number = "IDVNN1863268929874186320892<<<"
    mrz = read_mrz([number])
    assert mrz is not None and mrz.repaired and mrz.document_number == "186326892"
    assert mrz.id_number == "074186320892"
    pages = [page(line((number, 300)))]
    got = extract_document("id_card", pages,
                           zone_readings=[{"key": "id_number", "value": "074186320092"}])
    assert got.value("id_number") == "074186320892"
    assert got.fields["id_number"].source == "mrz"
    assert any("074186320092" in r for r in got.review_reasons)
    # a front that differs where the document number agrees with it is kept
    kept = extract_document("id_card", pages,
                            zone_readings=[{"key": "id_number", "value": "074186326892"}])
    assert kept.value("id_number") == "074186326892"
