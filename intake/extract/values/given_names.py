"""Tone marks of middle and given names that OCR lost or changed ("Duyen" -> "Duyên").

Tone marks are the first thing OCR damages on scans, and a name read without them is a
different name. The common syllables of Vietnamese middle and given names are listed here; a
word is repaired only when it is not itself one of them and exactly one of them has the same
letters (so "Thanh" / "Thành" and "Thu" / "Thư", both names, are never guessed between).
"""

from __future__ import annotations

from functools import cache

from intake.extract.text import fold

_SYLLABLES = """
An Anh Ánh Bảo Bích Biên Bình Cảnh Cẩm Châu Chi Chiến Chính Công Cúc Cường Diệp Diệu Dung
Dũng Duy Duyên Dương Đại Đan Đạt Điệp Đình Định Đông Đức Gia Giang Hà Hải Hạnh Hào Hảo Hằng
Hân Hậu Hiền Hiển Hiếu Hoa Hòa Hoài Hoàn Hoàng Hồng Huệ Hùng Hưng Hương Hường Hữu Huy Huyền
Kha Khải Khang Khanh Khánh Khắc Khoa Khôi Khuê Kiên Kiều Kiệt Kim Lam Lan Lâm Lệ Liên Liễu Linh
Loan Long Lộc Lợi Luân Lụa Lực Ly Lý Mai Mạnh Minh My Mỹ Nam Nga Ngân Nghĩa Nghiêm Ngọc Nguyên
Nhàn Nhân Nhật Nhi Nhiên Nhung Như Oanh Phát Phi Phong Phú Phúc Phụng Phước Phương Phượng
Quang Quân Quế Quốc Quý Quyên Quyết Quỳnh Sang San Sơn Sương Tài Tâm Tân Thái Thanh Thành
Thảo Thắm Thắng Thịnh Thế Thị Thiện Thoa Thông Thu Thư Thuận Thùy Thúy Thủy Thương Tiên Tiến
Tín Toàn Trà Trang Trâm Trí Triều Trinh Trọng Trung Trúc Trường Tú Tuấn Tùng Tuyền Tuyết
Uyên Vân Văn Vi Việt Vinh Vĩnh Võ Vũ Vy Xuân Yên Yến
"""


@cache
def _by_letters() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in _SYLLABLES.split():
        out.setdefault(fold(name), []).append(name)
    return out


def repair_given_names(value: str) -> tuple[str, list[str]]:
    """The name with the tone marks of its 2nd..last words repaired, and what was changed."""
    first, *rest = value.split(" ")
    known = _by_letters()
    fixed, changed = [], []
    for word in rest:
        options = known.get(fold(word), [])
        if word not in options and len(options) == 1:
            changed.append(f"{word} → {options[0]}")
            word = options[0]
        fixed.append(word)
    return " ".join([first, *fixed]), changed


def known_syllable(word: str) -> bool:
    """True when ``word`` (any case) is one of the listed name syllables, tone marks and all."""
    form = word[:1].upper() + word[1:].lower()
    return form in _by_letters().get(fold(word), [])


def same_letters(word: str) -> list[str]:
    """The listed name syllables spelled with ``word``'s letters (any tone marks)."""
    return list(_by_letters().get(fold(word), []))


def syllable_letters() -> list[str]:
    """The listed name syllables' letters, folded and in capitals ("NGOC"), each once."""
    return [letters.upper() for letters in _by_letters()]


def listed_syllables() -> tuple[str, ...]:
    """Every listed name syllable, tone marks and all ("Ngọc")."""
    return tuple(_SYLLABLES.split())
