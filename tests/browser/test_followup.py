"""Follow-up in a real browser: a status change with a note, two commitments updated at once
and their history, the Vietnamese 403 for a viewer's direct POST, an htmx refusal in place."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def data(admin_user, hanoi, thanhhoa, hanoi_thanhhoa):
    from hoptac.partnerships.services import agreement_create, commitment_create

    a = agreement_create(partnership=hanoi_thanhhoa, by=admin_user, kind="conclusion",
                         title="Kết luận 2026", signed_on=dt.date(2026, 3, 1))  # fmt: skip
    for text, due in (("Xây dựng tuyến đường kết nối", dt.date(2026, 6, 30)),
                      ("Xúc tiến đầu tư Khu kinh tế", dt.date(2026, 9, 30)),
                      ("Trao đổi cán bộ", dt.date(2027, 3, 31))):  # fmt: skip
        commitment_create(agreement=a, by=admin_user, text=text, responsible=hanoi, due_on=due)
    return a


def test_an_editor_marks_done_with_a_note_and_sees_the_history(
    page, live_server, login, alice, data, axe_check
):
    c = data.commitments.get(number=1)
    login(page, live_server, "alice", "alice-pass-123", next_url=f"/commitments/{c.pk}/")
    expect(page.locator("#new-status")).to_have_value("planned")  # starts on the current one
    page.select_option("#new-status", "done")
    page.get_by_role("button", name="Cập nhật").click()
    expect(page.locator("[role=alert]")).to_contain_text("Hãy ghi chú lý do")
    expect(page.locator("#current-status")).to_have_text("Chưa triển khai")
    page.fill("#new-note", "Đã thông xe kỹ thuật")
    page.get_by_role("button", name="Cập nhật").click()
    expect(page.locator("#current-status")).to_have_text("Hoàn thành")
    expect(page.locator("#status-history")).to_contain_text("Đã thông xe kỹ thuật")
    expect(page.locator("#status-history")).to_contain_text("alice")
    assert axe_check(page) == []
    # The refused form came back with status 400 on purpose; nothing else went wrong.
    assert [e for e in page.console_errors if "status of 400" not in e] == []


def test_an_editor_updates_two_commitments_at_once(
    page, live_server, login, alice, data, axe_check
):
    login(page, live_server, "alice", "alice-pass-123", next_url="/commitments/")
    first, second = data.commitments.get(number=1), data.commitments.get(number=2)
    page.check(f"#pick-{first.pk}")
    page.check(f"#pick-{second.pk}")
    form = page.locator("#bulk-form")
    form.locator("select[name=status]").select_option("in_progress")
    form.locator("input[name=due_on]").fill("2027-06-30")
    form.locator("input[name=note]").fill("Rà soát cuối năm")
    form.get_by_role("button", name="Cập nhật").click()
    expect(page.locator(".messages")).to_contain_text("Đã cập nhật 2 nội dung")
    for c in (first, second):
        expect(page.locator(f"#commitment-{c.pk}")).to_contain_text("Đang thực hiện")
        expect(page.locator(f"#commitment-{c.pk}")).to_contain_text("30/06/2027")
    expect(page.locator(f"#commitment-{data.commitments.get(number=3).pk}")).to_contain_text(
        "Chưa triển khai"
    )
    assert axe_check(page) == []
    page.goto(f"{live_server.url}/commitments/{second.pk}/")
    history = page.locator("#status-history")
    expect(history.locator("tr", has_text="Trạng thái")).to_contain_text("Rà soát cuối năm")
    expect(history.locator("tr", has_text="Hạn")).to_contain_text("30/06/2027")
    assert page.console_errors == []


def test_a_viewer_sees_no_controls_and_gets_the_vietnamese_403(
    page, live_server, login, victor, data, axe_check
):
    c = data.commitments.get(number=1)
    login(page, live_server, "victor", "victor-pass-123", next_url=f"/commitments/{c.pk}/")
    expect(page.locator("#new-status")).to_have_count(0)
    expect(page.locator("#note-form")).to_have_count(0)
    page.goto(f"{live_server.url}/commitments/")
    expect(page.locator("#bulk-form")).to_have_count(0)
    # A direct POST, as a hand-made form would send it, with the session's CSRF token.
    page.goto(f"{live_server.url}/commitments/{c.pk}/")
    token = page.evaluate("document.body.getAttribute('hx-headers')")
    csrf = re.search(r'"X-CSRFToken": "([^"]+)"', token).group(1)
    page.evaluate(
        """([url, csrf]) => { const f = document.createElement('form'); f.method = 'post';
        f.action = url; for (const [k, v] of [['csrfmiddlewaretoken', csrf], ['status', 'done'],
        ['note', 'x']]) { const i = document.createElement('input'); i.name = k; i.value = v;
        f.appendChild(i); } document.body.appendChild(f); f.submit(); }""",
        [f"/commitments/{c.pk}/status/", csrf],
    )
    expect(page.locator("h1")).to_have_text("Bạn không có quyền làm việc này")
    expect(page.locator("#error-reason")).to_contain_text("Hà Nội")
    expect(page.locator(".site-header")).to_be_visible()
    assert axe_check(page) == []


def test_an_htmx_refusal_is_shown_in_place(page, live_server, login, alice, data):
    from hoptac.accounts.models import Membership

    c = data.commitments.get(number=1)
    login(page, live_server, "alice", "alice-pass-123", next_url="/commitments/")
    row = page.locator(f"#commitment-{c.pk}")
    row.locator("select[name=status]").select_option("in_progress")
    Membership.objects.filter(user=alice).delete()  # her role is withdrawn meanwhile
    row.get_by_role("button", name="Cập nhật").click()
    expect(row.locator(".htmx-error")).to_contain_text("chỉ người biên tập của Hà Nội")
    expect(page.locator("h1")).to_contain_text("Theo dõi")  # the page was not replaced
    assert [e for e in page.console_errors if "403" not in e] == []
