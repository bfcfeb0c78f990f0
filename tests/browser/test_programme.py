"""Running the programme from the web, in a real browser and without /admin/: an editor records
a meeting with four participants, an agreement with three commitments and leads on both sides
(each side sets its own), and a viewer sees no edit controls."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hoptac.partnerships.models import Agreement, Meeting


@pytest.fixture
def programme(admin_user, hanoi, thanhhoa, hanoi_thanhhoa):
    from hoptac.partnerships.services import person_get_or_create

    person_get_or_create(full_name="Đinh Tiến Dũng", by=admin_user)
    return hanoi_thanhhoa


SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shot(page, name: str) -> None:
    """Save a screenshot for docs/guide.md when HOPTAC_GUIDE_SHOTS=1 (make guide-shots)."""
    if os.environ.get("HOPTAC_GUIDE_SHOTS") == "1":
        page.screenshot(path=str(SHOTS / f"guide-{name}.png"), full_page=True)


def _no_reload_marker(page) -> None:
    page.evaluate("() => { window.__same_page = true; }")


def _still_same_page(page) -> bool:
    return page.evaluate("() => window.__same_page === true")


def _add_participant(page, name: str, titles: str, side: str, role: str, *, pick: str = ""):
    form = page.locator("#participant-add")
    field = form.get_by_label("Họ và tên")
    if pick:
        field.fill(pick)
        form.locator(".pick-person", has_text=name).click()
    else:
        field.fill(name)
    form.get_by_label("Chức danh lúc đó").fill(titles)
    form.get_by_label("Bên").select_option(label=side)
    form.get_by_label("Vai trò").select_option(label=role)
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("#participants")).to_contain_text(f"Đã thêm {name}")


def test_an_editor_records_a_meeting_with_four_participants(
    page, live_server, login, alice, programme, axe_check
):
    login(page, live_server, "alice", "alice-pass-123", next_url="/meetings/new/")
    page.get_by_label("Quan hệ hợp tác").select_option(label=str(programme))
    page.get_by_label("Tiêu đề").fill("Hội nghị sơ kết hợp tác Hà Nội – Thanh Hóa")
    page.get_by_label("Ngày", exact=True).fill("2025-03-15")
    _shot(page, "meeting-new")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_have_text("Hội nghị sơ kết hợp tác Hà Nội – Thanh Hóa")

    _no_reload_marker(page)
    _add_participant(page, "Đinh Tiến Dũng", "Bí thư Thành ủy Hà Nội", "Hà Nội",
                     "Đồng chủ trì", pick="dinh tien")  # fmt: skip
    _add_participant(page, "Đỗ Trọng Hưng", "Bí thư Tỉnh ủy Thanh Hóa", "Thanh Hóa",
                     "Đồng chủ trì")  # fmt: skip
    _add_participant(page, "Trần Sỹ Thanh", "Chủ tịch UBND thành phố", "Hà Nội", "Phát biểu")
    _add_participant(page, "Đỗ Minh Tuấn", "Chủ tịch UBND tỉnh", "Thanh Hóa", "Báo cáo")
    assert _still_same_page(page), "adding participants reloaded the page"
    _shot(page, "meeting-participants")

    section = page.locator("#participants")
    expect(section.locator(".participant")).to_have_count(4)
    expect(section.locator("h3", has_text="Thanh Hóa")).to_have_count(1)
    meeting = Meeting.objects.get()
    rows = {p.person.full_name: (p.locality.name, p.role) for p in meeting.participants.all()}
    assert rows == {
        "Đinh Tiến Dũng": ("Hà Nội", "co_chair"), "Đỗ Trọng Hưng": ("Thanh Hóa", "co_chair"),
        "Trần Sỹ Thanh": ("Hà Nội", "speaker"), "Đỗ Minh Tuấn": ("Thanh Hóa", "reporter"),
    }  # fmt: skip
    assert meeting.participants.filter(person__full_name="Đinh Tiến Dũng").count() == 1

    page.goto(f"{live_server.url}/people/{meeting.participants.first().person_id}/")
    expect(page.locator("#meetings")).to_contain_text("Hội nghị sơ kết")
    assert page.console_errors == []
    assert axe_check(page) == []


def test_editors_of_each_side_create_an_agreement_with_three_commitments_and_leads(
    page, live_server, login, alice, bob, programme, admin_user, hanoi, thanhhoa, axe_check
):
    from hoptac.partnerships.services import meeting_create

    meeting = meeting_create(partnership=programme, by=admin_user, title="Hội nghị 2025",
                             held_on=dt.date(2025, 3, 15))  # fmt: skip
    login(page, live_server, "alice", "alice-pass-123", next_url=f"/meetings/{meeting.pk}/")
    page.get_by_role("button", name="Thêm văn bản từ cuộc họp này").click()
    page.get_by_label("Tên văn bản").fill("Thông báo kết luận Hội nghị 2025")
    page.get_by_label("Số, ký hiệu").fill("125-TB/TU")
    page.get_by_label("Số nội dung").fill("3")
    _shot(page, "agreement-new")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_have_text("Thông báo kết luận Hội nghị 2025")
    expect(page.locator("#items li.item")).to_have_count(3)

    _no_reload_marker(page)
    texts = ["Phát triển du lịch liên vùng", "Kết nối giao thông", "Hợp tác y tế"]
    dues = ["Quý II/2026", "2026", "30/6/2026"]
    for n, (text, due) in enumerate(zip(texts, dues, strict=True), start=1):
        item = page.locator(f'li.item[data-number="{n}"]')
        item.locator("textarea[name$='-text']").fill(text)
        item.locator("input[name$='-due']").fill(due)
        item.get_by_label("hoặc cơ quan mới của Hà Nội").fill(f"Sở Hà Nội {n}")
        item.get_by_role("button", name="Lưu").click()
        expect(page.locator("#items")).to_contain_text(f"Đã lưu nội dung {n}")
    assert _still_same_page(page)
    expect(page.locator("#items")).to_contain_text("Quý II/2026")
    _shot(page, "agreement-items")
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 392
    assert axe_check(page) == []
    _shot(page, "agreement-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Đăng xuất").click()

    agreement = Agreement.objects.get(number="125-TB/TU")
    login(page, live_server, "bob", "bob-pass-123", next_url=f"/agreements/{agreement.pk}/")
    for n in (1, 2, 3):
        item = page.locator(f'li.item[data-number="{n}"]')
        item.get_by_role("button", name=f"Sửa nội dung {n}").click()
        item.get_by_label("hoặc cơ quan mới của Thanh Hóa").fill(f"Sở Thanh Hóa {n}")
        item.get_by_role("button", name="Lưu").click()
        expect(page.locator("#items")).to_contain_text(f"Đã lưu nội dung {n}")
    leads = {
        (c.number, lead.locality.name, lead.agency.name)
        for c in agreement.commitments.all() for lead in c.leads.all()
    }  # fmt: skip
    assert leads == {(n, side, f"Sở {side} {n}") for n in (1, 2, 3)
                     for side in ("Hà Nội", "Thanh Hóa")}  # fmt: skip
    assert [c.text for c in agreement.commitments.order_by("number")] == texts
    assert page.console_errors == []


def test_a_viewer_sees_no_edit_controls(page, live_server, login, victor, programme, admin_user):
    from hoptac.partnerships.services import agreement_create, commitment_create, meeting_create

    meeting = meeting_create(partnership=programme, by=admin_user, title="Hội nghị 2025",
                             held_on=dt.date(2025, 3, 15))  # fmt: skip
    agreement = agreement_create(partnership=programme, by=admin_user, kind="conclusion",
                                 title="Kết luận", meeting=meeting)  # fmt: skip
    commitment_create(agreement=agreement, by=admin_user, text="Du lịch")
    login(page, live_server, "victor", "victor-pass-123", next_url=f"/meetings/{meeting.pk}/")
    expect(page.locator("h1")).to_have_text("Hội nghị 2025")
    expect(page.locator("#participant-add")).to_have_count(0)
    expect(page.get_by_text(re.compile("Sửa cuộc họp|Thêm văn bản"))).to_have_count(0)
    expect(page.locator("#participants button")).to_have_count(0)
    page.goto(f"{live_server.url}/agreements/{agreement.pk}/")
    expect(page.locator("#items")).to_contain_text("Du lịch")
    expect(page.locator("#item-add")).to_have_count(0)
    expect(page.locator("#items button")).to_have_count(0)
    expect(page.get_by_text("Sửa văn bản")).to_have_count(0)
    assert page.console_errors == []
