"""A locality picker in a real browser: typed text without accents filters it, and the
record's date leaves only the units that existed then."""

from __future__ import annotations


def _visible(page, name: str) -> list[str]:
    return page.eval_on_selector(
        f"select[name={name}]",
        "s => [...s.options].filter(o => o.value && !o.hidden).map(o => o.textContent)",
    )


def test_an_editor_finds_a_unit_by_typing_and_by_date(page, live_server, login, alice,
                                                       hanoi_thanhhoa, axe_check):  # fmt: skip
    login(page, live_server, "alice", "alice-pass-123", next_url="/grants/new/")
    search = page.locator("select[name=donor]").locator("xpath=preceding-sibling::input[1]")
    search.fill("hai phong")
    shown = _visible(page, "donor")
    assert {"Hải Phòng (từ 1/7/2025)", "Hải Phòng (đến 30/6/2025)"} <= set(shown)
    assert all("Phòng" in label for label in shown)  # Hải Dương (nay thuộc Hải Phòng) too
    page.fill("input[name=given_on]", "2019-11-16")
    page.dispatch_event("input[name=given_on]", "change")
    shown = _visible(page, "donor")
    assert "Hải Phòng (đến 30/6/2025)" in shown
    assert "Hải Phòng (từ 1/7/2025)" not in shown
    search.fill("")
    assert "Ninh Bình" not in _visible(page, "donor")  # the new unit, from 1/7/2025
    assert "Hà Nam" in " ".join(_visible(page, "donor"))
    search.press("End")
    assert page.console_errors == []
    assert axe_check(page) == []
