"""Every page, on a desk (1366×900) and a phone (390×844), in Vietnamese and in English:
nothing sticks out of the page or is cut off inside its box, the page logs no error, shows no
word of the other language and has no serious or critical axe-core violation.

The data are the demo's: the five sample reports ingested and accepted, as `make run` shows.
"""

from __future__ import annotations

import pytest

WIDTHS = {"desk": (1366, 900), "phone": (390, 844)}

# An element is cut when its content is wider than its box and the box hides the rest (or,
# on a desk, asks for a horizontal scroll bar: money and names must show without one).
OVERFLOW_JS = """(desk) => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    found.push(`page: ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  }
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) { s += '#' + el.id; }
    if (el.classList.length) { s += '.' + [...el.classList].join('.'); }
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${s} "${text}"`;
  };
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || el.clientWidth === 0) { continue; }
    if (el.closest('.chart, canvas, svg, [aria-hidden=true], .visually-hidden')) { continue; }
    // A text box scrolls its own long value: that is the control, not the layout.
    if (el.matches('input, textarea, select')) { continue; }
    if (el.scrollWidth <= el.clientWidth + 1) { continue; }
    const hides = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    const scrolls = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
    if (hides || (desk && scrolls)) {
      found.push(`${name(el)}: content ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }
  return found;
}"""


# The page's own words (headings of columns, labels, buttons, menus) in the other language:
# Vietnamese letters on an English page, common English words on a Vietnamese one. Data
# (names, titles, quotes) stays Vietnamese in both and is not looked at.
LANGUAGE_JS = """(lang) => {
  const found = [];
  // A word that starts in lower case and carries a Vietnamese letter: "và", "người", "tên".
  // Names of places and people start in capitals ("Hà Nội") and are data in both languages.
  const vietnameseWord = (w) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/.test(w)
    && w[0] === w[0].toLowerCase() && w[0] !== w[0].toUpperCase();
  const english = /\\b(the|Save|Search|Filter|Delete|Edit|Cancel|Add|Export|Sign in|Log in|Status|Date|Amount|Source)\\b/;
  const chrome = 'th, label, button, summary, legend, nav a, .kpi-label, h2, [role=button]';
  for (const el of document.querySelectorAll(chrome)) {
    if (el.closest('[lang]') && el.closest('[lang]') !== document.documentElement) { continue; }
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(' ').trim();
    if (!own) { continue; }
    const other = lang === 'en' ? own.split(/[\\s,.;:()–-]+/).some(vietnameseWord) : english.test(own);
    if (other) {
      found.push(`${el.tagName.toLowerCase()} "${own.slice(0, 60)}"`);
    }
  }
  return found;
}"""


@pytest.fixture
def demo_pages(live_server, db):
    """Load the demo and return the URLs of every kind of page, lists and records."""
    from django.core.management import call_command
    from django.test import override_settings

    from hoptac.activities.models import Activity
    from hoptac.documents.models import Document
    from hoptac.grants.models import Grant
    from hoptac.partnerships.models import (
        Agency,
        Agreement,
        Commitment,
        Meeting,
        Partnership,
        Person,
    )

    with override_settings(DEBUG=True):  # the demo account exists only in development
        call_command("demo", "--no-serve", verbosity=0)
    urls = [
        "/", "/?units=historic", "/partnerships/", "/meetings/", "/agreements/",
        "/commitments/", "/projects/", "/snapshots/", "/grants/", "/activities/", "/requests/",
        "/documents/", "/people/", "/agencies/", "/search/?q=thanh+hoa", "/reports/annual/", "/tasks/", "/jobs/",
        "/reports/import/",
    ]  # fmt: skip
    partnership = max(Partnership.objects.all(), key=lambda p: p.meetings.count())
    urls.append(f"/partnerships/{partnership.pk}/")
    for model, prefix in [
        (Meeting, "meetings"), (Agreement, "agreements"), (Grant, "grants"),
        (Activity, "activities"), (Person, "people"), (Agency, "agencies"),
    ]:  # fmt: skip
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            urls.append(f"/{prefix}/{obj.pk}/")
    if c := Commitment.objects.order_by("pk").first():
        urls.append(f"/commitments/{c.pk}/")
    if d := Document.objects.order_by("pk").first():
        urls.extend([f"/documents/{d.pk}/", "/documents/review/"])
    return urls


def test_no_page_sticks_out_or_cuts_its_content(browser, live_server, login, demo_pages, axe_check):
    problems: list[str] = []
    for lang, locale in (("vi", "vi-VN"), ("en", "en-GB")):
        for label, (width, height) in WIDTHS.items():
            context = browser.new_context(
                locale=locale, viewport={"width": width, "height": height},
                timezone_id="Asia/Ho_Chi_Minh",
            )  # fmt: skip
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(f"uncaught: {e}"))
            page.on(
                "console",
                lambda m, errors=errors: (
                    errors.append(m.text)
                    if m.type == "error" and "favicon" not in (m.location or {}).get("url", "")
                    else None
                ),
            )
            login(page, live_server, "demo", _demo_password())
            _choose_language(page, live_server, lang)
            for url in demo_pages:
                errors.clear()
                page.goto(live_server.url + url)
                page.wait_for_load_state("networkidle")
                for found in page.evaluate(OVERFLOW_JS, label == "desk"):
                    problems.append(f"{lang} {label} {url}: {found}")
                if label == "desk":
                    for found in page.evaluate(LANGUAGE_JS, lang):
                        problems.append(f"{lang} {url}: other language: {found}")
                # axe-core's serious and critical violations, once per page and language on a
                # desk, and on a phone where the header and the folded filters differ.
                if label == "desk" or lang == "vi":
                    for v in axe_check(page):
                        where = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
                        problems.append(f"{lang} {label} {url}: axe {v['id']}: {where}")
                for e in errors:
                    problems.append(f"{lang} {label} {url}: console: {e}")
            context.close()
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:300])


def _demo_password() -> str:
    from hoptac.accounts.management.commands.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


def _choose_language(page, live_server, lang: str) -> None:
    """Switch the site's language as the language buttons do: Django's language cookie."""
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
