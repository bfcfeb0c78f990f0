"""Every register, every surface: the same rows on the list page, in the export and in the API,
for every filter a register offers; the one visibility rule; the cross-side writes refused."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.contenttypes.models import ContentType

from hoptac.accounts.models import ApiToken, Membership, Role
from hoptac.activities.models import Activity
from hoptac.documents.models import Document, Fact, RecordSource
from hoptac.grants.models import Grant
from hoptac.investments.models import InvestmentProject
from hoptac.lib.registers import registers
from hoptac.partnerships.models import Meeting
from hoptac.partnerships.services import (
    agency_get_or_create,
    focal_point_set,
    participant_add,
    partnership_get_or_create,
    partnership_update,
    person_get_or_create,
)
from hoptac.web.search import search
from tests.conftest import locality
from tests.reports.conftest import year_2019  # noqa: F401 - the fixture

# A query written without accents, in lower case, that finds accented names in each register.
QUERIES = {
    "partnerships": "ha noi", "meetings": "hoi nghi hop tac", "agreements": "bien ban",
    "commitments": "xuc tien dau tu", "projects": "xi mang dong lam", "snapshots": "thanh hoa",
    "grants": "den on dap nghia", "activities": "van hoa", "requests": "cang hang khong",
    "documents": "bao cao hop tac", "people": "nguyen van", "agencies": "so ke hoach",
    "localities": "thanh hoa",
}  # fmt: skip


@pytest.fixture
def world(year_2019, admin_user, hanoi, thanhhoa):  # noqa: F811
    """The 2019 year with a person, an agency and a document in it."""
    meeting = Meeting.objects.filter(partnership=year_2019).first()
    person = person_get_or_create(full_name="Nguyễn Văn Ánh", by=admin_user)
    participant_add(meeting=meeting, person=person, by=admin_user, locality=hanoi)
    agency = agency_get_or_create(locality=thanhhoa, name="Sở Kế hoạch và Đầu tư", by=admin_user)
    focal_point_set(partnership=year_2019, locality=thanhhoa, agency=agency, by=admin_user)
    doc = Document.objects.create(
        sha256="a" * 64, original=b"x", size=1, title="Báo cáo hợp tác Hà Nội – Thanh Hóa",
        text="Báo cáo", published_on=dt.date(2019, 11, 20),
    )  # fmt: skip
    fact = Fact.objects.create(document=doc, kind="party", value={"name": "Hà Nội"},
                               proposed_value={"name": "Hà Nội"})  # fmt: skip
    RecordSource.objects.create(
        content_type=ContentType.objects.get_for_model(Meeting), object_id=meeting.pk,
        fact=fact, document=doc,
    )  # fmt: skip
    from hoptac.web.search import search_index_update

    search_index_update(doc)
    return {"partnership": year_2019, "meeting": meeting, "person": person, "agency": agency,
            "document": doc}  # fmt: skip


def _values(slug: str, world, hanoi, thanhhoa) -> dict[str, list[str]]:
    """Return the values to try for each filter of a register."""
    p = world["partnership"]
    out: dict[str, list[str]] = {
        "q": [QUERIES[slug]],
        "locality": [hanoi.key, str(thanhhoa.pk)],
        "side": [thanhhoa.key],
        "partner": [str(hanoi.pk)],
        "partnership": [str(p.pk)],
        "year": ["2019"],
        "units": ["historic"],
        "due_from": ["2019-12-01"],
        "due_to": ["2019-12-31"],
        "published_from": ["2019-11-01"],
        "published_to": ["2019-12-31"],
        "agency": [str(world["agency"].pk)],
    }
    reg = registers()[slug]
    for name, flt in reg.filterset.base_filters.items():
        if name not in out and "choices" in flt.extra:
            out[name] = [str(list(flt.extra["choices"])[0][0])]
    return {n: out[n] for n in reg.filter_names}


def _page_ids(client, slug: str, params: dict[str, str]) -> set[int] | None:
    reg = registers()[slug]
    if slug == "commitments":
        url = "/commitments/"
    elif reg.web_list:
        url = f"/{slug}/"
    else:
        return None
    response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return {o.pk for o in response.context["page"].paginator.object_list}


def _export_ids(client, slug: str, params: dict[str, str]) -> set[int]:
    response = client.get(f"/reports/export/{slug}.csv", params)
    assert response.status_code == 200, (slug, params, response.content[:300])
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "ID"
    return {int(r[0]) for r in rows[1:]}


def _api_ids(client, slug: str, params: dict[str, str], **headers) -> set[int]:
    response = client.get(f"/api/v1/{slug}", {**params, "limit": 1000}, **headers)
    assert response.status_code == 200, (slug, params, response.content[:300])
    return {item["id"] for item in response.json()["items"]}


SLUGS = sorted(registers())


@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_the_export_and_the_api_give_the_same_rows_for_every_filter(
    client, admin_user, world, hanoi, thanhhoa, slug
):
    client.force_login(admin_user)
    tried = 0
    for name, values in _values(slug, world, hanoi, thanhhoa).items():
        for value in values:
            params = {name: value}
            exported = _export_ids(client, slug, params)
            assert _api_ids(client, slug, params) == exported, params
            page = _page_ids(client, slug, params)
            if page is not None:
                assert page == exported, params
            tried += 1
    assert tried


@pytest.mark.parametrize("slug", SLUGS)
def test_an_accent_free_lower_case_query_finds_accented_names(client, admin_user, world, slug):
    client.force_login(admin_user)
    found = _export_ids(client, slug, {"q": QUERIES[slug]})
    assert found, f"q={QUERIES[slug]!r} finds nothing in {slug}"
    assert _api_ids(client, slug, {"q": QUERIES[slug].upper()}) == found


def test_the_tracker_filtered_to_a_partnership_and_open_exports_exactly_its_rows(
    client, admin_user, world
):
    client.force_login(admin_user)
    params = {"partnership": str(world["partnership"].pk), "status": "open", "sort": "due"}
    page = client.get("/commitments/", params)
    shown = {o.pk for o in page.context["page"].paginator.object_list}
    assert shown and shown == _export_ids(client, "commitments", params)
    html = page.content.decode().replace("&amp;", "&")
    assert "/reports/export/commitments.xlsx?partnership=" in html and "status=open" in html


def test_a_bad_filter_value_is_named_and_gives_no_rows(client, admin_user, world):
    client.force_login(admin_user)
    response = client.get("/api/v1/grants", {"locality": "Sao Hỏa"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "locality"
    assert client.get("/reports/export/grants.csv", {"year": "năm"}).status_code == 400
    page = client.get("/grants/", {"locality": "9999-99"})
    assert page.context["page"].paginator.count == 0 and "Địa phương" in page.content.decode()


# --- the one visibility rule ---------------------------------------------------------------


@pytest.fixture
def cast(django_user_model, victor, hatinh):
    """Who looks: anonymous, a user with no locality, a viewer and an editor of another side,
    and victor, a viewer of Hà Nội (a side of the partnership)."""
    nobody = django_user_model.objects.create_user("nobody", password="nobody-pass-123")
    other_viewer = django_user_model.objects.create_user("olga", password="olga-pass-123")
    Membership.objects.create(user=other_viewer, locality=hatinh, role=Role.VIEWER)
    other_editor = django_user_model.objects.create_user("oscar", password="oscar-pass-123")
    Membership.objects.create(user=other_editor, locality=hatinh, role=Role.EDITOR)
    return {"anonymous": None, "nobody": nobody, "other_viewer": other_viewer,
            "other_editor": other_editor, "side_viewer": victor}  # fmt: skip


# what a reader of the partnership sees of the `world` (ids filled in at run time)
HIDDEN = [s for s in SLUGS if s != "localities"]


@pytest.mark.parametrize("who", ["anonymous", "nobody", "other_viewer", "other_editor",
                                 "side_viewer"])  # fmt: skip
@pytest.mark.parametrize("slug", HIDDEN)
def test_an_unpublished_partnership_is_read_only_by_its_sides(
    client, admin_user, world, cast, who, slug
):
    partnership_update(world["partnership"], by=admin_user, is_published=False)
    reg = registers()[slug]
    everything = set(reg.rows(admin_user, {}).values_list("pk", flat=True))
    assert everything, slug
    user = cast[who]
    if user is not None:
        client.force_login(user)
    sees = who == "side_viewer"
    if slug == "agencies" and who != "anonymous":  # agencies of one's own side stay visible
        everything = {a for a in everything if a == world["agency"].pk}
    api = _api_ids(client, slug, {})
    if user is None and slug == "documents":
        assert api == set()
    else:
        assert (api >= everything) if sees else not (api & everything), (who, slug)
        assert _export_ids(client, slug, {}) == api, (who, slug)
    pk = next(iter(everything))
    detail = client.get(f"/api/v1/{slug}/{pk}")
    assert detail.status_code == (200 if sees else 404), (who, slug)
    if reg.search_kind:
        found = search(QUERIES[slug], user=user or _anonymous(), kinds=[reg.search_kind])
        ids = {e.object_id for g in found.groups for e in g.entries}
        assert bool(ids & everything) == sees, (who, slug)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_documents_and_people_of_an_unpublished_partnership_do_not_leak(
    client, admin_user, world, cast
):
    partnership_update(world["partnership"], by=admin_user, is_published=False)
    client.force_login(cast["nobody"])
    doc = world["document"]
    assert client.get(f"/documents/{doc.pk}/").status_code == 404
    assert doc.title not in client.get("/documents/review/", {"all": "1"}).content.decode()
    assert client.get(f"/people/{world['person'].pk}/").status_code == 404
    client.logout()
    assert client.get(f"/people/{world['person'].pk}/").status_code == 404


def test_projects_without_a_partnership_are_not_public(client, admin_user, alice, hanoi, hatinh):
    from hoptac.investments.services import project_create

    p = project_create(by=admin_user, name="Dự án riêng", origin=hanoi, host=hatinh)
    assert client.get("/api/v1/projects").json()["count"] == 0
    assert p.pk not in _export_ids(client, "projects", {})
    assert b"PRJ-" not in client.get("/reports/iati.xml").content
    client.force_login(alice)  # an editor of Hà Nội, its origin
    assert client.get("/api/v1/projects").json()["count"] == 1


# --- writes across sides -----------------------------------------------------------------


@pytest.fixture
def nghean_langson(admin_user):
    p, _ = partnership_get_or_create(
        localities=[locality("Nghệ An"), locality("Lạng Sơn")], by=admin_user, is_published=False
    )
    return p


def _counts():
    return (Grant.all_objects.count(), InvestmentProject.all_objects.count(),
            Activity.all_objects.count())  # fmt: skip


def _api_payload(kind: str, p, own, other) -> dict:
    if kind == "grants":
        return {"partnership_id": p.pk, "donor_id": own.pk, "recipient_id": other.pk,
                "amount_vnd": 10**9}  # fmt: skip
    if kind == "projects":
        return {"partnership_id": p.pk, "name": "Dự án lạ", "origin_id": own.pk,
                "host_id": other.pk}  # fmt: skip
    return {"partnership_id": p.pk, "kind": "delegation", "title": "Đoàn lạ",
            "organiser_id": own.pk}  # fmt: skip


@pytest.mark.parametrize("kind", ["grants", "projects", "activities"])
@pytest.mark.parametrize("own_side", [True, False])
def test_an_editor_of_thanh_hoa_cannot_write_in_nghe_an_lang_son_through_the_api(
    client, bob, thanhhoa, nghean_langson, kind, own_side
):
    _, raw = ApiToken.issue(user=bob, name="t")
    nghean = locality("Nghệ An")
    own = thanhhoa if own_side else nghean
    before = _counts()
    response = client.post(
        f"/api/v1/{kind}", _api_payload(kind, nghean_langson, own, locality("Lạng Sơn")),
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}",
    )  # fmt: skip
    assert response.status_code == 403, response.content
    assert _counts() == before


IMPORT_ROWS = {
    "grants": (["Hai bên", "Bên hỗ trợ", "Bên nhận", "Số tiền (tỷ đồng)"],
               ["Nghệ An – Lạng Sơn", "{own}", "Lạng Sơn", "1"]),
    "projects": (["Hai bên", "Tên dự án", "Địa phương của nhà đầu tư", "Địa phương tiếp nhận"],
                 ["Nghệ An – Lạng Sơn", "Dự án lạ", "{own}", "Lạng Sơn"]),
    "activities": (["Hai bên", "Loại", "Tên hoạt động", "Bên tổ chức"],
                   ["Nghệ An – Lạng Sơn", "delegation", "Đoàn lạ", "{own}"]),
}  # fmt: skip


@pytest.mark.parametrize("kind", ["grants", "projects", "activities"])
@pytest.mark.parametrize("own_side", [True, False])
def test_an_editor_of_thanh_hoa_cannot_write_in_nghe_an_lang_son_through_an_import(
    bob, nghean_langson, kind, own_side
):
    from hoptac.reports.exchange.importer import import_rows

    header, row = IMPORT_ROWS[kind]
    own = "Thanh Hóa" if own_side else "Nghệ An"
    before = _counts()
    result = import_rows(kind, [header, [c.format(own=own) for c in row]], by=bob)
    assert not result.ok and result.errors[0].row == 2, result.errors
    assert _counts() == before


def _form(kind: str, p, own, other) -> dict:
    if kind == "grants":
        return {"partnership": p.pk, "donor": own.pk, "recipient": other.pk,
                "amount_vnd": 10**9}  # fmt: skip
    if kind == "projects":
        return {"partnership": p.pk, "name": "Dự án lạ", "origin": own.pk, "host": other.pk,
                "stage": "licensed"}  # fmt: skip
    return {"partnership": p.pk, "kind": "delegation", "title": "Đoàn lạ", "organiser": own.pk}


@pytest.mark.parametrize("kind", ["grants", "projects", "activities"])
@pytest.mark.parametrize("own_side", [True, False])
def test_an_editor_of_thanh_hoa_cannot_write_in_nghe_an_lang_son_through_the_web(
    client, bob, thanhhoa, nghean_langson, kind, own_side
):
    client.force_login(bob)
    own = thanhhoa if own_side else locality("Nghệ An")
    before = _counts()
    response = client.post(f"/{kind}/new/", _form(kind, nghean_langson, own, locality("Lạng Sơn")))
    assert response.status_code in (400, 403)
    assert _counts() == before


def test_a_grant_from_ha_noi_to_cao_bang_inside_ha_noi_thanh_hoa_is_refused_naming_the_field(
    client, alice, hanoi, hanoi_thanhhoa
):
    _, raw = ApiToken.issue(user=alice, name="t")
    caobang = locality("Cao Bằng")
    response = client.post(
        "/api/v1/grants", {"partnership_id": hanoi_thanhhoa.pk, "donor_id": hanoi.pk,
                           "recipient_id": caobang.pk, "amount_vnd": 10**9},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}",
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "recipient"
    client.force_login(alice)
    response = client.post("/grants/new/", _form("grants", hanoi_thanhhoa, hanoi, caobang))
    assert response.status_code == 400 and "Cao Bằng" in response.content.decode()
    assert Grant.objects.count() == 0
