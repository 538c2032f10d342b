"""Header tables (Mẫu 15 land form): column headers on one line, the values in the row below."""

from __future__ import annotations

from intake.extract import extract_document

from .pages import line, page

HEAD = "ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT"


def _land(header: list[tuple[str, int]], wrap: list[tuple[str, int]] | None) -> dict[str, str]:
    rows = [
        line((HEAD, 500)),
        line(("Họ và tên: Đỗ Hoàng Khang", 340)),
        line(("2. Thông tin thửa đất", 340)),
        header,
        *([wrap] if wrap else []),
        line(("1", 360), ("878", 640), ("13", 960), ("141,2", 1240), ("Đất ở tại nông thôn", 1640)),
        line(("Địa chỉ thửa đất: Xóm Thượng, xã Châu Thành, tỉnh Thanh Hóa", 340)),
    ]
    result = extract_document("land_registration_form", [page(*rows)])
    return {k: f.value for k, f in result.fields.items()}


def test_header_cell_wrapped_onto_second_line_is_not_the_value_row() -> None:
    """Given the header "Tờ bản đồ" with its "số" on a line of its own below, when the land
    table is read, then every column takes its value from the data row, not from "số"."""
    values = _land(
        line(
            ("STT", 360),
            ("Thửa đất số", 560),
            ("Tờ bản đồ", 900),
            ("Diện tích (m2)", 1180),
            ("Mục đích sử dụng", 1600),
        ),
        line(("số", 940)),
    )
    assert values["parcel_number"] == "878"
    assert values["map_sheet_number"] == "13"
    assert values["area_m2"] == "141.2"
    assert values["land_use_purpose"] == "Đất ở tại nông thôn"


def test_glued_and_cut_header_labels_with_units_on_the_wrap_line() -> None:
    """OCR glues "Tờ bảnđồsố" and cuts "Thửa đất" / "Diện tích" with "số số (m2)" wrapped
    below: the glued and the shortened headers are still columns and the wrap line is skipped."""
    values = _land(
        line(
            ("STT", 360),
            ("Thửa đất", 560),
            ("Tờ bảnđồsố", 900),
            ("Diện tích", 1180),
            ("Mục đích sử dụng", 1600),
        ),
        line(("số", 600), ("số", 940), ("(m2)", 1220)),
    )
    assert values["parcel_number"] == "878"
    assert values["map_sheet_number"] == "13"
    assert values["area_m2"] == "141.2"
    assert values["land_use_purpose"] == "Đất ở tại nông thôn"


def test_unlabelled_number_column_is_not_part_of_the_first_labelled_cell() -> None:
    """ "STT" read as "SITT" is no known label, but it still heads a column: the row number
    "1" under it is not glued to the business line under "Tên ngành"."""
    p = page(
        line(("3. Ngành, nghề kinh doanh:", 480)),
        line(("SITT", 408), ("Tên ngành", 1050), ("Mã ngành", 1910)),
        line(("1", 374), ("Sửa chữa xe máy", 560)),
        line(("4. Vốn kinh doanh: ... 100.000.000 đồng", 360)),
    )
    result = extract_document("household_business_form", [p])
    assert result.value("business_lines") == "Sửa chữa xe máy"


def test_closed_set_values_get_their_tone_marks_back() -> None:
    """Marital status and construction type are printed from a known list: "Độc thần" and
    "riêng lề" (OCR tone marks) are snapped to "Độc thân" and "Nhà ở riêng lẻ"."""
    p = page(line(("Tình trạng hôn nhân: Độc thần", 300)))
    assert extract_document("marital_status_form", [p]).value("marital_status") == "Độc thân"
    p = page(line(("Loại công trình: Nhà ở riêng lề", 300)))
    result = extract_document("construction_permit_form", [p])
    assert result.value("construction_type") == "Nhà ở riêng lẻ"
