"""Folding makes spellings comparable without changing other words."""

from hoptac.lib.text import fold, unaccent


def test_old_tone_placement_folds_to_the_new_one():
    assert fold("Thanh Hoá") == fold("Thanh Hóa") == "thanh hóa"
    assert fold("Uỷ ban") == "ủy ban"


def test_syllables_that_go_on_after_the_vowels_are_left_alone():
    assert fold("Hoàng Trung Hải") == "hoàng trung hải"
    assert fold("toàn diện") == "toàn diện"


def test_nfd_input_folds_like_nfc():
    import unicodedata

    assert fold(unicodedata.normalize("NFD", "Khánh Hoà")) == "khánh hòa"


def test_dashes_and_spaces_fold():
    assert fold("Bà Rịa-Vũng Tàu") == fold("Bà Rịa – Vũng  Tàu") == "bà rịa vũng tàu"


def test_unaccent_drops_every_mark_and_d_stroke():
    assert unaccent("Đà Nẵng") == "da nang"
    assert unaccent("THANH HÓA") == unaccent("thanh hoa")
