"""Chromium (Debian's, never a downloaded build) driven by Playwright against a live server.

Every test here is marked ``service("browser")``: it skips with the reason
when Chromium, Playwright or axe-core is missing, and fails under
REQUIRE_SERVICES=1. Screenshots go to var/screenshots (ignored by git).
"""

from __future__ import annotations

import contextlib
import json
import os
import weakref
from pathlib import Path

import pytest

from tests import services

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.service("browser"))


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=services.CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium, live_server):
    """A phone-sized page (390×844) whose relative URLs go to the live server.

    Every Content-Security-Policy violation on any page it opens is collected:
    ``csp_violations(page)`` lists them.
    """
    context = chromium.new_context(
        viewport=PHONE, base_url=live_server.url, locale="vi-VN", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    csp_watch(context)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_without_js(chromium, live_server):
    """The phone page with JavaScript turned off (forms, links and <details> only)."""
    context = chromium.new_context(
        viewport=PHONE,
        base_url=live_server.url,
        locale="vi-VN",
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


# --------------------------------------------------------------------------
# Content-Security-Policy violations (config/settings/csp.py)
# --------------------------------------------------------------------------
_CSP_FOUND: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# Runs in every page and frame before the page's own scripts; the binding is
# called through the DevTools protocol, which the policy does not restrict.
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolation([
        location.pathname + location.search,
        event.effectiveDirective,
        event.blockedURI,
        (event.sourceFile || "") + ":" + event.lineNumber,
        event.sample,
    ].join(" | "));
});
"""


def csp_watch(context) -> None:
    """Collect every CSP violation in ``context``'s pages: the browser's event and its console."""
    found: list[str] = []
    _CSP_FOUND[context] = found

    def reported(violation: str) -> None:
        found.append(violation)

    def console(message) -> None:
        if "Content Security Policy" in message.text:
            found.append(f"console | {message.text}")

    context.expose_function("__cspViolation", reported)
    context.add_init_script(script=_CSP_LISTENER)
    context.on("console", console)


def csp_violations(page) -> list[str]:
    """Every CSP violation seen so far on any page of ``page``'s context, in order."""
    return list(_CSP_FOUND.get(page.context, []))


@contextlib.contextmanager
def csp_checked(page):
    """Steps that must meet no CSP violation; if they fail, a violation is named first.

    A refused handler fails a step by a time-out (the form never sent); this
    says why.
    """
    try:
        yield
    except Exception as error:
        assert csp_violations(page) == [], f"{error.__class__.__name__} after a CSP violation"
        raise
    assert csp_violations(page) == []


@pytest.fixture
def home_page(transactional_db):
    """The Wagtail home page, after putting back the rows Wagtail's migrations made.

    A live-server test ends by emptying every table, those rows included
    (default locale, root collection, root page, default site).
    """
    from tests.factories import home_page_after_flush

    return home_page_after_flush()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def axe_violations(page, name: str = "") -> list[dict]:
    """Serious and critical WCAG 2.x A/AA violations axe-core finds on the page.

    With a ``name``, the findings are also written to var/screenshots/axe-<name>.json.
    """
    # Evaluated through the DevTools protocol rather than added as an inline
    # <script>, which the Content-Security-Policy would refuse.
    page.evaluate(services.AXE_SCRIPT.read_text())
    results = page.evaluate(
        """(WCAG_TAGS) => axe.run(document, {
            runOnly: {type: 'tag', values: WCAG_TAGS},
            resultTypes: ['violations'],
        })""",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    )
    found = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n.get("failureSummary", "")) for n in v["nodes"][:5]],
        }
        for v in results["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    if name and found:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / f"axe-{name}.json").write_text(json.dumps(found, indent=2))
    return found


def log_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    page.click("button[name=login_submit]")
    page.wait_for_load_state()


# Everything a finger presses inside ``scope`` (the whole page by default), as the
# browser lays it out, and the page's width. A link inside a sentence is left out,
# as WCAG 2.5.8 leaves it out: the sentence sets its size.
TAP = 44
_MEASURE_TAPS = """([scope, tap]) => {
    const small = [];
    const root = (scope && document.querySelector(scope)) || document.body;
    const targets = root.querySelectorAll(
        'a[href], button, select, summary, textarea, '
        + 'input:not([type=hidden]):not([type=radio]):not([type=checkbox])'
    );
    for (const el of targets) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.closest('.sr-only, .skip-link, [hidden]')) continue;
        const parent = el.parentElement;
        const inSentence = el.tagName === 'A' && parent.matches('p, small, dd, td, li, span')
            && parent.textContent.trim() !== el.textContent.trim();
        if (inSentence) continue;
        if (box.width < tap || box.height < tap) {
            small.push(`${el.tagName} "${(el.innerText || el.name || '').trim().slice(0, 30)}" `
                + `${Math.round(box.width)}×${Math.round(box.height)}`);
        }
    }
    return {width: document.scrollingElement.scrollWidth, small};
}"""


def tap_targets(page, scope: str | None = None) -> dict:
    """``{"width": the page's width in px, "small": targets under 44×44 px}``."""
    return page.evaluate(_MEASURE_TAPS, [scope, TAP])
