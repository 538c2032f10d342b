"""Extraction on hand-built OCR layouts: leaders, rows, the line below, tables, absence."""

from __future__ import annotations

from intake.extract import extract_document

from .pages import line, page


def test_labelled_lines_with_leaders_and_debris() -> None:
    """Values sit right of their label between dotted leaders; leader debris is dropped and a
    blank line (leader only) gives no field."""
    p = page(
        line(("TỜ KHAI ĐĂNG KÝ KHAI TỬ", 800)),
        line(("Họ, chữ đệm, tên người yêu cầu: ...... TRẦN THỊ MAI..........-cc«c«", 300)),
        line(("Giấy tờ tùy thân: Căn cước công dân số 079183001234", 300)),
        line(("Quan hệ với người đã chết: ...... Con ...........", 300)),
        line(("Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:", 400)),
        line(("Họ, chữ đệm, tên: ...... TRẦN VĂN BÌNH ......", 300)),
        line(("Ngày, tháng, năm sinh: ...... 12/3/1950 .......", 300)),
        line(("Số định danh cá nhân: ..................................", 300)),
        line(("Đã chết vào lúc: 10 giờ 15 phút, ngày 02/01/2024 ......", 300)),
        line(("Nơi chết: ...... Bệnh viện Đa khoa tỉnh Nam Định ......", 300)),
        line(("Hà Nội, ngày 05 tháng 1 năm 2024", 1300)),
    )
    result = extract_document("death_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values == {
        "applicant_name": "Trần Thị Mai",
        "applicant_id_number": "079183001234",
        "relationship": "Con",
        "deceased_name": "Trần Văn Bình",
        "deceased_date_of_birth": "1950-03-12",
        "date_of_death": "2024-01-02",
        "place_of_death": "Bệnh viện Đa khoa tỉnh Nam Định",
        "request_date": "2024-01-05",
    }
    assert "deceased_id_number" not in result.fields  # blank line: absent, never invented
    assert result.persons == [("079183001234", "applicant")]
    field = result.fields["deceased_name"]
    assert field.page == 1 and field.bbox is not None and field.source == "ocr"
    assert 0 < field.confidence <= 1


