"""Vietnamese personal names with realistic surname frequencies and full tone marks.

Surname weights follow published frequency estimates (Nguyễn ~38%, Trần ~11%, Lê ~9.5%, ...);
the southern spellings Huỳnh and Võ replace Hoàng and Vũ for people from southern provinces.
"""

from __future__ import annotations

import random

SURNAMES: dict[str, float] = {
    "Nguyễn": 38.4, "Trần": 11.0, "Lê": 9.5, "Phạm": 7.1, "Hoàng": 5.1, "Phan": 4.5,
    "Vũ": 3.9, "Đặng": 2.1, "Bùi": 2.0, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1.0,
    "Lý": 0.5, "Đinh": 0.8, "Trương": 0.7, "Lâm": 0.5, "Mai": 0.5, "Cao": 0.4, "Lương": 0.4,
    "Trịnh": 0.4, "Đoàn": 0.4, "Hà": 0.4, "Tạ": 0.2, "Chu": 0.2, "Kiều": 0.1, "Quách": 0.1,
    "La": 0.1, "Thái": 0.1, "Tô": 0.2, "Lưu": 0.2, "Châu": 0.1,
}
_SOUTHERN = {"Hoàng": "Huỳnh", "Vũ": "Võ"}

MIDDLE_MALE: tuple[str, ...] = (
    "Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân", "Hoàng",
    "Gia", "Tuấn", "Đình", "Ngọc", "Trọng", "Thành", "Anh", "Bảo", "Duy", "Quang", "Tiến",
)
MIDDLE_FEMALE: tuple[str, ...] = (
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Minh", "Phương",
    "Hồng", "Bảo", "Khánh", "Diệu", "Thùy", "Hoài", "Bích", "Quỳnh", "Hải", "Tuyết",
)
GIVEN_MALE: tuple[str, ...] = (
    "An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hòa", "Hùng",
    "Huy", "Khang", "Khoa", "Kiên", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang",
    "Quân", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
    "Vinh", "Bảo", "Hoàng", "Lâm", "Lộc", "Nhân", "Thịnh", "Trí", "Khải", "Đông", "Hưng",
)
GIVEN_FEMALE: tuple[str, ...] = (
    "An", "Anh", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
    "Hồng", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân",
    "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Trinh",
    "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Nhi", "Thư", "Xuân", "Lụa", "Huệ", "Cúc",
)


def random_surname(rng: random.Random, *, south: bool = False) -> str:
    """Draw a surname by frequency; southern people get Huỳnh/Võ instead of Hoàng/Vũ."""
    name = rng.choices(list(SURNAMES), weights=list(SURNAMES.values()))[0]
    return _SOUTHERN.get(name, name) if south else name


def random_full_name(
    rng: random.Random, sex: str, *, south: bool = False, surname: str | None = None
) -> str:
    """Return a title-cased NFC full name: surname, one or two middle names, given name."""
    female = sex == "Nữ"
    middles = MIDDLE_FEMALE if female else MIDDLE_MALE
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    parts = [surname or random_surname(rng, south=south), rng.choice(middles)]
    if rng.random() < 0.22:
        second = rng.choice(middles)
        if second not in parts and second != given:
            parts.append(second)
    if parts[-1] == given:
        parts[-1] = "Văn" if not female else "Thị"
    parts.append(given)
    return " ".join(parts)
