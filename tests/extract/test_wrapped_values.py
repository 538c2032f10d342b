"""Values that wrap onto the next line: where the wrapped line starts and what ends the first."""

from __future__ import annotations

from intake.extract import extract_document

from .pages import HEIGHT, line, page


def test_card_address_wraps_under_its_label_past_photo_debris() -> None:
    """Given a card copy whose second residence line begins with the photo read as letters
    ("bš s22 362 erse -") far left of the label, when the card is read, then the wrapped part
    under the label is appended and the photo debris is not."""
    p = page(
        line(("Quê quán / Place of origin: Xã Quỳnh Lưu, Nghệ An", 900)),
        line(("Nơi thường trú / Place of residence: Tổ dân phố Thượng, xã", 900)),
        line(("bš s22 362 erse -", 300), ("Quỳnh Lưu, huyện Yên Mỹ, tỉnh Hòa Bình", 900)),
        line(("Có giá trị đến:", 900)),
    )
    result = extract_document("id_card", [p])
    assert result.value("place_of_residence") == (
        "Tổ dân phố Thượng, xã Quỳnh Lưu, huyện Yên Mỹ, tỉnh Hòa Bình"
    )


def test_trailing_dust_speck_does_not_end_a_wrapping_value() -> None:
    """A speck read as ":" after the last word of a full line is not a dotted leader: the
    value still continues on the next line."""
    p = page(
        line(("Nơi thường trú / Place of residence: Số 114/23 Nguyễn Huệ, phường Hồng", 900)),
        line(("Hà, thị xã Củ Chi, tỉnh Gia Lai", 900)),
        line(("Có giá trị đến:", 900)),
    )
    first = [w for w in p.words if w[6] == 0]
    right = max(int(w[3]) for w in first)  # type: ignore[call-overload]
    p.words.append([":", right + 20, 200 + HEIGHT // 2, right + 24, 200 + HEIGHT // 2 + 6, 0.7, 0])
    result = extract_document("id_card", [p])
    assert result.value("place_of_residence") == (
        "Số 114/23 Nguyễn Huệ, phường Hồng Hà, thị xã Củ Chi, tỉnh Gia Lai"
    )


def test_card_expiry_label_with_misread_first_word_and_no_colon() -> None:
    """ "Gó giá trị đến" (C read as G) and "Có giá trị đến" without its ":" are still the
    expiry label, and the date on the line below is its value."""
    for label in ("Gó giá trị đến:", "Có giá trị đến _"):
        p = page(
            line(("Họ và tên / Full name:", 600)),
            line(("LÊ DIỆU TÂM", 600)),
            line((label, 300)),
            line(("12/10/2033", 300)),
            line(("Date of expiry", 300)),
        )
        result = extract_document("id_card", [p])
        assert result.value("expiry_date") == "2033-10-12", label


def test_value_read_past_ocr_debris_when_the_first_reading_is_no_date() -> None:
    """ "Ngày sinh / D t › fbnh: 10/08/1991" (the English half of the label garbled, "›" taken
    for a leader): the date further on the line is the value, since "D t" is no date."""
    p = page(
        line(("Họ và tên / Full name:", 1290)),
        line(("DƯƠNG THANH DŨNG", 1290)),
        line(("Ngày sinh / D t › fbnh: 10/08/1991", 1290)),
    )
    assert extract_document("id_card", [p]).value("date_of_birth") == "1991-08-10"
