"""Layouts of civil-status forms and results (Circular 04/2020 and 04/2024/TT-BTP wording)."""

from __future__ import annotations

from .forms import DECLARATION, REQUESTER, Heading, Layout, Line, Para, Row, Signature, Space
from .forms import Table as T

_ID_PAPER = "Căn cước công dân số {applicant_id_number}, cấp ngày {x_id_issue_date}"

BIRTH_REGISTRATION = (
    Layout(
        "birth_registration_form/tt04-2020-lines", "birth_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KHAI SINH",),
        (
            Line("Họ, chữ đệm, tên người yêu cầu", "{applicant_name}"),
            Line("Nơi cư trú", "{x_residence}"),
            Line("Giấy tờ tùy thân", _ID_PAPER),
            Line("Quan hệ với người được khai sinh", "{relationship}"),
            Para("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
            Line("Họ, chữ đệm, tên", "{full_name}"),
            Line("Ngày, tháng, năm sinh", "{date_of_birth}"),
            Line("ghi bằng chữ", "{date_of_birth:words}"),
            Row((Line("Giới tính", "{sex}"), Line("Dân tộc", "{ethnicity}"),
                 Line("Quốc tịch", "{nationality}"))),
            Line("Nơi sinh", "{place_of_birth}"),
            Line("Họ, chữ đệm, tên người mẹ", "{mother_name}"),
            Line("Họ, chữ đệm, tên người cha", "{father_name}"),
            Space(3),
            Para("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, "
                 "được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật."),
        ),
        closing="Làm tại: {x_place}, {request_date:closing}",
        signatures=(REQUESTER,),
    ),
    Layout(
        "birth_registration_form/tt04-2024-numbered", "birth_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KHAI SINH",),
        (
            Heading("I. THÔNG TIN NGƯỜI YÊU CẦU"),
            Line("1. Họ, chữ đệm, tên", "{applicant_name}"),
            Line("2. Số định danh cá nhân", "{applicant_id_number}"),
            Line("3. Nơi cư trú", "{x_residence}"),
            Line("4. Quan hệ với người được khai sinh", "{relationship}"),
            Heading("II. THÔNG TIN NGƯỜI ĐƯỢC KHAI SINH"),
            Line("1. Họ, chữ đệm, tên", "{full_name}"),
            Row((Line("2. Ngày, tháng, năm sinh", "{date_of_birth}"),
                 Line("3. Giới tính", "{sex}"))),
            Row((Line("4. Dân tộc", "{ethnicity}"), Line("5. Quốc tịch", "{nationality}"))),
            Line("6. Nơi sinh", "{place_of_birth}"),
            Heading("III. THÔNG TIN CHA, MẸ"),
            Line("1. Họ, chữ đệm, tên người cha", "{father_name}"),
            Line("2. Họ, chữ đệm, tên người mẹ", "{mother_name}"),
            Space(3), DECLARATION,
        ),
        form_code="Mẫu số 01 (Thông tư số 04/2024/TT-BTP)",
        signatures=(REQUESTER,),
    ),
)

BIRTH_CERTIFICATE = tuple(
    Layout(
        f"birth_certificate/{name}", "birth_certificate", ("GIẤY KHAI SINH",), blocks,
        recipient=None, authority_header=True, certificate=True,
        closing="{x_place}, {registration_date:closing}",
        signatures=(Signature("NGƯỜI THỰC HIỆN", "(Ký, ghi rõ họ, chữ đệm, tên)", "{x_officer}"),
                    Signature("{x_signer_title}", "(Ký, đóng dấu, ghi rõ họ tên)", "{x_signer}")),
    )
    for name, blocks in (
        ("tt04-2020-original", (
            Row((Line("Số", "{registration_number}"), Line("Quyển số", "{x_book}"))),
            Line("Họ, chữ đệm, tên", "{full_name:upper}"),
            Line("Ngày, tháng, năm sinh", "{date_of_birth}"),
            Line("ghi bằng chữ", "{date_of_birth:words}"),
            Row((Line("Giới tính", "{sex}"), Line("Dân tộc", "{x_ethnicity}"),
                 Line("Quốc tịch", "{x_nationality}"))),
            Line("Nơi sinh", "{place_of_birth}"),
            Line("Số định danh cá nhân", "{id_number}"),
            Line("Họ, chữ đệm, tên người mẹ", "{mother_name}"),
            Line("Họ, chữ đệm, tên người cha", "{father_name}"),
            Line("Nơi đăng ký khai sinh", "{issuing_authority}"),
            Line("Ngày, tháng, năm đăng ký", "{registration_date}"),
        )),
        ("copy-from-register", (
            Heading("BẢN SAO", center=True),
            Line("Số", "{registration_number}"),
            Line("Số định danh cá nhân", "{id_number}"),
            Line("Họ, chữ đệm, tên", "{full_name}"),
            Row((Line("Ngày sinh", "{date_of_birth}"), Line("Giới tính", "{sex}"))),
            Line("Nơi sinh", "{place_of_birth}"),
            Row((Line("Dân tộc", "{x_ethnicity}"), Line("Quốc tịch", "{x_nationality}"))),
            Line("Họ, chữ đệm, tên cha", "{father_name}"),
            Line("Họ, chữ đệm, tên mẹ", "{mother_name}"),
            Line("Nơi đăng ký khai sinh", "{issuing_authority}"),
            Line("Ngày đăng ký", "{registration_date}"),
            Line("Quyển số", "{x_book}"),
        )),
    )
)

