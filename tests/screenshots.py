"""Full-page screenshots of the main pages for the README: `make screenshots`.

    python -m tests.screenshots [NAME ...] [--out DIR]

Prepares the demo data in a throwaway var dir (`hoptac demo --no-serve` with HOPTAC_VAR_DIR,
always SQLite, never your DATABASE_URL), serves it with `hoptac runserver` on a free port,
signs in as the demo account and saves one PNG per page into docs/screenshots/. Pages that
answer 404 (not written yet) are skipped with a warning; other errors make the exit status 1.
The server is stopped and the var dir removed whatever happens.

To add a page, add a (name, url) pair to PAGES; the url is a path, or a function that returns
a path (or None to skip) and may query the demo database, e.g. for a detail page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
DEMO_USERNAME = "demo"


def demo_password() -> str:
    """The demo command's account password, printed by `hoptac demo` too."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoptac.settings")
    import django

    django.setup()
    from hoptac.accounts.management.commands.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


# Each page on a desk and on a phone, in Vietnamese and in English: NAME.png, NAME-phone.png,
# NAME-en.png, NAME-en-phone.png.
VIEWPORTS = {"": {"width": 1366, "height": 900}, "-phone": {"width": 390, "height": 844}}
LANGUAGES = {"": ("vi", "vi-VN"), "-en": ("en", "en-GB")}
# Charts animate for about a second after the page settles.
SETTLE_MS = 1500


def _first_detail_url(model: str, url_name: str) -> Callable[[], str | None]:
    """Returns a function giving the detail page of app_label.Model's first row.

    Uses the row's get_absolute_url() when the model has one, else reverses url_name with
    its pk; None when the model, the URL or any row is missing.
    """

    def find() -> str | None:
        from django.apps import apps
        from django.urls import NoReverseMatch, reverse

        try:
            cls = apps.get_model(model)
        except LookupError:
            return None
        row = cls._default_manager.order_by("pk").first()
        if row is None:
            return None
        if hasattr(row, "get_absolute_url"):
            return row.get_absolute_url()
        try:
            return reverse(url_name, args=[row.pk])
        except NoReverseMatch:
            return None

    return find


def _partnership_with(name: str) -> Callable[[], str | None]:
    """Returns a function giving the page of the first partnership with a side called `name`."""

    def find() -> str | None:
        from django.urls import reverse

        from hoptac.partnerships.models import Partnership

        row = Partnership.objects.filter(members__locality__name=name).order_by("pk").first()
        return reverse("web:partnership", args=[row.pk]) if row else None

    return find


PAGES: list[tuple[str, str | Callable[[], str | None]]] = [
    ("dashboard", "/"),
    ("partnership", _partnership_with("Thanh Hóa")),
    ("document-review", _first_detail_url("documents.Document", "documents:detail")),
    ("commitments", "/commitments/"),
    ("search", "/search/?q=thanh+hoa"),
    ("review-queue", "/documents/review/"),
    ("admin", "/admin/"),
]


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hoptac_command() -> list[str]:
    """Returns the argv prefix that runs `hoptac` from this interpreter's environment."""
    script = Path(sys.executable).parent / "hoptac"
    return [str(script)] if script.exists() else [sys.executable, "-m", "hoptac"]


def resolve_urls(pages: list[tuple[str, str | Callable[[], str | None]]], env: dict[str, str]):
    """Returns [(name, path or None)], querying the demo database for computed paths."""
    if all(isinstance(url, str) for _, url in pages):
        return list(pages)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoptac.settings")
    import django

    django.setup()
    return [(name, url if isinstance(url, str) else url()) for name, url in pages]


def wait_for_server(proc: subprocess.Popen, port: int, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited ({proc.returncode}):\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"the server did not answer on port {port} in {timeout:.0f}s:\n{log.read_text()}"
    )


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def sign_in(page, base: str) -> None:
    """Signs in as the demo account: the site's login form, or the admin's until it exists."""
    for login_path in ("/accounts/login/", "/admin/login/"):
        response = page.goto(base + login_path)
        if response is None or not response.ok or not page.locator("input[name=username]").count():
            continue
        # The header's search form has a submit button too: stay inside the login form.
        form = page.locator("form:has(input[name=username])")
        form.locator("input[name=username]").fill(DEMO_USERNAME)
        form.locator("input[name=password]").fill(demo_password())
        with page.expect_navigation():
            form.locator("[type=submit]").click()
        if login_path not in page.url and any(
            c["name"] == "sessionid" for c in page.context.cookies()
        ):
            return
    raise RuntimeError(f"could not sign in as {DEMO_USERNAME!r} at {base}")


