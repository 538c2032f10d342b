"""An ID card's number is taken without its label only when it is the one valid number."""

from __future__ import annotations

from intake.extract import PageWords, extract_document


def _page(*lines: str) -> PageWords:
    words, y = [], 100
    for number, line in enumerate(lines):
        x = 100
        for text in line.split():
            words.append([text, x, y, x + 30 * len(text), y + 40, 0.9, number])
            x += 30 * len(text) + 20
        y += 80
    return PageWords(number=1, width=2480, height=3508, words=words)


def test_number_with_garbled_label_is_taken_with_a_note() -> None:
    """'sẽ/No:046082175061' (label misread) still gives id_number, consistent with the sex and
    year of birth printed, at a lower confidence and with a note saying so."""
    page = _page(
        "CĂN CƯỚC CÔNG DÂN",
        "sẽ/No:046082175061",
        "Ngày sinh / Date of birth: 19/05/1982",
        "Giới tính / Sex: Nam",
    )
    field = extract_document("id_card", [page]).fields["id_number"]
    assert field.value == "046082175061" and field.confidence < 0.7 and field.note


def test_ambiguous_or_inconsistent_numbers_are_not_taken() -> None:
    """Two candidate numbers, or one that disagrees with the printed sex, give no field."""
    two = _page("CĂN CƯỚC CÔNG DÂN", "046082175061 079203001234", "Giới tính / Sex: Nam")
    assert "id_number" not in extract_document("id_card", [two]).fields
    wrong_sex = _page("CĂN CƯỚC CÔNG DÂN", "x/No:046182175061", "Giới tính / Sex: Nam")
    assert "id_number" not in extract_document("id_card", [wrong_sex]).fields
