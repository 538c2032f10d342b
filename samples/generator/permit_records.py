"""Record builders for residence, household business, land and construction applications.

Land parcels carry a parcel number (Thửa đất số) and a map sheet number (Tờ bản đồ số) and an
area with decimals; money is whole đồng. These are the values the pipeline must read back
from Vietnamese-formatted numbers ("120,5 m²", "50.000.000 đồng").
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from .addresses import Address, random_address
from .geo import province_label
from .people import Person, make_person, make_spouse
from .record import DocumentRecord, address_text, authority, choose_blanks, id_issue_date

RESIDENCE_REQUESTS = (
    "Đăng ký thường trú", "Đăng ký tạm trú", "Gia hạn tạm trú", "Tách hộ",
    "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", "Xóa đăng ký thường trú",
)
BUSINESS_LINES = (
    "Bán lẻ lương thực, thực phẩm, đồ uống", "Dịch vụ ăn uống", "Sửa chữa xe máy",
    "Bán lẻ hàng may mặc", "Cắt tóc, gội đầu", "Bán lẻ vật liệu xây dựng",
    "Dịch vụ giặt là", "Kinh doanh tạp hóa", "Bán lẻ điện thoại di động",
)
SHOP_WORDS = ("Tạp hóa", "Quán ăn", "Cửa hàng", "Tiệm", "Cơ sở")
LAND_PURPOSES = (
    "Đất ở tại nông thôn", "Đất ở tại đô thị", "Đất trồng cây lâu năm",
    "Đất trồng lúa", "Đất trồng cây hằng năm khác", "Đất nuôi trồng thủy sản",
)
BUILDING_TYPES = ("Nhà ở riêng lẻ", "Nhà ở riêng lẻ tại đô thị", "Nhà ở kết hợp kinh doanh",
                  "Cải tạo, sửa chữa nhà ở riêng lẻ")


def residence(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Tờ khai thay đổi thông tin cư trú (CT01); the head may be the subject or a relative."""
    own_head = rng.random() < 0.4
    head = subject if own_head else make_spouse(rng, subject)
    request = rng.choice(RESIDENCE_REQUESTS)
    target = address_text(subject.residence, when)
    values: dict[str, object] = {
        "full_name": subject.full_name, "date_of_birth": subject.date_of_birth,
        "sex": subject.sex, "id_number": subject.id_number, "phone": subject.phone,
        "head_of_household_name": head.full_name,
        "relationship_to_head": "Chủ hộ" if own_head else rng.choice(("Vợ", "Chồng")),
        "request_content": f"{request} tại {target}" if "trú" in request[-4:] else request,
        "request_date": when, "x_recipient": authority(subject.residence, when, "Công an"),
        "x_head_id": head.id_number,
        "x_email": rng.choice(("", f"congdan{rng.randint(10, 999)}@gmail.com")),
    }
    return DocumentRecord(
        "residence_form", values, [("applicant", "id_number")], {"applicant": subject},
        choose_blanks(rng, ("phone",)),
    )


def household_business(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Giấy đề nghị đăng ký hộ kinh doanh; capital in whole millions of đồng."""
    given = subject.full_name.split()[-1]
    site = random_address(rng, subject.residence.province)
    values: dict[str, object] = {
        "business_name": f"Hộ kinh doanh {rng.choice(SHOP_WORDS)} {given}",
        "business_address": address_text(site, when),
        "phone": subject.phone, "business_lines": rng.choice(BUSINESS_LINES),
        "capital": Decimal(rng.choice((20, 30, 50, 80, 100, 150, 200, 300, 500)) * 1_000_000),
        "owner_name": subject.full_name, "owner_date_of_birth": subject.date_of_birth,
        "owner_id_number": subject.id_number,
        "owner_residence": address_text(subject.residence, when), "request_date": when,
        "x_recipient": authority(site, when, "Phòng Kinh tế")
        if when >= date(2025, 7, 1) else authority(site, when, "Phòng Tài chính - Kế hoạch"),
        "x_id_issue_date": id_issue_date(rng, subject, when), "x_sex": subject.sex,
        "x_ethnicity": subject.ethnicity, "x_workers": str(rng.randint(1, 6)),
    }
    return DocumentRecord(
        "household_business_form", values, [("owner", "owner_id_number")], {"owner": subject},
        choose_blanks(rng, ("phone",)),
    )


def _parcel(rng: random.Random) -> tuple[str, str, Decimal]:
    area = Decimal(rng.randint(400, 30000)) / 10 if rng.random() < 0.6 else Decimal(
        rng.randint(40, 3000))
    return str(rng.randint(1, 980)), str(rng.randint(1, 68)), area


def land_registration(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Đơn đăng ký đất đai (Mẫu 04/ĐK before July 2025, Mẫu 15 after)."""
    parcel, sheet, area = _parcel(rng)
    land = random_address(rng, subject.residence.province)
    values: dict[str, object] = {
        "applicant_name": subject.full_name, "applicant_id_number": subject.id_number,
        "applicant_address": address_text(subject.residence, when),
        "parcel_number": parcel, "map_sheet_number": sheet,
        "land_address": address_text(land, when), "area_m2": area,
        "land_use_purpose": rng.choice(LAND_PURPOSES), "request_date": when,
        "x_recipient": f"Văn phòng đăng ký đất đai {_province(land, when)}",
        "x_birth_year": str(subject.date_of_birth.year),
        "x_use_term": rng.choice(("Lâu dài", "Đến ngày 15/10/2063", "50 năm")),
    }
    return DocumentRecord(
        "land_registration_form", values, [("applicant", "applicant_id_number")],
        {"applicant": subject},
    )


def _province(addr: Address, when: date) -> str:
    new = when >= date(2025, 7, 1)
    return province_label(addr.province.new_name if new else addr.province.name, new_regime=new)


def construction_permit(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Đơn đề nghị cấp giấy phép xây dựng (Mẫu 01) for a private house."""
    parcel, sheet, area = _parcel(rng)
    site = random_address(rng, subject.residence.province)
    floors = rng.randint(1, 5)
    footprint = Decimal(rng.randint(400, 1500)) / 10
    values: dict[str, object] = {
        "investor_name": subject.full_name, "investor_id_number": subject.id_number,
        "investor_address": address_text(subject.residence, when), "phone": subject.phone,
        "construction_site": address_text(site, when), "parcel_number": parcel,
        "map_sheet_number": sheet, "construction_type": rng.choice(BUILDING_TYPES),
        "floor_area_m2": footprint * floors, "floors": Decimal(floors), "request_date": when,
        "x_recipient": authority(site, when),
        "x_lot_area": area, "x_height": f"{Decimal(floors * 36 + 5) / 10}".replace(".", ","),
    }
    return DocumentRecord(
        "construction_permit_form", values, [("investor", "investor_id_number")],
        {"investor": subject}, choose_blanks(rng, ("phone",)),
    )


def adult(rng: random.Random, when: date) -> Person:
    """A fresh adult (22-70 years old at `when`)."""
    return make_person(rng, born_from=date(when.year - 70, 1, 1),
                       born_to=date(when.year - 22, 12, 31))
