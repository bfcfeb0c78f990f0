"""The annual report from the web: form page, DOCX and PDF downloads, unpublished data hidden."""

from __future__ import annotations

import pytest


def test_it_shows_the_form(client, year_2019):
    response = client.get("/reports/annual/")
    assert response.status_code == 200
    assert "Báo cáo" in response.content.decode()


def test_it_downloads_the_docx(client, year_2019):
    response = client.get(f"/reports/annual/?partnership={year_2019.pk}&year=2019&format=docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize("fmt", ["pdf"])
def test_it_downloads_the_pdf(client, year_2019, fmt):
    response = client.get(f"/reports/annual/?partnership={year_2019.pk}&year=2019&format={fmt}")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_it_refuses_an_unpublished_partnership_to_anonymous_users(client, year_2019, admin_user):
    from hoptac.partnerships.services import partnership_update

    partnership_update(year_2019, by=admin_user, is_published=False)
    response = client.get(f"/reports/annual/?partnership={year_2019.pk}&year=2019&format=docx")
    assert response.status_code == 400


def test_the_issuer_chosen_on_the_form_signs_and_names_the_file(client, year_2019, thanhhoa):
    import io

    from docx import Document

    response = client.get(
        f"/reports/annual/?partnership={year_2019.pk}&issuer={thanhhoa.pk}&year=2019&format=docx"
    )
    assert response.status_code == 200
    assert 'filename="bao-cao-2019-thanhhoa-hanoi.docx"' in response["Content-Disposition"]
    header = Document(io.BytesIO(response.content)).tables[0].rows[0].cells[0].text
    assert "TỈNH THANH HÓA" in header


def test_the_default_issuer_is_the_first_side(client, year_2019):
    response = client.get(f"/reports/annual/?partnership={year_2019.pk}&year=2019&format=pdf")
    assert 'filename="bao-cao-2019-hanoi-thanhhoa.pdf"' in response["Content-Disposition"]


def test_it_refuses_an_issuer_outside_the_partnership(client, year_2019, hatinh, admin_user):
    from hoptac.partnerships.services import partnership_get_or_create

    partnership_get_or_create(
        localities=[hatinh, year_2019.members.first().locality], by=admin_user, is_published=True
    )
    response = client.get(
        f"/reports/annual/?partnership={year_2019.pk}&issuer={hatinh.pk}&year=2019&format=docx"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Hà Tĩnh không phải là một bên của quan hệ hợp tác" in body
    assert 'id="id_issuer"' in body


def test_the_issuer_list_tells_two_generations_of_a_name_apart(client, admin_user):
    from hoptac.partnerships.services import partnership_get_or_create
    from tests.conftest import locality

    old = [locality("Hải Phòng", "2019-06-30"), locality("Quảng Ninh", "2019-06-30")]
    new = [locality("Hải Phòng", "2025-12-01"), locality("Quảng Ninh", "2025-12-01")]
    partnership_get_or_create(localities=old, by=admin_user, is_published=True)
    partnership_get_or_create(localities=new, by=admin_user, is_published=True)
    body = client.get("/reports/annual/").content.decode()
    issuer = body.split('id="id_issuer"', 1)[1].split("</select>", 1)[0]
    assert f'value="{new[0].pk}">Hải Phòng (từ 1/7/2025)<' in issuer
    assert f'value="{old[0].pk}">Hải Phòng<' in issuer
