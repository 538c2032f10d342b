"""Layouts of residence (CT01), household business, land and construction applications."""

from __future__ import annotations

from .forms import DECLARATION, Heading, Layout, Line, PageBreak, Para, Row, Signature, Space
from .forms import Table as T

_CT01 = "Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA ngày 17/11/2023"
_MEMBERS = T(
    ("TT", "Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Giới tính", "Số định danh cá nhân",
     "Mối quan hệ với chủ hộ"),
    (("1", "", "", "", "", ""), ("2", "", "", "", "", "")),
    (0.07, 0.27, 0.17, 0.11, 0.22, 0.16),
)
_CT01_SIGNS = (Signature("Ý KIẾN CỦA CHỦ HỘ", "(Ghi rõ nội dung, ký, ghi rõ họ tên)",
                         "{head_of_household_name}"),
               Signature("NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)", "{full_name}"))
RESIDENCE = (
    Layout(
        "residence_form/ct01-2023", "residence_form", ("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",),
        (
            Line("1. Họ, chữ đệm và tên", "{full_name}"),
            Row((Line("2. Ngày, tháng, năm sinh", "{date_of_birth}"),
                 Line("3. Giới tính", "{sex}"))),
            Line("4. Số định danh cá nhân", "{id_number}"),
            Row((Line("5. Số điện thoại liên hệ", "{phone}"), Line("6. Email", "{x_email}"))),
            Line("7. Họ, chữ đệm và tên chủ hộ", "{head_of_household_name}"),
            Line("8. Mối quan hệ với chủ hộ", "{relationship_to_head}"),
            Line("9. Số định danh cá nhân của chủ hộ", "{x_head_id}"),
            Line("10. Nội dung đề nghị", "{request_content}"),
            Para("11. Những thành viên trong hộ gia đình cùng thay đổi:"),
            _MEMBERS,
        ),
        form_code=_CT01, signatures=_CT01_SIGNS,
    ),
    Layout(
        "residence_form/ct01-2021", "residence_form", ("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",),
        (
            Line("1. Họ, chữ đệm và tên", "{full_name:upper}"),
            Line("2. Ngày, tháng, năm sinh", "{date_of_birth}"),
            Line("3. Giới tính", "{sex}"),
            Line("4. Số định danh cá nhân/CMND", "{id_number}"),
            Line("5. Số điện thoại liên hệ", "{phone}"),
            Line("6. Họ, chữ đệm và tên chủ hộ", "{head_of_household_name}"),
            Line("7. Quan hệ với chủ hộ", "{relationship_to_head}"),
            Line("8. Nội dung đề nghị", "{request_content}"),
        ),
        form_code="Mẫu CT01 ban hành kèm theo Thông tư số 56/2021/TT-BCA",
        signatures=_CT01_SIGNS,
    ),
)

