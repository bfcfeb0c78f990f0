"""Odd query parameters answer 400 (pages) or 422 (API) naming the parameter, never 500."""

from __future__ import annotations

import pytest
from django.test import Client

HUGE = "99999999999999999999"  # beyond SQLite's and PostgreSQL's 64-bit integers


@pytest.fixture
def anyone(db) -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "query, name",
    [
        ("year=%C2%B2", "year"),  # '²' passes str.isdigit()
        (f"year={HUGE}", "year"),
        ("year=-1", "year"),
        (f"partnership={HUGE}", "partnership"),
        (f"locality={HUGE}", "locality"),
        (f"limit={HUGE}", "limit"),
        (f"offset={HUGE}", "offset"),
        ("q=" + "x" * 60_000, "q"),
    ],
)
def test_the_api_answers_422_naming_the_parameter(anyone, query, name):
    response = anyone.get(f"/api/v1/grants?{query}")
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"][0]["field"] == name


@pytest.mark.parametrize(
    "url, name",
    [
        ("/grants/?year=%C2%B2", "year"),
        (f"/grants/?year={HUGE}", "year"),
        (f"/grants/?partnership={HUGE}", "partnership"),
        (f"/commitments/?partnership={HUGE}", "partnership"),
        (f"/commitments/?agency={HUGE}", "agency"),
        (f"/documents/?partner={HUGE}", "partner"),
        (f"/reports/export/grants.csv?year={HUGE}", "year"),
        ("/search/?q=" + "x" * 60_000, "q"),
        (f"/grants/?page={HUGE}", "page"),
    ],
)
def test_pages_answer_400_in_vietnamese_naming_the_parameter(anyone, url, name):
    response = anyone.get(url)
    assert response.status_code == 400, response.content[:300]
    body = response.content.decode()
    assert f"“{name}”" in body and 'class="site-header"' in body


def test_the_largest_id_is_still_a_plain_empty_answer(anyone):
    response = anyone.get(f"/api/v1/grants?partnership={2**63 - 1}&offset={2**63 - 1}")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_3000_parameters_answer_400_in_vietnamese(anyone):
    query = "&".join(f"p{i}=1" for i in range(3000))
    page = anyone.get(f"/grants/?{query}")
    assert page.status_code == 400
    assert "quá nhiều tham số" in page.content.decode()
    api = anyone.get(f"/api/v1/grants?{query}")
    assert api.status_code == 400
    assert "quá nhiều tham số" in api.json()["detail"]


def test_words_that_are_not_numbers_are_left_to_the_page(anyone):
    assert anyone.get("/commitments/?locality=2008-01").status_code == 200
    assert anyone.get("/grants/?year=abc").status_code == 200
