"""A grant with neither date nor year survives an export → import round trip unchanged."""

import pytest

from hoptac.grants.models import Grant
from hoptac.grants.services import grant_create
from hoptac.reports.exchange.export import export_to
from hoptac.reports.exchange.importer import import_rows, read_table


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_undated_grant_is_matched_not_duplicated(
    hanoi_thanhhoa, hanoi, thanhhoa, admin_user, fmt
):
    import io

    grant_create(
        partnership=hanoi_thanhhoa, by=admin_user, donor=hanoi, recipient=thanhhoa,
        amount_vnd=30 * 10**9, purpose="Tượng đài chiến thắng Hàm Rồng",
    )  # fmt: skip
    out = io.BytesIO()
    export_to("grants", fmt, admin_user, out)
    result = import_rows("grants", read_table(out.getvalue(), f"x.{fmt}"), by=admin_user)
    assert result.ok, result.errors
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert Grant.objects.count() == 1