_HKD_SIGN = (Signature("CHỦ HỘ KINH DOANH", "(Ký và ghi họ tên)", "{owner_name}"),)
_OWNER = (
    Line("Tôi là (ghi họ tên bằng chữ in hoa)", "{owner_name:upper}"),
    Row((Line("Giới tính", "{x_sex}"), Line("Sinh ngày", "{owner_date_of_birth}"),
         Line("Dân tộc", "{x_ethnicity}"))),
    Line("Loại giấy tờ pháp lý của cá nhân", "Căn cước công dân"),
    Line("Số giấy tờ pháp lý của cá nhân", "{owner_id_number}"),
    Line("Ngày cấp", "{x_id_issue_date}"),
    Line("Địa chỉ thường trú", "{owner_residence}"),
    Para("Là chủ hộ kinh doanh đăng ký hộ kinh doanh với các nội dung sau:"),
)
HOUSEHOLD_BUSINESS = (
    Layout(
        "household_business_form/nd01-2021-table", "household_business_form",
        ("GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH",),
        (
            *_OWNER,
            Line("1. Tên hộ kinh doanh", "{business_name}"),
            Line("2. Địa chỉ trụ sở hộ kinh doanh", "{business_address}"),
            Row((Line("Điện thoại", "{phone}"), Line("Email", ""))),
            Para("3. Ngành, nghề kinh doanh:"),
            T(("STT", "Tên ngành", "Mã ngành"), (("1", "{business_lines}", ""),),
              (0.1, 0.65, 0.25)),
            Line("4. Vốn kinh doanh", "{capital} đồng"),
            Line("5. Số lượng lao động", "{x_workers}"),
            Space(2), DECLARATION,
        ),
        form_code="Phụ lục III-1", signatures=_HKD_SIGN,
    ),
    Layout(
        "household_business_form/nd168-2025-lines", "household_business_form",
        ("GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH",),
        (
            *_OWNER,
            Line("1. Tên hộ kinh doanh", "{business_name}"),
            Line("2. Địa chỉ trụ sở", "{business_address}"),
            Line("Số điện thoại", "{phone}"),
            Line("3. Ngành, nghề kinh doanh", "{business_lines}"),
            Line("4. Vốn kinh doanh (bằng số; VNĐ)", "{capital}"),
            Space(2), DECLARATION,
        ),
        form_code="Mẫu số 01 (Nghị định số 168/2025/NĐ-CP)", signatures=_HKD_SIGN,
    ),
)

