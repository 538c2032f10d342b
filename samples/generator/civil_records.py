"""Record builders for civil-status documents (khai sinh, kết hôn, khai tử, hôn nhân).

Each builder takes the main person (possibly reused from another document) and the request
date, and draws the other people and values so that dates are consistent: birth before
registration, registration within weeks of birth or death, spouses of marriageable age.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from . import geo
from .people import Person, make_child, make_person, make_spouse, random_date
from .record import DocumentRecord, address_text, authority, choose_blanks, id_issue_date


def _place_of_birth(rng: random.Random, person: Person, when: date) -> str:
    addr = person.birth_place
    if rng.random() < 0.6:
        where = addr.province.new_name if when >= date(2025, 7, 1) else addr.province.name
        return f"{rng.choice(geo.HOSPITALS)} {geo.province_label(where, new_regime=True)}"
    return f"Trạm Y tế {address_text(addr, when)}"


def _reg_number(rng: random.Random, when: date) -> str:
    return rng.choice((f"{rng.randint(1, 480)}", f"{rng.randint(1, 480)}/{when.year}"))


def birth_registration(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Tờ khai đăng ký khai sinh: the subject is the declaring parent."""
    spouse = make_spouse(rng, subject)
    father, mother = (subject, spouse) if subject.sex == "Nam" else (spouse, subject)
    born = when - timedelta(days=rng.randint(3, 55))
    child = make_child(rng, father, mother, born)
    values: dict[str, object] = {
        "applicant_name": subject.full_name, "applicant_id_number": subject.id_number,
        "relationship": "Cha" if subject is father else "Mẹ",
        "full_name": child.full_name, "date_of_birth": born, "sex": child.sex,
        "place_of_birth": _place_of_birth(rng, child, when), "ethnicity": child.ethnicity,
        "nationality": "Việt Nam", "father_name": father.full_name,
        "mother_name": mother.full_name, "request_date": when,
        "x_residence": address_text(subject.residence, when),
        "x_id_issue_date": id_issue_date(rng, subject, when),
        "x_recipient": authority(subject.residence, when),
    }
    return DocumentRecord(
        "birth_registration_form", values, [("applicant", "applicant_id_number")],
        {"applicant": subject, "child": child},
        choose_blanks(rng, ("ethnicity", "applicant_id_number")),
    )


