"""Administrative geography used to build plausible addresses and ID province codes.

Two regimes coexist in the backlog (DOMAIN.md): the 63 old provinces with a district level,
and the 34 provinces/cities created on 1 July 2025 with communes directly under them. Each old
province maps to the new province that absorbed it, so one person's address can be printed
either way consistently. Commune and district names are built from common place-name stems;
they are plausible, not a gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OldProvince:
    """One of the 63 pre-2025 provinces: its ID-number code, name, and 2025 successor."""

    code: str
    name: str
    is_city: bool
    new_name: str
    south: bool


_CITIES_OLD = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
CITIES_NEW = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ", "Huế"})

# code, old name, new (2025) province; order follows the code list of DOMAIN.md.
_RAW = """
001 Hà Nội|Hà Nội
002 Hà Giang|Tuyên Quang
004 Cao Bằng|Cao Bằng
006 Bắc Kạn|Thái Nguyên
008 Tuyên Quang|Tuyên Quang
010 Lào Cai|Lào Cai
011 Điện Biên|Điện Biên
012 Lai Châu|Lai Châu
014 Sơn La|Sơn La
015 Yên Bái|Lào Cai
017 Hòa Bình|Phú Thọ
019 Thái Nguyên|Thái Nguyên
020 Lạng Sơn|Lạng Sơn
022 Quảng Ninh|Quảng Ninh
024 Bắc Giang|Bắc Ninh
025 Phú Thọ|Phú Thọ
026 Vĩnh Phúc|Phú Thọ
027 Bắc Ninh|Bắc Ninh
030 Hải Dương|Hải Phòng
031 Hải Phòng|Hải Phòng
033 Hưng Yên|Hưng Yên
034 Thái Bình|Hưng Yên
035 Hà Nam|Ninh Bình
036 Nam Định|Ninh Bình
037 Ninh Bình|Ninh Bình
038 Thanh Hóa|Thanh Hóa
040 Nghệ An|Nghệ An
042 Hà Tĩnh|Hà Tĩnh
044 Quảng Bình|Quảng Trị
045 Quảng Trị|Quảng Trị
046 Thừa Thiên Huế|Huế
048 Đà Nẵng|Đà Nẵng
049 Quảng Nam|Đà Nẵng
051 Quảng Ngãi|Quảng Ngãi
052 Bình Định|Gia Lai
054 Phú Yên|Đắk Lắk
056 Khánh Hòa|Khánh Hòa
058 Ninh Thuận|Khánh Hòa
060 Bình Thuận|Lâm Đồng
062 Kon Tum|Quảng Ngãi
064 Gia Lai|Gia Lai
066 Đắk Lắk|Đắk Lắk
067 Đắk Nông|Lâm Đồng
068 Lâm Đồng|Lâm Đồng
070 Bình Phước|Đồng Nai
072 Tây Ninh|Tây Ninh
074 Bình Dương|Hồ Chí Minh
075 Đồng Nai|Đồng Nai
077 Bà Rịa-Vũng Tàu|Hồ Chí Minh
079 Hồ Chí Minh|Hồ Chí Minh
080 Long An|Tây Ninh
082 Tiền Giang|Đồng Tháp
083 Bến Tre|Vĩnh Long
084 Trà Vinh|Vĩnh Long
086 Vĩnh Long|Vĩnh Long
087 Đồng Tháp|Đồng Tháp
089 An Giang|An Giang
091 Kiên Giang|An Giang
092 Cần Thơ|Cần Thơ
093 Hậu Giang|Cần Thơ
094 Sóc Trăng|Cần Thơ
095 Bạc Liêu|Cà Mau
096 Cà Mau|Cà Mau
"""


def _parse() -> tuple[OldProvince, ...]:
    out = []
    for raw in _RAW.strip().splitlines():
        code, rest = raw.split(" ", 1)
        name, new = rest.split("|")
        out.append(OldProvince(code, name, name in _CITIES_OLD, new, int(code) >= 46))
    return tuple(out)


OLD_PROVINCES: tuple[OldProvince, ...] = _parse()
NEW_PROVINCES: tuple[str, ...] = tuple(dict.fromkeys(p.new_name for p in OLD_PROVINCES))
PROVINCE_BY_CODE: dict[str, OldProvince] = {p.code: p for p in OLD_PROVINCES}

# Population-ish weights so big cities appear more often than mountain provinces.
PROVINCE_WEIGHTS: dict[str, float] = {
    "001": 8.5, "079": 9.5, "031": 2.1, "048": 1.3, "092": 1.3, "038": 3.7, "040": 3.4,
    "075": 3.3, "074": 2.8, "036": 1.8, "034": 1.9, "030": 1.9, "024": 1.9, "066": 1.9,
    "064": 1.6, "052": 1.5, "089": 1.9, "091": 1.8, "080": 1.7, "082": 1.8,
}

WARD_STEMS: tuple[str, ...] = (
    "Bến Thành", "Tân Định", "Hòa Khánh", "Thanh Xuân", "Cầu Giấy", "Ba Đình", "Hoàn Kiếm",
    "Tân Phong", "An Phú", "Phú Mỹ", "Hòa Bình", "Quang Trung", "Trần Phú", "Lê Lợi",
    "Bình Thạnh", "Long Biên", "Hồng Hà", "Ngô Quyền", "Lam Sơn", "Trường Thi", "Vĩnh Hải",
    "Hải Châu", "Thủ Dầu Một", "Biên Hòa", "Tam Hiệp", "Ninh Kiều", "Cái Khế", "Đông Hải",
)
COMMUNE_STEMS: tuple[str, ...] = (
    "Tân Phú", "An Bình", "Yên Phú", "Hòa Lợi", "Phú Hòa", "Tân Thành", "Vĩnh Thạnh",
    "Đông Hưng", "Quỳnh Lưu", "Nghĩa Đàn", "Thạch Hà", "Cẩm Xuyên", "Tiên Du", "Gia Bình",
    "Kim Sơn", "Xuân Trường", "Hải Hậu", "Lương Sơn", "Mộc Châu", "Bảo Yên", "Đức Trọng",
    "Cư Jút", "Tân Châu", "Châu Thành", "Mỹ Xuyên", "Long Hồ", "Cái Nước", "Hòn Đất",
    "Ea Kar", "Krông Pắc", "Phù Cát", "Tuy Phước", "Diên Khánh", "Núi Thành", "Điện Bàn",
)
DISTRICT_STEMS: tuple[str, ...] = (
    "Đông Anh", "Gia Lâm", "Thanh Trì", "Yên Mỹ", "Kim Động", "Thủy Nguyên", "Tiên Lãng",
    "Châu Thành", "Cai Lậy", "Bình Chánh", "Củ Chi", "Hóc Môn", "Nghi Lộc", "Diễn Châu",
    "Hoằng Hóa", "Tĩnh Gia", "Đức Thọ", "Quảng Trạch", "Tam Kỳ", "Hội An", "An Nhơn",
    "Tuy Hòa", "Cam Ranh", "Bảo Lộc", "Long Thành", "Trảng Bom", "Dĩ An", "Thuận An",
)
STREETS: tuple[str, ...] = (
    "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt",
    "Nguyễn Huệ", "Phan Chu Trinh", "Quang Trung", "Lê Duẩn", "Điện Biên Phủ", "Hùng Vương",
    "Nguyễn Văn Cừ", "Võ Thị Sáu", "Cách Mạng Tháng Tám", "Trường Chinh", "Lạc Long Quân",
    "Tôn Đức Thắng", "Phạm Văn Đồng", "Nguyễn Thị Minh Khai", "Bà Triệu", "Kim Mã",
)
VILLAGE_KINDS: tuple[str, ...] = ("Thôn", "Ấp", "Xóm", "Tổ dân phố", "Khu phố", "Bản")
HAMLET_NAMES: tuple[str, ...] = (
    "Đông", "Tây", "Trung", "Thượng", "Hạ", "Tân Lập", "Phú Lợi", "An Hòa", "Bình Minh",
    "Tân Hòa", "Hòa Thuận", "Long Thới", "Đồng Tâm", "Quyết Thắng",
)
HOSPITALS: tuple[str, ...] = (
    "Bệnh viện Phụ sản", "Bệnh viện Đa khoa", "Trung tâm Y tế", "Bệnh viện Sản Nhi",
)


def province_label(name: str, *, new_regime: bool) -> str:
    """Return "Thành phố X" or "tỉnh X" as an address prints it in the given regime."""
    cities = CITIES_NEW if new_regime else _CITIES_OLD
    if not new_regime and name == "Thừa Thiên Huế":
        return "tỉnh Thừa Thiên Huế"
    return f"Thành phố {name}" if name in cities else f"tỉnh {name}"
