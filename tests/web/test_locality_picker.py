"""Locality pickers: two generations of one name are told apart; options carry their dates."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _options(body: str, select_name: str) -> list[tuple[str, str]]:
    select = re.search(rf'<select name="{select_name}".*?</select>', body, re.S).group(0)
    return re.findall(r"<option ([^>]*)>([^<]*)</option>", select)


def test_the_two_hai_phong_are_labelled_apart(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    body = client.get("/grants/new/").content.decode()
    labels = [label for _, label in _options(body, "donor")]
    assert "Hải Phòng (từ 1/7/2025)" in labels
    assert "Hải Phòng (đến 30/6/2025)" in labels
    assert len(labels) == len(set(labels)), "two options read the same"


def test_each_option_carries_the_dates_the_unit_existed(client, alice, hanoi_thanhhoa):
    client.force_login(alice)
    body = client.get("/grants/new/").content.decode()
    attrs = dict((label, a) for a, label in _options(body, "donor"))
    assert 'data-from="2025-07-01"' in attrs["Hải Phòng (từ 1/7/2025)"]
    assert 'data-to="2025-06-30"' in attrs["Hải Phòng (đến 30/6/2025)"]
    assert 'data-date-field="given_on"' in body