def birth_certificate(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Giấy khai sinh of the subject, registered days after birth (copy issued later)."""
    registered = subject.date_of_birth + timedelta(days=rng.randint(5, 50))
    father = make_person(rng, sex="Nam", born_from=date(subject.date_of_birth.year - 38, 1, 1),
                         born_to=date(subject.date_of_birth.year - 21, 1, 1),
                         surname=subject.surname)
    mother = make_person(rng, sex="Nữ", born_from=date(subject.date_of_birth.year - 36, 1, 1),
                         born_to=date(subject.date_of_birth.year - 19, 1, 1))
    values: dict[str, object] = {
        "registration_number": _reg_number(rng, registered),
        "full_name": subject.full_name, "date_of_birth": subject.date_of_birth,
        "sex": subject.sex, "place_of_birth": _place_of_birth(rng, subject, registered),
        "id_number": subject.id_number, "father_name": father.full_name,
        "mother_name": mother.full_name, "registration_date": registered,
        "issuing_authority": authority(subject.birth_place, registered),
        "x_ethnicity": subject.ethnicity, "x_nationality": "Việt Nam",
        "x_book": f"{rng.randint(1, 3):02d}/{registered.year}",
        "x_residence": address_text(subject.birth_place, registered),
    }
    blanks = choose_blanks(rng, ("id_number",)) if registered.year < 2016 else frozenset()
    return DocumentRecord(
        "birth_certificate", values, [("child", "id_number")], {"child": subject}, blanks
    )


def _couple(rng: random.Random, subject: Person) -> tuple[Person, Person]:
    other = make_spouse(rng, subject)
    return (subject, other) if subject.sex == "Nữ" else (other, subject)


def marriage_registration(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Tờ khai đăng ký kết hôn: one column (or block) per spouse."""
    wife, husband = _couple(rng, subject)
    values: dict[str, object] = {"request_date": when,
                                 "x_recipient": authority(subject.residence, when)}
    for role, p in (("wife", wife), ("husband", husband)):
        values |= {
            f"{role}_name": p.full_name, f"{role}_date_of_birth": p.date_of_birth,
            f"{role}_id_number": p.id_number,
            f"{role}_residence": address_text(p.residence, when),
            f"x_{role}_ethnicity": p.ethnicity, f"x_{role}_nationality": "Việt Nam",
        }
    return DocumentRecord(
        "marriage_registration_form", values,
        [("wife", "wife_id_number"), ("husband", "husband_id_number")],
        {"subject": subject, "wife": wife, "husband": husband},
    )


def marriage_certificate(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Giấy chứng nhận kết hôn issued by the commune of the subject's residence."""
    wife, husband = _couple(rng, subject)
    values: dict[str, object] = {
        "registration_number": _reg_number(rng, when), "registration_date": when,
        "issuing_authority": authority(subject.residence, when),
        "x_book": f"{rng.randint(1, 2):02d}/{when.year}",
    }
    for role, p in (("wife", wife), ("husband", husband)):
        values |= {
            f"{role}_name": p.full_name, f"{role}_date_of_birth": p.date_of_birth,
            f"{role}_id_number": p.id_number,
            f"x_{role}_residence": address_text(p.residence, when),
            f"x_{role}_ethnicity": p.ethnicity, f"x_{role}_nationality": "Việt Nam",
        }
    return DocumentRecord(
        "marriage_certificate", values,
        [("wife", "wife_id_number"), ("husband", "husband_id_number")],
        {"subject": subject, "wife": wife, "husband": husband},
    )


CAUSES = ("Bệnh già", "Tai biến mạch máu não", "Suy tim", "Ung thư phổi", "Tai nạn giao thông",
          "Nhồi máu cơ tim", "Suy thận mạn")


def death_registration(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Tờ khai đăng ký khai tử declared by a child or spouse of the deceased."""
    died = when - timedelta(days=rng.randint(1, 14))
    lo = max(subject.date_of_birth.year - 45, 1925)
    deceased = make_person(rng, born_from=date(lo, 1, 1),
                           born_to=date(subject.date_of_birth.year - 18, 12, 31),
                           residence=subject.residence)
    hospital_province = geo.province_label(subject.residence.province.new_name, new_regime=True)
    place = (f"Tại nhà, {address_text(deceased.residence, when)}" if rng.random() < 0.5
             else f"Bệnh viện Đa khoa {hospital_province}")
    values: dict[str, object] = {
        "applicant_name": subject.full_name, "applicant_id_number": subject.id_number,
        "relationship": "Con", "deceased_name": deceased.full_name,
        "deceased_date_of_birth": deceased.date_of_birth,
        "deceased_id_number": deceased.id_number, "date_of_death": died,
        "place_of_death": place, "cause_of_death": rng.choice(CAUSES), "request_date": when,
        "x_residence": address_text(subject.residence, when),
        "x_recipient": authority(subject.residence, when),
        "x_time_of_death": f"{rng.randint(0, 23)} giờ {rng.choice((0, 15, 30, 45)):02d} phút",
        "x_deceased_ethnicity": deceased.ethnicity,
    }
    return DocumentRecord(
        "death_registration_form", values,
        [("applicant", "applicant_id_number"), ("deceased", "deceased_id_number")],
        {"applicant": subject, "deceased": deceased},
        choose_blanks(rng, ("cause_of_death", "deceased_id_number")),
    )


STATUSES = ("Chưa đăng ký kết hôn với ai", "Độc thân", "Đã ly hôn, hiện chưa đăng ký kết hôn",
            "Đang có vợ/chồng")
PURPOSES = ("Để đăng ký kết hôn", "Bổ sung hồ sơ vay vốn ngân hàng", "Bổ sung hồ sơ mua nhà",
            "Để làm thủ tục nhận chuyển nhượng quyền sử dụng đất", "Bổ sung hồ sơ xin việc")


def marital_status(rng: random.Random, subject: Person, when: date) -> DocumentRecord:
    """Tờ khai cấp giấy xác nhận tình trạng hôn nhân."""
    values: dict[str, object] = {
        "full_name": subject.full_name, "date_of_birth": subject.date_of_birth,
        "sex": subject.sex, "id_number": subject.id_number,
        "place_of_residence": address_text(subject.residence, when),
        "marital_status": rng.choice(STATUSES), "purpose": rng.choice(PURPOSES),
        "request_date": when, "x_ethnicity": subject.ethnicity, "x_nationality": "Việt Nam",
        "x_recipient": authority(subject.residence, when),
        "x_id_issue_date": id_issue_date(rng, subject, when),
        "x_period": f"từ ngày {random_date(rng, date(2010, 1, 1), date(2016, 1, 1)):%d/%m/%Y}"
                    " đến nay",
    }
    return DocumentRecord(
        "marital_status_form", values, [("applicant", "id_number")], {"applicant": subject}
    )
