"""The admin's login page works in a real browser and leads to the admin index."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_superuser(
        username="alice", email="alice@example.org", password="correct horse battery staple"
    )


def test_it_logs_a_superuser_into_the_admin(page, live_server, alice):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "alice")
    page.fill("#id_password", "correct horse battery staple")
    page.click("[type=submit]")

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#user-tools")).to_contain_text("alice", ignore_case=True)
    # The index lists the registered apps, auth's users at least.
    expect(page.locator("#content-main a[href$='/admin/auth/user/']").first).to_be_visible()
    assert page.console_errors == []
