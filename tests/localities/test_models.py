"""The localities table: loaded by migration, identified by generation and code."""

import datetime as dt

from hoptac.localities.models import Locality
from hoptac.localities.services import localities_load, locality_for


def test_the_migration_loads_all_97_units(db):
    assert Locality.objects.count() == 97
    assert Locality.objects.filter(generation=2008, successor__isnull=False).count() == 63


def test_loading_again_changes_nothing(db):
    assert localities_load() == 0


def test_a_gone_unit_shows_its_successor(db):
    ha_nam = locality_for("Hà Nam", dt.date(2019, 1, 1))
    assert ha_nam.display_name(today=dt.date(2026, 1, 1)) == "Hà Nam (nay thuộc Ninh Bình)"
    assert ha_nam.display_name(today=dt.date(2020, 1, 1)) == "Hà Nam"
    assert ha_nam.successor_on(dt.date(2026, 1, 1)).name == "Ninh Bình"
    assert ha_nam.current().name == "Ninh Bình"


def test_hue_keeps_its_names_in_time(db):
    hue = locality_for("Thừa Thiên Huế", dt.date(2019, 1, 1))
    assert hue.name_on(dt.date(2019, 1, 1)) == "Thừa Thiên Huế"
    assert hue.name_on(dt.date(2025, 3, 1)) == "Huế"


def test_names_sort_in_vietnamese_order_on_postgresql(db):
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares code points; the ICU collation is PostgreSQL's")
    names = list(
        Locality.objects.filter(generation=2008).order_by("name").values_list("name", flat=True)
    )
    assert names.index("Điện Biên") < names.index("Gia Lai")  # Đ right after D, not after Y
    assert names.index("Đồng Tháp") < names.index("Hà Giang")
