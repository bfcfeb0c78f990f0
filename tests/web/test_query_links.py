"""Links built with {% querystring %} carry exactly one '?' and keep the page's other parameters."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _hrefs(response) -> list[str]:
    return re.findall(r'href="([^"]*)"', response.content.decode())


@pytest.mark.parametrize(
    "url",
    ["/", "/?units=historic", "/meetings/", "/grants/?q=x", "/search/?q=ha+noi"],
)
def test_no_link_starts_with_two_question_marks(client, programme, url):
    assert not [h for h in _hrefs(client.get(url)) if h.startswith("??")]


def test_the_units_switch_keeps_the_locality(client, programme):
    hrefs = [h.replace("&amp;", "&") for h in _hrefs(client.get("/?locality=2025-01"))]
    switch = next(h for h in hrefs if "units=historic" in h)
    assert switch.startswith("?") and switch.count("?") == 1
    assert "locality=" in switch
