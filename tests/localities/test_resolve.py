"""Names resolve to the unit they meant on a date, across the 2025 reorganisation."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from hoptac.lib import units

MERGER = Path(units.__file__).with_name("data") / "province_merger_2025.csv"
BEFORE = dt.date(2019, 6, 12)
AFTER = dt.date(2026, 1, 1)


def _rows():
    with MERGER.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_there_are_63_old_and_34_new_units():
    all_units = units.all_units()
    assert len(all_units) == 97
    assert sum(u.generation == units.OLD for u in all_units) == 63
    assert sum(u.generation == units.NEW for u in all_units) == 34


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["old_name"])
def test_every_old_unit_has_the_successor_in_the_merger_table(row):
    res = units.resolve(row["old_name"], BEFORE)
    assert (res.unit.generation, res.unit.code) == (units.OLD, int(row["old_code"]))
    succ = res.unit.successor
    assert succ is not None
    assert (succ.name, succ.code) == (row["new_name"], int(row["new_code"]))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["old_name"])
def test_every_old_name_after_the_merger_points_to_its_successor(row):
    res = units.resolve(row["old_name"], AFTER)
    current = res.unit.current()
    assert (current.name, current.code) == (row["new_name"], int(row["new_code"]))


def test_ninh_thuan_in_2019_is_code_58_succeeded_by_khanh_hoa():
    assert units.resolve("tỉnh Ninh Thuận", BEFORE).to_json() == {
        "name": "Ninh Thuận",
        "code": 58,
        "generation": 2008,
        "valid_from": "2008-08-01",
        "valid_to": "2025-06-30",
        "successor": {"name": "Khánh Hòa", "code": 56},
    }


def test_ha_nam_in_2026_no_longer_exists_and_names_ninh_binh():
    res = units.resolve("Hà Nam", AFTER)
    assert not res.exists
    assert res.unit.successor.name == "Ninh Bình"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("TP.HCM", "Hồ Chí Minh"),
        ("Tp. Hồ Chí Minh", "Hồ Chí Minh"),
        ("TPHCM", "Hồ Chí Minh"),
        ("thành phố Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("THANH HÓA", "Thanh Hóa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Thủ đô", "Hà Nội"),
        ("ha noi", "Hà Nội"),
    ],
)
def test_it_recognises_written_forms(written, name):
    assert units.resolve(written, BEFORE).name == name


def test_hue_is_named_by_the_date():
    assert units.resolve("Huế", dt.date(2024, 12, 31)).name == "Thừa Thiên Huế"
    assert units.resolve("Huế", dt.date(2025, 3, 1)).name == "Huế"
    new = units.resolve("Huế", AFTER)
    assert (new.unit.generation, new.name) == (units.NEW, "Huế")


def test_a_code_means_different_units_in_each_generation():
    assert units.by_key("2008-15").name == "Yên Bái"
    assert units.by_key("2025-15").name == "Lào Cai"


def test_a_name_marked_old_after_the_merger_is_the_old_unit():
    res = units.resolve("Hà Nam (cũ)", AFTER)
    assert (res.unit.generation, res.unit.current().name) == (units.OLD, "Ninh Bình")


def test_a_name_of_both_generations_is_the_one_alive_on_the_date():
    assert units.resolve("Tuyên Quang", BEFORE).unit.generation == units.OLD
    assert units.resolve("Tuyên Quang", AFTER).unit.generation == units.NEW


def test_it_refuses_unknown_names():
    with pytest.raises(units.UnknownName):
        units.resolve("Atlantis", BEFORE)


def test_it_refuses_ambiguous_names_listing_the_candidates():
    with pytest.raises(units.AmbiguousName) as exc:
        units.resolve("Quảng", BEFORE)
    assert {"Quảng Nam", "Quảng Ninh"} <= {u.name for u in exc.value.candidates}