_SIDES = ("Thông tin", "Bên nữ", "Bên nam")
MARRIAGE_REGISTRATION = (
    Layout(
        "marriage_registration_form/tt04-table", "marriage_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KẾT HÔN",),
        (
            T(_SIDES, (
                ("Họ, chữ đệm, tên", "{wife_name}", "{husband_name}"),
                ("Ngày, tháng, năm sinh", "{wife_date_of_birth}", "{husband_date_of_birth}"),
                ("Dân tộc", "{x_wife_ethnicity}", "{x_husband_ethnicity}"),
                ("Quốc tịch", "{x_wife_nationality}", "{x_husband_nationality}"),
                ("Nơi cư trú", "{wife_residence}", "{husband_residence}"),
                ("Số định danh cá nhân", "{wife_id_number}", "{husband_id_number}"),
                ("Kết hôn lần thứ mấy", "Lần đầu", "Lần đầu"),
            ), (0.28, 0.36, 0.36)),
            Space(3),
            Para("Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của "
                 "chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình."),
        ),
        signatures=(Signature("Bên nữ", name="{wife_name}"),
                    Signature("Bên nam", name="{husband_name}")),
    ),
    Layout(
        "marriage_registration_form/lines", "marriage_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KẾT HÔN",),
        (
            Heading("THÔNG TIN BÊN NỮ"),
            Line("Họ, chữ đệm, tên", "{wife_name}"),
            Line("Ngày, tháng, năm sinh", "{wife_date_of_birth}"),
            Line("Số định danh cá nhân", "{wife_id_number}"),
            Line("Nơi cư trú", "{wife_residence}"),
            Heading("THÔNG TIN BÊN NAM"),
            Line("Họ, chữ đệm, tên", "{husband_name}"),
            Line("Ngày, tháng, năm sinh", "{husband_date_of_birth}"),
            Line("Số định danh cá nhân", "{husband_id_number}"),
            Line("Nơi cư trú", "{husband_residence}"),
            Space(3), DECLARATION,
        ),
        signatures=(Signature("Bên nữ", name="{wife_name}"),
                    Signature("Bên nam", name="{husband_name}")),
    ),
)

_CERT_SIGNS = (Signature("Chồng", "(Ký, ghi rõ họ tên)", "{husband_name}"),
               Signature("Vợ", "(Ký, ghi rõ họ tên)", "{wife_name}"),
               Signature("{x_signer_title}", "(Ký, đóng dấu)", "{x_signer}"))
MARRIAGE_CERTIFICATE = (
    Layout(
        "marriage_certificate/table", "marriage_certificate", ("GIẤY CHỨNG NHẬN KẾT HÔN",),
        (
            Line("Số", "{registration_number}"),
            T(("", "Thông tin người chồng", "Thông tin người vợ"), (
                ("Họ, chữ đệm, tên", "{husband_name:upper}", "{wife_name:upper}"),
                ("Ngày, tháng, năm sinh", "{husband_date_of_birth}", "{wife_date_of_birth}"),
                ("Dân tộc", "{x_husband_ethnicity}", "{x_wife_ethnicity}"),
                ("Quốc tịch", "{x_husband_nationality}", "{x_wife_nationality}"),
                ("Nơi cư trú", "{x_husband_residence}", "{x_wife_residence}"),
                ("Số định danh cá nhân", "{husband_id_number}", "{wife_id_number}"),
            ), (0.26, 0.37, 0.37)),
            Line("Nơi đăng ký", "{issuing_authority}"),
            Line("Ngày, tháng, năm đăng ký", "{registration_date}"),
        ),
        recipient=None, authority_header=True, certificate=True,
        closing="{x_place}, {registration_date:closing}", signatures=_CERT_SIGNS,
    ),
    Layout(
        "marriage_certificate/lines", "marriage_certificate", ("GIẤY CHỨNG NHẬN KẾT HÔN",),
        (
            Row((Line("Số", "{registration_number}"), Line("Quyển số", "{x_book}"))),
            Line("Họ, chữ đệm, tên chồng", "{husband_name}"),
            Line("Ngày, tháng, năm sinh", "{husband_date_of_birth}"),
            Line("Số định danh cá nhân", "{husband_id_number}"),
            Line("Họ, chữ đệm, tên vợ", "{wife_name}"),
            Line("Ngày, tháng, năm sinh", "{wife_date_of_birth}"),
            Line("Số định danh cá nhân", "{wife_id_number}"),
            Line("Nơi đăng ký kết hôn", "{issuing_authority}"),
            Line("Ngày đăng ký", "{registration_date}"),
        ),
        recipient=None, authority_header=True, certificate=True,
        closing="{x_place}, {registration_date:closing}", signatures=_CERT_SIGNS,
    ),
)

