"""axe-core finds no serious or critical WCAG A/AA violation on the pages people use most."""

import pytest

from tests.browser.conftest import axe_violations, csp_violations, log_in, screenshot
from tests.browser.market import PASSWORD, market_create

pytestmark = pytest.mark.django_db(transaction=True)

# Findings in templates this issue does not own, left to their owners; each is
# named so it cannot hide anything else.
KNOWN: dict = {}


def unexpected(name: str, violations: list[dict]) -> list[dict]:
    left = []
    for violation in violations:
        known = KNOWN.get((name, violation["id"]))
        targets = [target for target, _summary in violation["nodes"]]
        if known and all(target == [known] for target in targets):
            continue
        left.append(violation)
    return left


def test_shopper_pages_have_no_serious_violations(phone, home_page):
    market = market_create(home_page)
    product = market["products"]["kim_son"]
    phone.goto(product.get_absolute_url())
    phone.locator("#add_to_basket_form button[type=submit]").click()
    phone.wait_for_load_state()
    pages = {
        "home": "/",
        "listing": "/catalogue/",
        "search": "/search/?q=com+chay",
        "product": product.get_absolute_url(),
        "basket": "/basket/",
        "story": market["story"].url,
        "vendor": market["vendors"]["kim_son"].get_absolute_url(),
        "trace": f"/trace/{product.trace_code}/",
    }
    found = {}
    for name, url in pages.items():
        response = phone.goto(url)
        assert response.status == 200, url
        violations = unexpected(name, axe_violations(phone, name))
        if violations:
            screenshot(phone, f"axe-{name}")
            found[name] = violations
    assert found == {}
    assert csp_violations(phone) == []


def test_member_dashboard_has_no_serious_violations(phone, home_page):
    market_create(home_page)
    log_in(phone, "lan@example.vn", PASSWORD)
    found = {}
    for name, url in {"listings": "/dashboard/my-listings/", "sales": "/dashboard/sales/"}.items():
        assert phone.goto(url).status == 200, url
        violations = axe_violations(phone, name)
        if violations:
            found[name] = violations
    assert found == {}
    assert csp_violations(phone) == []
