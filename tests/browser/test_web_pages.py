"""The web pages in a real browser: dashboard, tracker, status change, search, permissions,
no console errors and no serious accessibility violations."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def data(admin_user, hanoi, thanhhoa, hanoi_thanhhoa):
    from hoptac.grants.services import grant_create
    from hoptac.investments.services import snapshot_create
    from hoptac.partnerships.services import agreement_create, commitment_create, meeting_create

    p = hanoi_thanhhoa
    meeting_create(partnership=p, by=admin_user, title="Hội nghị hợp tác Hà Nội – Thanh Hóa",
                   held_on=dt.date(2019, 11, 16), host=thanhhoa)  # fmt: skip
    a = agreement_create(partnership=p, by=admin_user, kind="conclusion",
                         title="Kết luận 12 nội dung", signed_on=dt.date(2019, 11, 16))  # fmt: skip
    commitment_create(agreement=a, by=admin_user, text="Xây dựng tuyến đường kết nối",
                      responsible=hanoi, due_on=dt.date(2020, 6, 30))  # fmt: skip
    commitment_create(agreement=a, by=admin_user, text="Đón đoàn du lịch",
                      responsible=thanhhoa, due_on=dt.date(2099, 1, 1))  # fmt: skip
    snapshot_create(partnership=p, by=admin_user, origin=hanoi, host=thanhhoa, projects=65,
                    capital_vnd=45_500 * 10**9, reported_on=dt.date(2019, 11, 16))  # fmt: skip
    grant_create(partnership=p, by=admin_user, donor=hanoi, recipient=thanhhoa,
                 amount_vnd=3 * 10**9, given_on=dt.date(2019, 11, 16))  # fmt: skip
    return p


def test_the_dashboard_draws_the_map_and_switches_measure(
    page, live_server, login, alice, data, axe_check
):
    login(page, live_server, "alice", "alice-pass-123")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("h1")).to_contain_text("Hà Nội")
    expect(page.locator("#partner-map canvas")).to_have_count(1)
    page.get_by_role("button", name="Số dự án").click()
    expect(page.get_by_role("button", name="Số dự án")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("link", name="63 đơn vị trước 1/7/2025").click()
    expect(page).to_have_url(re.compile(r"units=historic"))
    expect(page.locator("#partner-map canvas")).to_have_count(1)
    page.wait_for_timeout(300)
    assert page.console_errors == []
    assert axe_check(page) == []


def test_an_editor_filters_the_tracker_and_changes_a_status(
    page, live_server, login, alice, data, axe_check
):
    login(page, live_server, "alice", "alice-pass-123", next_url="/commitments/")
    page.select_option("select[name=status]", "overdue")
    expect(page.locator("#results")).not_to_contain_text("Đón đoàn du lịch")
    row = page.locator("tr", has_text="Xây dựng tuyến đường")
    row.locator("select[name=status]").select_option("in_progress")
    row.locator("input[name=note]").fill("Đã khởi công")
    row.get_by_role("button", name="Cập nhật").click()
    expect(page.locator("tr", has_text="Xây dựng tuyến đường")).to_contain_text("Đang thực hiện")
    assert axe_check(page) == []
    page.locator("a", has_text="Xây dựng tuyến đường").first.click()
    expect(page.locator("#status-history")).to_contain_text("Đã khởi công")
    expect(page.locator("#status-history")).to_contain_text("alice")
    assert page.console_errors == []


def test_search_without_accents_finds_thanh_hoa(page, live_server, data, axe_check):
    page.goto(live_server.url + "/")
    page.fill("#site-search", "thanh hoa")
    page.press("#site-search", "Enter")
    expect(page.locator("#results")).to_contain_text("Thanh Hóa")
    expect(page.locator("#results h2").first).to_be_visible()
    assert axe_check(page) == []
    assert page.console_errors == []


def test_a_viewer_cannot_edit(page, live_server, login, victor, data):
    login(page, live_server, "victor", "victor-pass-123", next_url="/commitments/")
    expect(page.locator("#results")).to_contain_text("Xây dựng tuyến đường")
    expect(page.locator("form.status-form")).to_have_count(0)
    page.goto(f"{live_server.url}/partnerships/{data.pk}/")
    expect(page.get_by_role("link", name="Sửa")).to_have_count(0)
    response = page.request.post(f"{live_server.url}/meetings/new/", data={"title": "x"})
    assert response.status == 403


PAGES = ["/", "/?units=historic", "/commitments/", "/search/?q=ha+noi", "/partnerships/",
         "/meetings/", "/agreements/", "/projects/", "/snapshots/", "/grants/", "/activities/",
         "/requests/", "/documents/", "/people/", "/agencies/", "/meetings/new/",
         "/documents/review/", "/documents/upload/", "/reports/annual/", "/reports/import/",
         "/accounts/login/"]  # fmt: skip


def test_every_page_loads_cleanly(page, live_server, login, admin_user, data, axe_check):
    login(page, live_server, "admin", "admin-pass-123")
    urls = PAGES + [f"/partnerships/{data.pk}/", f"/meetings/{data.meetings.get().pk}/"]
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        assert page.console_errors == [], url
        assert axe_check(page) == [], url


def test_it_works_on_a_phone(page, live_server, data, axe_check):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/partnerships/{data.pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1
    assert axe_check(page) == []


def test_an_empty_dashboard_says_there_are_no_figures(page, live_server, db):
    page.goto(f"{live_server.url}/?locality=2025-38")
    expect(page.locator("#chart-grants")).to_have_text("Chưa có số liệu")
    expect(page.locator("#chart-investment")).to_have_text("Chưa có số liệu")
    page.wait_for_timeout(300)
    assert page.console_errors == []


def test_a_click_on_a_partner_in_the_map_opens_the_partnership(page, live_server, data):
    data.is_published = True
    data.save()
    page.goto(live_server.url + "/")
    canvas = page.locator("#partner-map canvas")
    expect(canvas).to_have_count(1)
    page.wait_for_timeout(800)  # the map's geometry arrives by fetch
    chart = "echarts.getInstanceByDom(document.getElementById('partner-map'))"
    point = page.evaluate(
        f"() => {{ const c = {chart}; return c.convertToPixel({{seriesIndex: 0}}, [105.8, 19.9]); }}"
    )
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    expect(page).to_have_url(re.compile(rf"/partnerships/{data.pk}/"))