def shoot(base: str, urls: list[tuple[str, str | None]], out: Path) -> int:
    """Saves the screenshots; returns the number of pages that failed (not counting 404s)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    failures = 0
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for lang_suffix, (lang, locale) in LANGUAGES.items():
                for size_suffix, viewport in VIEWPORTS.items():
                    context = browser.new_context(
                        locale=locale, timezone_id="Asia/Ho_Chi_Minh", viewport=viewport
                    )
                    context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
                    failures += _shoot_context(
                        context, base, urls, out, f"{lang_suffix}{size_suffix}"
                    )
                    context.close()
        finally:
            browser.close()
    return failures


def _shoot_context(context, base: str, urls, out: Path, suffix: str) -> int:
    """Saves one picture per page in this context (a language and a window size)."""
    failures = 0
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(page, base)
    for name, path in urls:
        if path is None:
            warn(f"{name}: no URL (nothing to show yet), skipped")
            continue
        errors.clear()
        response = page.goto(base + path, wait_until="networkidle")
        status = response.status if response else 0
        if status == 404:
            warn(f"{name}: {path} answers 404 (not written yet?), skipped")
            continue
        if not 200 <= status < 400:
            warn(f"{name}: {path} answers {status}, no screenshot")
            failures += 1
            continue
        page.wait_for_timeout(SETTLE_MS)
        target = out / f"{name}{suffix}.png"
        page.screenshot(path=str(target), full_page=True)
        shown = target.relative_to(REPO) if target.is_relative_to(REPO) else target
        print(f"{name}{suffix}: {path} -> {shown}")
        for error in errors:
            warn(f"{name}{suffix}: console error: {error}")
    return failures


def shoot_report(hoptac: list[str], env: dict[str, str], var_dir: Path, out: Path) -> int:
    """Render the first page of the demo's annual report PDF to PNG; return 1 on failure."""
    if shutil.which("pdftoppm") is None:
        warn("pdftoppm is missing (apt-get install poppler-utils): no report picture")
        return 0
    pdf = var_dir / "report.pdf"
    made = subprocess.run(
        [*hoptac, "report", "annual", "--partners", "Hà Nội", "Thanh Hóa", "--year", "2019",
         "--format", "pdf", "-o", str(pdf)],
        env=env, cwd=REPO, check=False,
    )  # fmt: skip
    if made.returncode:
        print("error: the annual report PDF could not be made", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(out / "report-page1")],
        check=True,
    )  # fmt: skip
    print(f"report: page 1 -> {out / 'report-page1.png'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only these pages (default: all)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to save the PNG files")
    args = parser.parse_args(argv)
    pages = [(n, u) for n, u in PAGES if not args.names or n in args.names]
    if unknown := set(args.names) - {n for n, _ in PAGES}:
        parser.error(f"unknown page(s): {', '.join(sorted(unknown))}")

    # SIGTERM ends the run through the finally below, so the server never outlives it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    var_dir = Path(tempfile.mkdtemp(prefix="hoptac-screenshots-"))
    env = {**os.environ, "HOPTAC_VAR_DIR": str(var_dir), "DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    server = None
    try:
        hoptac = hoptac_command()
        demo = subprocess.run([*hoptac, "demo", "--no-serve"], env=env, cwd=REPO, check=False)
        if demo.returncode:
            print(f"error: `hoptac demo --no-serve` failed ({demo.returncode})", file=sys.stderr)
            return 1
        urls = resolve_urls(pages, env)
        port = free_port()
        log = var_dir / "server.log"
        with log.open("wb") as log_file:
            server = subprocess.Popen(
                [*hoptac, "runserver", f"127.0.0.1:{port}", "--noreload"],
                env=env,
                cwd=REPO,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        wait_for_server(server, port, log)
        failures = shoot(f"http://127.0.0.1:{port}", urls, args.out)
        if not args.names:
            failures += shoot_report(hoptac, env, var_dir, args.out)
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