DEATH_REGISTRATION = (
    Layout(
        "death_registration_form/tt04-lines", "death_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KHAI TỬ",),
        (
            Line("Họ, chữ đệm, tên người yêu cầu", "{applicant_name}"),
            Line("Nơi cư trú", "{x_residence}"),
            Line("Giấy tờ tùy thân", "Căn cước công dân số {applicant_id_number}"),
            Line("Quan hệ với người đã chết", "{relationship}"),
            Para("Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:"),
            Line("Họ, chữ đệm, tên", "{deceased_name:upper}"),
            Line("Ngày, tháng, năm sinh", "{deceased_date_of_birth}"),
            Line("Dân tộc", "{x_deceased_ethnicity}"),
            Line("Số định danh cá nhân", "{deceased_id_number}"),
            Line("Đã chết vào lúc", "{x_time_of_death}, ngày {date_of_death}"),
            Line("Nơi chết", "{place_of_death}"),
            Line("Nguyên nhân chết", "{cause_of_death}"),
            Space(3), DECLARATION,
        ),
        signatures=(REQUESTER,),
    ),
    Layout(
        "death_registration_form/two-column", "death_registration_form",
        ("TỜ KHAI ĐĂNG KÝ KHAI TỬ",),
        (
            Heading("Phần khai về người yêu cầu"),
            Line("Họ và tên", "{applicant_name}"),
            Row((Line("Số định danh", "{applicant_id_number}"),
                 Line("Quan hệ", "{relationship}"))),
            Heading("Phần khai về người đã chết"),
            Line("Họ và tên", "{deceased_name}"),
            Row((Line("Năm sinh", "{deceased_date_of_birth}"),
                 Line("Ngày chết", "{date_of_death}"))),
            Line("Số định danh cá nhân", "{deceased_id_number}"),
            Line("Nơi chết", "{place_of_death}"),
            Line("Nguyên nhân chết", "{cause_of_death}"),
            Space(3), DECLARATION,
        ),
        form_code="Mẫu số 05",
        signatures=(REQUESTER,),
    ),
)

MARITAL_STATUS = (
    Layout(
        "marital_status_form/tt04-lines", "marital_status_form",
        ("TỜ KHAI CẤP GIẤY XÁC NHẬN", "TÌNH TRẠNG HÔN NHÂN"),
        (
            Line("Họ, chữ đệm, tên người yêu cầu", "{full_name}"),
            Line("Nơi cư trú", "{place_of_residence}"),
            Line("Giấy tờ tùy thân", "Căn cước công dân số {id_number}, cấp ngày "
                 "{x_id_issue_date}"),
            Para("Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:"),
            Line("Họ, chữ đệm, tên", "{full_name}"),
            Line("Ngày, tháng, năm sinh", "{date_of_birth}"),
            Row((Line("Giới tính", "{sex}"), Line("Dân tộc", "{x_ethnicity}"),
                 Line("Quốc tịch", "{x_nationality}"))),
            Line("Thời gian cư trú tại nơi đề nghị", "{x_period}"),
            Line("Tình trạng hôn nhân", "{marital_status}"),
            Line("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân", "{purpose}"),
            Space(3), DECLARATION,
        ),
        signatures=(Signature("NGƯỜI YÊU CẦU", name="{full_name}"),),
    ),
    Layout(
        "marital_status_form/compact", "marital_status_form",
        ("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",),
        (
            Line("Họ, chữ đệm và tên", "{full_name:upper}"),
            Row((Line("Sinh ngày", "{date_of_birth}"), Line("Giới tính", "{sex}"))),
            Line("Số định danh cá nhân", "{id_number}"),
            Line("Nơi thường trú", "{place_of_residence}"),
            Line("Tình trạng hôn nhân hiện nay", "{marital_status}"),
            Line("Mục đích sử dụng", "{purpose}"),
            Space(3), DECLARATION,
        ),
        form_code="Mẫu số 10",
        signatures=(Signature("NGƯỜI YÊU CẦU", name="{full_name}"),),
    ),
)
