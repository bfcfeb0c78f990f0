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
