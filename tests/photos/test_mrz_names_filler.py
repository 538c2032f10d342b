"""The MRZ names line with a filler ``<`` read as a letter still checks the front's name
(fresh seed 548002, a card photographed at 90 degrees: the names line read
``PHAN<<GIACDUY``, was dropped as no syllables, and a front misread as "Phan Giá Đức" for
Phan Gia Duy was kept, wrong)."""

from __future__ import annotations

from intake.extract.mrz_names import agrees, read_names_line


def test_filler_read_as_a_letter_between_two_given_names_is_put_back() -> None:
    names = read_names_line(["PHAN<<GIACDUY"])
    assert names is not None and names.words == ("PHAN", "GIA", "DUY")
    assert agrees("Phan Gia Duy", names)
    assert not agrees("Phan Giá Đức", names)  # both listed: a contradiction, refused


def test_word_with_no_single_filler_split_stays_and_the_line_proves_nothing() -> None:
    assert read_names_line(["PHAN<<GIACDUYX"]) is None  # DUYX is no name syllable
    assert read_names_line(["NGUYEN<<THANHLONG"]) is None  # a lost filler is not guessed


def test_a_front_word_that_is_no_syllable_does_not_agree_with_an_unlisted_mrz_word() -> None:
    """Fresh 550001 0055 (Lê Ngọc Lụa, a photographed copy): every view read LVA, and the
    MRZ's LUA (Lụa was then missing from the list of name syllables) was taken as misread
    one letter apart, so "Lê Ngọc Lva" was given. A syllable one letter from an unlisted
    MRZ word (LOAM) still agrees; a word that is no syllable does not."""
    names = read_names_line(["LE<<NGOC<LUA<<<"])
    assert names is not None and names.words == ("LE", "NGOC", "LUA")
    assert not agrees("Lê Ngọc Lva", names)
    assert agrees("Lê Ngọc Lụa", names)
    misread = read_names_line(["LE<<NGOC<LOAM<<<"])
    assert misread is not None and misread.words == ("LE", "NGOC", "LOAM")
    assert agrees("Lê Ngọc Loan", misread)  # a syllable one letter off: the MRZ misread
    assert not agrees("Lê Ngọc Lvan", misread)


def test_a_names_line_going_on_into_an_unreadable_word_is_cut() -> None:
    """Given NGUYEN<<H0A1<4A1<<<<<<<<<4<<<<7 (fresh 551701 0014, Nguyễn Hoài Mai: MAI read
    4A1), the name does not end at HOAI: the line is taken as cut, so it names no one on its
    own ("Nguyễn Hoài" was given), while its first words still check a front's name."""
    from intake.extract.mrz_names import read_names_line

    got = read_names_line(["NGUYEN<<H0A1<4A1<<<<<<<<<4<<<<7"])
    assert got is not None and got.words == ("NGUYEN", "HOAI") and got.cut
    whole = read_names_line(["NGUYEN<<HOAI<<<<<<<<<<<<<<<<<<"])
    assert whole is not None and not whole.cut


def test_a_word_read_without_a_tone_mark_does_not_choose_the_unmarked_form() -> None:
    """Fresh 553101 0016 (Huỳnh Trọng Hùng, a photographed copy): the name band's best view
    read HUYNH TRỌNG HLUNG, and the MRZ's HUYNH<<TRONG<HUNG mended HLUNG into Hưng, the one
    listed form of HUNG "with the tone mark read", none. No mark read says nothing of one
    (blur erases marks): the word is Hùng or Hưng, and the name is refused. A view that read
    the grave (MÙNG) still gives Hùng."""
    from intake.extract.mrz_names import mend

    names = read_names_line(["HUYNH<<TRONG<HUNG<<<<<<<<<<<<<"])
    assert names is not None
    assert mend("HUYNH TRỌNG HLUNG", names) is None
    assert mend("HUYNH TRỌNG MÙNG", names) == "HUYNH TRỌNG Hùng"
