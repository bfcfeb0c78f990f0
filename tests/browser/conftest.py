"""Browser tests: Playwright for Python driving Debian's Chromium against Django's live_server.

Fixtures for the tests in this directory:

- ``browser``: one headless Chromium (``/usr/bin/chromium``, or ``$HOPTAC_CHROMIUM``) for
  the whole session.
- ``page``: a fresh context per test (locale vi-VN, Asia/Ho_Chi_Minh); console errors and
  uncaught exceptions are collected in ``page.console_errors``.
- ``axe_check``: ``axe_check(page)`` runs axe-core on the page and returns the serious and
  critical violations (an empty list when the page passes).
- ``login``: ``login(page, live_server, username, password)`` signs in through
  ``/accounts/login/``.

Every test here carries the ``browser`` marker (``-m "not browser"`` leaves them out). Without
Chromium they are skipped, unless ``HOPTAC_REQUIRE_BROWSER=1`` (as in CI), when they fail.
Never run ``playwright install``: it downloads a browser, which cannot work here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.conf import settings

# Sync Playwright runs an event loop in the test thread, which makes Django refuse ORM calls
# from the test (and from live_server's handlers) unless this is set.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# HOPTAC_CHROMIUM points elsewhere on machines whose Chromium is not Debian's.
CHROMIUM = Path(os.environ.get("HOPTAC_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    # Only the live server is reachable: a page that loads anything from elsewhere (a CDN)
    # gets a console error instead of hanging or silently depending on the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "hoptac" / "static" / "vendor" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
DEFAULT_TIMEOUT_MS = 15_000
HERE = Path(__file__).resolve().parent


def _browser_required() -> bool:
    return os.environ.get("HOPTAC_REQUIRE_BROWSER", "") == "1"


def _missing_browser_reason() -> str | None:
    """Returns why browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium; never `playwright install`)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make setup)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, not only this directory's.
    reason = _missing_browser_reason()
    for item in items:
        if HERE not in item.path.parents:
            continue
        item.add_marker(pytest.mark.browser)
        if reason and not _browser_required():
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _missing_browser_reason()
    if reason:
        pytest.fail(
            f"HOPTAC_REQUIRE_BROWSER=1 but browser tests cannot run: {reason}", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    page.console_errors = []

    def on_console(message: Any) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        # Chromium asks for /favicon.ico by itself; its 404 says nothing about the page.
        if urlsplit(where).path == "/favicon.ico":
            return
        page.console_errors.append(f"{message.text} [{where}]" if where else message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.console_errors.append(f"uncaught: {error}"))
    yield page
    context.close()


class AxeViolations(list):
    """axe-core violations; the repr is short enough to read in a failed assertion."""

    def __repr__(self) -> str:
        if not self:
            return "[]"
        lines = [f"{len(self)} accessibility violation(s):"]
        for v in self:
            targets = ", ".join(
                " ".join(map(str, node.get("target", []))) for node in v.get("nodes", [])[:5]
            )
            lines.append(f"  [{v.get('impact')}] {v.get('id')}: {v.get('help')} -> {targets}")
        return "\n".join(lines)


def _axe_check(page: Any, *, impacts: tuple[str, ...] = BLOCKING_IMPACTS) -> AxeViolations:
    """Runs axe-core on the page as it is now; returns violations of the given impacts.

    Each violation is axe's own dict (``id``, ``impact``, ``help``, ``helpUrl``, ``nodes``).
    Use it as ``assert axe_check(page) == []``.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # From the site's own static files: the Content-Security-Policy refuses inline scripts.
        page.add_script_tag(url=urljoin(page.url, "/static/vendor/axe-core/axe.min.js"))
    results = page.evaluate(
        "async () => await window.axe.run(document, {resultTypes: ['violations']})"
    )
    return AxeViolations(v for v in results["violations"] if v.get("impact") in impacts)


def _login(
    page: Any, live_server: Any, username: str, password: str, *, next_url: str | None = None
) -> None:
    """Signs in through the site's login form, then lands on ``next_url`` if given.

    Fails the test if the login form comes back (wrong credentials, inactive user).
    """
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    url = f"{live_server.url}/accounts/login/{query}"
    response = page.goto(url)
    if response is None or not response.ok:
        status = response.status if response else "no response"
        pytest.fail(f"login page {url} answered {status}", pytrace=False)
    # The header's search form has a submit button too: stay inside the login form.
    form = page.locator("form:has(input[name=username])")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    signed_in = any(c["name"] == settings.SESSION_COOKIE_NAME for c in page.context.cookies())
    if "/accounts/login/" in page.url or not signed_in:
        pytest.fail(f"login as {username!r} failed: now on {page.url}", pytrace=False)


@pytest.fixture
def axe_check() -> Callable[..., AxeViolations]:
    return _axe_check


@pytest.fixture
def login() -> Callable[..., None]:
    return _login


@pytest.fixture(autouse=True)
def _reference_units(transactional_db: None) -> None:
    """Load the 97 units again: a live-server test empties every table after itself,
    the rows of the data migration included."""
    from hoptac.localities.services import localities_load

    localities_load()
