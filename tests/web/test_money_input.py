"""Money is typed and read as people write it: "3 tỷ", "2.000.000.000", "1,5 tỷ"."""

from __future__ import annotations

import pytest
from django.utils import translation

from hoptac.grants.models import Grant
from hoptac.lib.forms import MoneyField
from hoptac.lib.numbers import parse_vnd

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("3 tỷ", 3 * 10**9),
        ("3 tỷ đồng", 3 * 10**9),
        ("1,5 tỷ", 1_500_000_000),
        ("2.000.000.000", 2 * 10**9),
        ("2,000,000,000 đ", 2 * 10**9),
        ("500 triệu", 500_000_000),
        ("20000", 20_000),
        ("1.234,5 tỷ", 1_234_500_000_000),
    ],
)
def test_it_reads_what_people_type(typed, amount):
    assert parse_vnd(typed) == amount


@pytest.mark.parametrize("typed", ["abc", "1,5", "3 con gà", "1.5.5 tỷ", "0,0000000001 tỷ"])
def test_it_refuses_what_is_not_an_amount(typed):
    with pytest.raises(ValueError):
        parse_vnd(typed)


def test_the_field_names_the_limit_in_words_not_digits():
    with translation.override("vi"), pytest.raises(Exception) as err:
        MoneyField().clean("99999999999 tỷ")
    assert "9223372036854775807" not in str(err.value)
    assert "tỷ đồng" in str(err.value)


def _grant_form(partnership, hanoi, thanhhoa, amount):
    return {
        "partnership": partnership.pk, "donor": hanoi.pk, "recipient": thanhhoa.pk,
        "amount_vnd": amount, "purpose": "an sinh xã hội", "given_on": "2019-11-16",
        "year": "2019",
    }  # fmt: skip


@pytest.mark.parametrize(("typed", "amount"), [("2.000.000.000", 2 * 10**9), ("3 tỷ", 3 * 10**9)])
def test_the_grant_form_takes_typed_amounts(client, alice, hanoi, thanhhoa, hanoi_thanhhoa,
                                            typed, amount):  # fmt: skip
    client.force_login(alice)
    r = client.post("/grants/new/", _grant_form(hanoi_thanhhoa, hanoi, thanhhoa, typed))
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Grant.objects.get().amount_vnd == amount


def test_the_grant_form_names_the_field_of_a_wrong_amount(client, alice, hanoi, thanhhoa,
                                                          hanoi_thanhhoa):  # fmt: skip
    client.force_login(alice)
    r = client.post("/grants/new/", _grant_form(hanoi_thanhhoa, hanoi, thanhhoa, "ba tỷ"))
    assert r.status_code == 400
    assert "ví dụ 3 tỷ" in r.content.decode()
    assert not Grant.objects.exists()


@pytest.mark.parametrize(("lang", "words"), [("vi", "3 tỷ đồng"), ("en", "3 billion VND")])
def test_a_grant_is_named_with_its_amount_in_words(client, programme, lang, words):
    grant = Grant.objects.get()
    with translation.override(lang):
        assert words in str(grant)
    body = client.get(f"/grants/{grant.pk}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert "3,000,000,000" not in body
