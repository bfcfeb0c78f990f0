"""Search: accents, case and tone placement do not matter; results grouped by kind."""

from __future__ import annotations

import pytest

from hoptac.partnerships.services import person_get_or_create
from hoptac.web.search import search, search_index_rebuild, tokens_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["thanh hoa", "THANH HÓA", "Thanh Hoá", "thanh hóa", "than ho"])
def test_it_finds_thanh_hoa_however_it_is_written(client, query):
    body = client.get("/search/", {"q": query}).content.decode()
    assert "Thanh Hóa" in body
    assert "Địa phương" in body


def test_it_finds_d_with_a_stroke_from_a_plain_d(client, admin_user):
    person_get_or_create(full_name="Nguyễn Văn Đọc", by=admin_user)
    client.force_login(admin_user)  # a person in no partnership is not public
    body = client.get("/search/", {"q": "nguyen van doc"}).content.decode()
    assert "Nguyễn Văn Đọc" in body


def test_it_folds_tokens():
    assert tokens_of("Ủy ban Thanh Hoá, ĐÀ NẴNG") == ["uy", "ban", "thanh", "hoa", "da", "nang"]


def test_it_groups_results_by_kind(admin_user, programme):
    groups = search("ha noi thanh hoa", user=admin_user)
    kinds = [g.kind for g in groups]
    assert "partnership" in kinds and "meeting" in kinds


def test_it_finds_commitments_by_their_text(client, programme):
    body = client.get("/search/", {"q": "tuyen duong ket noi"}).content.decode()
    assert "Xây dựng tuyến đường kết nối" in body


def test_it_hides_unpublished_records_from_anonymous_users(client, admin_user, programme):
    from hoptac.partnerships.services import partnership_update

    partnership_update(programme, by=admin_user, is_published=False)
    body = client.get("/search/", {"q": "tuyen duong"}).content.decode()
    assert "Xây dựng tuyến đường" not in body


def test_it_rebuilds_the_index(admin_user, programme):
    assert search_index_rebuild() > 97
    assert search("tuyen duong", user=admin_user)


def test_it_forgets_deleted_records(admin_user, programme):
    from hoptac.partnerships.models import Meeting
    from hoptac.partnerships.services import record_remove

    meeting = Meeting.objects.get()
    record_remove(meeting, by=admin_user, partnership=programme)
    assert not [g for g in search("hoi nghi hop tac", user=admin_user) if g.kind == "meeting"]


def test_the_command_rebuilds_the_index(programme):
    from django.core.management import call_command

    call_command("search_reindex")
