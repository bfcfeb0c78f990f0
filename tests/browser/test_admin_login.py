"""The admin's login page works in a real browser and leads to the admin index."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_it_logs_a_superuser_into_the_admin(page, live_server, django_user_model):
    django_user_model.objects.create_superuser("sam", password="sam-pass-123")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "sam")
    page.fill("#id_password", "sam-pass-123")
    page.click("[type=submit]")

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#user-tools")).to_contain_text("sam", ignore_case=True)
    # The index lists the registered apps, auth's users at least.
    expect(page.locator("#content-main a[href$='/admin/auth/user/']").first).to_be_visible()
    assert page.console_errors == []