def test_two_column_row_stops_at_next_label() -> None:
    """ "Giới tính: Nam ... Dân tộc: Kinh ... Quốc tịch: Việt Nam" gives three fields."""
    p = page(
        line(("II. THÔNG TIN NGƯỜI ĐƯỢC KHAI SINH", 300)),
        line(("1. Họ, chữ đệm, tên: PHAN MINH SƠN", 300)),
        line(("2. Ngày, tháng, năm sinh: 4/11/2024", 300), ("3. Giới tính: Nam", 1400)),
        line(("4. Dân tộc: Kinh", 300), ("5. Quốc tịch: Việt Nam", 1400)),
    )
    result = extract_document("birth_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values["date_of_birth"] == "2024-11-04"
    assert values["sex"] == "Nam" and values["ethnicity"] == "Kinh"
    assert values["nationality"] == "Việt Nam" and values["full_name"] == "Phan Minh Sơn"
    assert "applicant_name" not in values  # same label, but under the child's section


def test_row_table_columns_by_section() -> None:
    """ "Thông tin | Bên nữ | Bên nam": each spouse's value comes from its own column."""
    p = page(
        line(("Thông tin", 320), ("Bên nữ", 1000), ("Bên nam", 1750)),
        line(("Họ, chữ đệm, tên", 320), ("NGUYỄN THỊ LAN", 880), ("TRẦN VĂN HÙNG", 1620)),
        line(("Ngày, tháng, năm sinh", 320), ("05/06/1995", 880), ("12/02/1993", 1620)),
        line(("Số định danh cá nhân", 320), ("001195012345", 880), ("001093054321", 1620)),
    )
    result = extract_document("marriage_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values == {
        "wife_name": "Nguyễn Thị Lan",
        "wife_date_of_birth": "1995-06-05",
        "wife_id_number": "001195012345",
        "husband_name": "Trần Văn Hùng",
        "husband_date_of_birth": "1993-02-12",
        "husband_id_number": "001093054321",
    }
    assert result.review_reasons == []  # IDs agree with sex (role) and birth year


def test_row_table_id_label_wrapped_in_its_cell() -> None:
    """ "Số định danh cá" / "nhân": the label cell wrapped, OCR glued its words and lost a
    letter (fresh duplicate seed 6908); the IDs are still each spouse's, and the residence row
    above does not swallow them."""
    p = page(
        line(("Thông tin", 320), ("Bên nữ", 1000), ("Bên nam", 1750)),
        line(("Nơi cư trú", 320), ("Thôn 6, xã Krông Pắc,", 880), ("Số 101, đường Lý", 1620)),
        line(("Hà Tĩnh", 880), ("Bom, Thành phố Hồ Chí", 1620)),
        line(("Số đnhdanhcá", 320), ("040199936945", 880), ("092094643666", 1620)),
        line(("nhân", 320)),
    )
    result = extract_document("marriage_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values["wife_id_number"] == "040199936945"
    assert values["husband_id_number"] == "092094643666"
    assert "040199936945" not in values.get("wife_residence", "")


def test_values_read_as_a_block_of_their_own_beside_the_labels() -> None:
    """Tesseract read a rescanned certificate as a column of labels, then a column of values
    (each value its own OCR line at its label's height: fresh duplicate seed 6909); each value
    still goes with the label beside it, and a blank stays blank."""
    labels = [
        "Họ, chữ đệm, tên chồng:",
        "Ngày, tháng, năm sinh:",
        "Số định danh cá nhân:",
        "Họ, chữ đệm, tên vợ:",
        "Ngày, tháng, năm sinh:",
        "Số định danh cá nhân:",
    ]
    values = ["Lê Bảo Long", "17/09/1954", "074054129195", "Nguyễn Thị Hiền", "16/05/1955", ""]
    p = page(line(("GIẤY CHỨNG NHẬN KẾT HÔN", 800)), *(line((t, 300)) for t in labels))
    rows = [i + 1 for i, v in enumerate(values) if v]
    block = page(*(line((v, 900)) for v in values if v))
    for word in block.words:  # the value block's lines sit beside their labels, numbered after
        row = rows[int(word[6])]  # type: ignore[call-overload]
        word[2], word[4] = 200 + row * 80, 240 + row * 80
        word[6] = 100 + int(word[6])  # type: ignore[call-overload]
    p.words.extend(block.words)
    result = extract_document("marriage_certificate", [p])
    got = {k: f.value for k, f in result.fields.items()}
    assert got["husband_name"] == "Lê Bảo Long"
    assert got["husband_date_of_birth"] == "1954-09-17"
    assert got["husband_id_number"] == "074054129195"
    assert got["wife_name"] == "Nguyễn Thị Hiền"
    assert got["wife_date_of_birth"] == "1955-05-16"
    assert "wife_id_number" not in got


def test_row_table_headings_sitting_low_are_not_part_of_the_first_row() -> None:
    """Given "Bên nữ | Bên nam" read lower than "Thông tin", down into the reach of the first
    row's label, when the table is read, then the headings are not in the spouses' names."""
    p = page(
        line(("Thông tin", 320), ("Bên nữ", 1000), ("Bên nam", 1750)),
        line(("Họ, chữ đệm, tên", 320), ("MAI TUYẾT LOAN", 880), ("VŨ HỮU DUY", 1620)),
        line(("Ngày, tháng, năm sinh", 320), ("13/05/1958", 880), ("08/12/1952", 1620)),
    )
    for word in p.words:
        if word[6] == 0 and word[0] in ("Bên", "nữ", "nam"):
            word[2], word[4] = int(word[2]) + 55, int(word[4]) + 55  # type: ignore[call-overload]
    result = extract_document("marriage_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values["wife_name"] == "Mai Tuyết Loan"
    assert values["husband_name"] == "Vũ Hữu Duy"


def test_header_table_value_below() -> None:
    """Column headers ("Thửa đất số | Tờ bản đồ số | Diện tích (m²)") have values below."""
    p = page(
        line(
            ("STT", 320),
            ("Thửa đất số", 500),
            ("Tờ bản đồ số", 900),
            ("Diện tích (m²)", 1300),
            ("Mục đích sử dụng", 1750),
        ),
        line(("1", 330), ("125", 480), ("34", 880), ("120,5", 1280), ("Đất ở tại đô thị", 1700)),
    )
    result = extract_document("land_registration_form", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values == {
        "parcel_number": "125",
        "map_sheet_number": "34",
        "area_m2": "120.5",
        "land_use_purpose": "Đất ở tại đô thị",
    }


def test_card_value_on_line_below() -> None:
    """Card labels ("Họ và tên / Full name:") carry the value on the next line."""
    p = page(
        line(("Số / No.: 001078959180", 600)),
        line(("Họ và tên / Full name:", 600)),
        line(("HOÀNG GIA BẢO AN", 600)),
        line(("Ngày sinh / Date of birth: 20/07/1978", 600)),
        line(("Giới tính / Sex: Nam", 600), ("Quốc tịch / Nationality: Việt Nam", 1100)),
    )
    result = extract_document("id_card", [p])
    values = {k: f.value for k, f in result.fields.items()}
    assert values == {
        "id_number": "001078959180",
        "full_name": "Hoàng Gia Bảo An",
        "date_of_birth": "1978-07-20",
        "sex": "Nam",
        "nationality": "Việt Nam",
    }


def test_missing_required_gives_review_reason() -> None:
    """An empty page extracts nothing and lists the missing required fields."""
    result = extract_document("id_card", [page(line(("CĂN CƯỚC CÔNG DÂN", 800)))])
    assert result.fields == {}
    assert any("id_number" in r for r in result.review_reasons)


def test_id_disagreeing_with_sex_is_flagged() -> None:
    """A woman's ID number with a male century digit is kept but sent to review."""
    p = page(
        line(("Họ, chữ đệm và tên: NGUYỄN THỊ HOA", 300)),
        line(("Sinh ngày: 01/02/1990", 300), ("Giới tính: Nữ", 1300)),
        line(("Số định danh cá nhân: 001090012345", 300)),
    )
    result = extract_document("marital_status_form", [p])
    assert result.fields["id_number"].value == "001090012345"
    assert any("giới tính" in r for r in result.review_reasons)


def test_second_column_label_without_colon_and_value_glued_to_dots() -> None:
    """ "Ngày sinh: 25/9/1959 ;      Giới tính v..Nữ>-.": the label after a wide gap opens a
    column (not running text), and its ":" read as "v" before the dots does not hide "Nữ"."""
    p = page(
        line(("GIẤY KHAI SINH", 800)),
        line(("Họ, chữ đệm, tên: ... LÊ THÙY ANH", 250)),
        line(("Ngày sinh: ... 25/9/1959 ;", 250), ("Giới tính v..Nữ>-.", 880)),
    )
    result = extract_document("birth_certificate", [p])
    assert result.value("sex") == "Nữ"
    assert result.value("date_of_birth") == "1959-09-25"


def test_glued_text_is_never_a_name() -> None:
    """A blank name line whose dots OCR read as letters ("......-cc«c«") gives no name: text
    glued to leaders is a second reading for validated kinds only."""
    p = page(
        line(("GIẤY KHAI SINH", 800)),
        line(("Họ, chữ đệm, tên: ......-cc«c«", 250)),
    )
    assert "full_name" not in extract_document("birth_certificate", [p]).fields


def test_request_date_never_from_a_period_start() -> None:
    """ "từ ngày 10/03/2013" starts a period of residence; when the dated closing line is
    misread (27 -> 37) the request date stays that misread date for review, never the period's
    start (fresh duplicate seed 6903: both identity keys of a retyped form were lost so)."""
    p = page(
        line(("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 500)),
        line(("Họ, chữ đệm, tên người yêu cầu: LÊ THỊ HOA", 300)),
        line(("Ngày, tháng, năm sinh: 04/07/1990", 300)),
        line(("Thời gian cư trú tại nơi đề nghị: từ ngày 10/03/2013", 300)),
        line(("Làm tại: Hà Nội, ngày 37 tháng 05 năm 2023", 1100)),
    )
    result = extract_document("marital_status_form", [p])
    got = result.fields["request_date"]
    assert got.value == "2023-05-37"
    assert any("ngày không hợp lệ" in r for r in result.review_reasons)