_LAND_SIGN = (Signature("NGƯỜI VIẾT ĐƠN", "(Ký, ghi rõ họ tên)", "{applicant_name}"),)
LAND = (
    Layout(
        "land_registration_form/04dk-lines", "land_registration_form",
        ("ĐƠN ĐĂNG KÝ ĐẤT ĐAI,", "TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        (
            Heading("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
            Para("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất"),
            Line("1.1. Tên (viết chữ in hoa)", "{applicant_name:upper}"),
            Line("Năm sinh", "{x_birth_year}"),
            Line("Giấy tờ nhân thân", "Căn cước công dân số {applicant_id_number}"),
            Line("1.2. Địa chỉ thường trú", "{applicant_address}"),
            Para("2. Thửa đất đăng ký"),
            Row((Line("2.1. Thửa đất số", "{parcel_number}"),
                 Line("2.2. Tờ bản đồ số", "{map_sheet_number}"))),
            Line("2.3. Địa chỉ tại", "{land_address}"),
            Line("2.4. Diện tích", "{area_m2} m²"),
            Line("2.5. Sử dụng vào mục đích", "{land_use_purpose}"),
            Line("2.6. Thời hạn đề nghị được sử dụng đất", "{x_use_term}"),
            Space(2), DECLARATION,
        ),
        form_code="Mẫu số 04/ĐK", signatures=_LAND_SIGN,
    ),
    Layout(
        "land_registration_form/15-2025-table", "land_registration_form",
        ("ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT",),
        (
            Heading("1. Thông tin người đăng ký"),
            Line("Họ và tên", "{applicant_name}"),
            Line("Số định danh cá nhân", "{applicant_id_number}"),
            Line("Địa chỉ", "{applicant_address}"),
            Heading("2. Thông tin thửa đất"),
            T(("STT", "Thửa đất số", "Tờ bản đồ số", "Diện tích (m²)", "Mục đích sử dụng"),
              (("1", "{parcel_number}", "{map_sheet_number}", "{area_m2}",
                "{land_use_purpose}"),),
              (0.08, 0.17, 0.17, 0.2, 0.38)),
            Line("Địa chỉ thửa đất", "{land_address}"),
            Space(2), DECLARATION,
        ),
        form_code="Mẫu số 15 (Nghị định số 151/2025/NĐ-CP)", signatures=_LAND_SIGN,
    ),
    Layout(
        "land_registration_form/04dk-two-page", "land_registration_form",
        ("ĐƠN ĐĂNG KÝ ĐẤT ĐAI,", "TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        (
            Heading("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
            Line("1.1. Tên (viết chữ in hoa)", "{applicant_name:upper}"),
            Line("Giấy tờ nhân thân", "Căn cước công dân số {applicant_id_number}"),
            Line("1.2. Địa chỉ thường trú", "{applicant_address}"),
            Para("2. Đề nghị: Đăng ký quyền sử dụng đất; Cấp Giấy chứng nhận quyền sử dụng "
                 "đất, quyền sở hữu tài sản gắn liền với đất."),
            PageBreak(),
            Para("3. Thửa đất đăng ký"),
            Line("3.1. Thửa đất số", "{parcel_number}"),
            Line("3.2. Tờ bản đồ số", "{map_sheet_number}"),
            Line("3.3. Địa chỉ tại", "{land_address}"),
            Line("3.4. Diện tích", "{area_m2} m²"),
            Line("3.5. Sử dụng vào mục đích", "{land_use_purpose}"),
            Space(2), DECLARATION,
        ),
        form_code="Mẫu số 04a/ĐK", signatures=_LAND_SIGN,
    ),
)

_CP_SIGN = (Signature("NGƯỜI LÀM ĐƠN", "(Ký, ghi rõ họ tên)", "{investor_name}"),)
CONSTRUCTION = (
    Layout(
        "construction_permit_form/nd175-mau01", "construction_permit_form",
        ("ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG",),
        (
            Heading("1. Thông tin về chủ đầu tư:"),
            Line("- Tên chủ đầu tư (tên chủ hộ)", "{investor_name}"),
            Line("- Số định danh cá nhân", "{investor_id_number}"),
            Line("- Địa chỉ liên hệ", "{investor_address}"),
            Line("- Số điện thoại", "{phone}"),
            Heading("2. Thông tin công trình:"),
            Line("- Địa điểm xây dựng", "{construction_site}"),
            Row((Line("Thửa đất số", "{parcel_number}"),
                 Line("Tờ bản đồ số", "{map_sheet_number}"))),
            Line("- Diện tích lô đất", "{x_lot_area} m²"),
            Heading("3. Nội dung đề nghị cấp phép:"),
            Line("- Loại công trình", "{construction_type}"),
            Line("- Tổng diện tích sàn", "{floor_area_m2} m²"),
            Row((Line("- Số tầng", "{floors}"), Line("- Chiều cao công trình", "{x_height} m"))),
            Space(2),
            Para("Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn "
                 "chịu trách nhiệm và bị xử lý theo quy định của pháp luật."),
        ),
        subtitle="(Sử dụng cho công trình: Nhà ở riêng lẻ)", form_code="Mẫu số 01",
        signatures=_CP_SIGN,
    ),
    Layout(
        "construction_permit_form/two-page", "construction_permit_form",
        ("ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG",),
        (
            Heading("1. Thông tin về chủ đầu tư"),
            Line("Họ và tên", "{investor_name:upper}"),
            Line("Căn cước công dân số", "{investor_id_number}"),
            Line("Địa chỉ", "{investor_address}"),
            Line("Điện thoại", "{phone}"),
            Heading("2. Thông tin công trình"),
            Line("Địa điểm xây dựng", "{construction_site}"),
            Line("Thửa đất số", "{parcel_number}"),
            Line("Tờ bản đồ số", "{map_sheet_number}"),
            PageBreak(),
            Heading("3. Nội dung đề nghị cấp phép"),
            T(("Loại công trình", "Tổng diện tích sàn (m²)", "Số tầng"),
              (("{construction_type}", "{floor_area_m2}", "{floors}"),), (0.5, 0.3, 0.2)),
            Space(2), DECLARATION,
        ),
        subtitle="(Sử dụng cho công trình: Nhà ở riêng lẻ)", form_code="Mẫu số 01",
        signatures=_CP_SIGN,
    ),
)
