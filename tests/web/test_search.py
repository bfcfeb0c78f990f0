"""Search: accents, case and tone placement do not matter; results grouped by kind."""

from __future__ import annotations

import datetime as dt

import pytest

from hoptac.documents.services import document_ingest
from hoptac.partnerships.services import meeting_create, meeting_update, person_get_or_create
from hoptac.web.search import search, search_index_rebuild, tokens_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["thanh hoa", "THANH HÓA", "Thanh Hoá", "thanh hóa", "thanh ho"])
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
    groups = search("ha noi thanh hoa", user=admin_user).groups
    kinds = [g.kind for g in groups]
    assert "partnership" in kinds and "meeting" in kinds


def test_it_finds_commitments_by_their_text(client, programme):
    body = client.get("/search/", {"q": "tuyen duong ket noi"}).content.decode()
    assert "Xây dựng <mark>tuyến đường kết nối</mark>" in body


def test_it_hides_unpublished_records_from_anonymous_users(client, admin_user, programme):
    from hoptac.partnerships.services import partnership_update

    partnership_update(programme, by=admin_user, is_published=False)
    body = client.get("/search/", {"q": "tuyen duong"}).content.decode()
    assert "Xây dựng tuyến đường" not in body


def test_it_rebuilds_the_index(admin_user, programme):
    assert search_index_rebuild() > 97
    assert search("tuyen duong", user=admin_user).total


def test_it_forgets_deleted_records(admin_user, programme):
    from hoptac.partnerships.models import Meeting
    from hoptac.partnerships.services import record_remove

    meeting = Meeting.objects.get()
    record_remove(meeting, by=admin_user, partnership=programme)
    assert not [
        g for g in search("hoi nghi hop tac", user=admin_user).groups if g.kind == "meeting"
    ]


def test_the_command_rebuilds_the_index(programme):
    from django.core.management import call_command

    call_command("search_reindex")


# --- phrases, ranking and where it matched ---------------------------------------------------


def _meeting(partnership, by, title):
    return meeting_create(partnership=partnership, by=by, title=title, held_on=dt.date(2026, 3, 1))


def _titles(results, kind):
    return [e.title for g in results.groups if g.kind == kind for e in g.entries]


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("ha nam", "Hội nghị Hải Phòng – Quảng Ninh năm 2026"),
        ("ninh thuan", "Thỏa thuận hợp tác với Quảng Ninh"),
    ],
)
def test_the_words_of_a_query_are_a_phrase(admin_user, hanoi_thanhhoa, query, other):
    _meeting(hanoi_thanhhoa, admin_user, other)
    wanted = _meeting(hanoi_thanhhoa, admin_user, "Làm việc với " + query.title())
    found = search(query, user=admin_user, kinds=["meeting"])
    assert found.phrase
    assert _titles(found, "meeting") == [wanted.title]


def test_a_document_is_found_by_a_phrase_it_says_and_shows_it_marked(client, admin_user):
    said = document_ingest(
        data="Báo cáo năm 2024\n\nHai tỉnh là nhà đại đoàn kết của các dân tộc.".encode(),
        filename="a.txt", by=admin_user,
    ).document  # fmt: skip
    document_ingest(
        data="Báo cáo năm 2025\n\nĐoàn công tác đến nhà văn hóa; khối đại đoàn kết.".encode(),
        filename="b.txt", by=admin_user,
    )  # fmt: skip
    found = search("nha dai doan ket", user=admin_user, kinds=["document"])
    assert [e.object_id for g in found.groups for e in g.entries] == [said.pk]
    client.force_login(admin_user)
    body = client.get("/search/", {"q": "nha dai doan ket"}).content.decode()
    assert "<mark>nhà đại đoàn kết</mark>" in body


def test_a_title_match_ranks_before_a_text_match(admin_user, hanoi_thanhhoa):
    in_text = _meeting(hanoi_thanhhoa, admin_user, "Hội nghị thường niên")
    meeting_update(in_text, by=admin_user, summary="Bàn về du lịch biển")
    in_title = _meeting(hanoi_thanhhoa, admin_user, "Du lịch biển Sầm Sơn")
    found = search("du lich bien", user=admin_user, kinds=["meeting"])
    assert _titles(found, "meeting") == [in_title.title, in_text.title]


def test_without_the_phrase_it_says_so_and_shows_records_with_every_word(
    client, admin_user, hanoi_thanhhoa
):
    _meeting(hanoi_thanhhoa, admin_user, "Thanh Hóa đón đoàn Hà Nội")
    _meeting(hanoi_thanhhoa, admin_user, "Đón đoàn Nghệ An")
    found = search("ha noi thanh hoa", user=admin_user, kinds=["meeting"])
    assert not found.phrase
    assert _titles(found, "meeting") == ["Thanh Hóa đón đoàn Hà Nội"]
    client.force_login(admin_user)
    body = client.get("/search/", {"q": "ha noi thanh hoa", "kind": "meeting"}).content.decode()
    assert "Không có kết quả chứa đúng cụm từ này" in body


def test_a_list_filter_uses_the_same_phrase_rule(client, admin_user, hanoi_thanhhoa):
    _meeting(hanoi_thanhhoa, admin_user, "Hội nghị Hải Phòng – Quảng Ninh năm 2026")
    _meeting(hanoi_thanhhoa, admin_user, "Làm việc với Hà Nam")
    client.force_login(admin_user)
    body = client.get("/meetings/", {"q": "ha nam"}).content.decode()
    assert "Làm việc với Hà Nam" in body
    assert "Quảng Ninh năm 2026" not in body
