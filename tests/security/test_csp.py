"""The Content-Security-Policy each kind of page gets, and what our pages may carry under it.

Scripts from this site, or inline with the response's nonce; Stripe on the
card step only; Wagtail's admin alone may run inline scripts; no page frames
the site. The browser journeys (tests/browser/) check that nothing is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from oscar.core.loading import get_model

from marketplace.models import OrderGroup
from marketplace.services.vendors import vendor_member_add
from tests.factories import product_create, vendor_create
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-thu-nghiem"
NONCE_IN_HEADER = re.compile(r"'nonce-([A-Za-z0-9+/=]+)'")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_strict_scripts(response) -> None:
    """Scripts from this site or with this response's nonce; no handler attribute, no Stripe."""
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert not any("stripe" in source for values in policy.values() for source in values)
    assert_no_inline_script_without_nonce(response)


def assert_no_inline_script_without_nonce(response) -> None:
    html = response.content.decode()
    nonces = NONCE_IN_HEADER.findall(response["Content-Security-Policy"])
    for attributes in INLINE_SCRIPT.findall(html):
        assert nonces and f'nonce="{nonces[0]}"' in attributes, attributes
    assert HANDLER_ATTRIBUTE.findall(html) == []
    assert "javascript:" not in html


@pytest.fixture
def vendor(db):
    return vendor_create("Hợp tác xã Cói Kim Sơn")


@pytest.fixture
def product(vendor):
    return product_create("Cơm cháy chà bông", price=45000, stock=5, vendor=vendor)


@pytest.fixture
def member(vendor):
    ProductClass.objects.get_or_create(slug="dac-san", defaults={"name": "Đặc sản"})
    user = get_user_model().objects.create_user("lan@example.vn", "lan@example.vn", PASSWORD)
    vendor_member_add(vendor=vendor, user=user, role="owner")
    return user


@pytest.mark.parametrize(
    "url",
    ["/", "/catalogue/", "/search/?q=com+chay&sort_by=price-desc", "product", "/basket/"],
)
def test_storefront_pages_allow_only_our_scripts_and_the_nonce(client, home_page, product, url):
    response = client.get(product.get_absolute_url() if url == "product" else url)
    assert response.status_code == 200
    assert_strict_scripts(response)
    # Oscar's onbodyload script runs, with this response's nonce.
    assert directives(response)["script-src"][:1] == ["'self'"]
    assert NONCE_IN_HEADER.search(response["Content-Security-Policy"])


def test_each_response_has_its_own_nonce(client, home_page):
    first, second = client.get("/catalogue/"), Client().get("/catalogue/")
    assert NONCE_IN_HEADER.findall(first["Content-Security-Policy"]) != NONCE_IN_HEADER.findall(
        second["Content-Security-Policy"]
    )


def test_a_page_from_the_anonymous_cache_carries_the_nonce_of_its_own_header(
    settings, tmp_path, home_page
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    Client().get("/catalogue/")
    served = Client().get("/catalogue/")
    assert not served.templates  # from the cache
    assert_strict_scripts(served)
    assert NONCE_IN_HEADER.search(served["Content-Security-Policy"])


@pytest.mark.parametrize("word", ["__page_cache_csp_nonce__", "__page_cache_csrf_token__"])
def test_a_page_showing_a_cache_placeholder_is_never_kept(settings, tmp_path, home_page, word):
    """A search for the placeholder must not come back holding a visitor's nonce or token."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")
    Client().get("/search/", {"q": word})
    served = Client().get("/search/", {"q": word})
    assert served.templates  # rendered afresh, not from the cache
    assert word in served.content.decode()


def test_the_sort_order_is_sent_without_an_onchange_attribute(client, home_page, product):
    html = client.get("/search/?q=com+chay").content.decode()
    select = re.search(r"<select[^>]*name=\"sort_by\"[^>]*>", html).group(0)
    assert "data-autosubmit" in select and "onchange" not in select


def test_the_card_step_alone_allows_stripe(client, localstripe, product, settings):
    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"
    basket_add(client, product)
    assert checkout_as_guest(client, method="card")["Location"] == "/checkout/card/"
    response = client.get("/checkout/card/")
    assert response.status_code == 200 and OrderGroup.objects.get().stripe_payment_intent
    policy = directives(response)
    assert policy["script-src"][0] == "'self'"
    assert "https://js.stripe.com" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert {"https://js.stripe.com", "https://hooks.stripe.com"} <= set(policy["frame-src"])
    assert policy["connect-src"] == ["'self'", localstripe]
    assert policy["frame-ancestors"] == ["'none'"]
    assert '<script src="https://js.stripe.com/v3/">' in response.content.decode()
    assert_no_inline_script_without_nonce(response)
    # The next pages of the checkout are back to the site's policy.
    assert "stripe" not in client.get("/basket/")["Content-Security-Policy"]


def test_the_cms_login_alone_may_run_inline_scripts(client, home_page):
    response = client.get("/cms/login/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert "gravatar" not in response.content.decode()


@pytest.mark.parametrize("url", ["/dashboard/my-listings/", "/dashboard/sales/", "product-create"])
def test_the_member_dashboard_keeps_the_strict_policy(client, member, url):
    client.force_login(member)
    target = "/dashboard/my-listings/new/" if url == "product-create" else url
    response = client.get(target)
    assert response.status_code == 200, response.get("Location")
    assert_strict_scripts(response)


def test_the_union_dashboard_and_django_admin_keep_the_strict_policy(client, product):
    admin = get_user_model().objects.create_superuser("root@example.vn", "root@example.vn", "x")
    client.force_login(admin)
    for url in [
        "/dashboard/",
        "/dashboard/catalogue/",
        f"/dashboard/catalogue/products/{product.pk}/",
        "/dashboard/partners/",
        "/django-admin/",
        "/django-admin/auth/user/add/",
    ]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert_strict_scripts(response)


@pytest.mark.parametrize("app", ["storefront_theme", "cms", "marketplace", "catalog", "search"])
def test_our_templates_and_widgets_carry_no_inline_script_or_handler(app):
    found = []
    for path in (ROOT / app).rglob("*"):
        if path.suffix == ".html":
            text = path.read_text()
            found += [f"{path}: {m.group(0)}" for m in HANDLER_ATTRIBUTE.finditer(text)]
            found += [
                f"{path}: {m.group(0)}"
                for m in INLINE_SCRIPT.finditer(text)
                if "csp_nonce" not in m.group(1)
            ]
            found += [f"{path}: javascript:" for _ in re.finditer("javascript:", text)]
        elif path.suffix == ".py" and "migrations" not in path.parts:
            text = path.read_text()
            found += [f"{path}: {m.group(0)}" for m in re.finditer(r"[\"']on[a-z]+[\"']\s*:", text)]
    assert found == []


@pytest.mark.parametrize(
    "name",
    [
        "oscar/base.html",
        "oscar/partials/form.html",
        "oscar/dashboard/partials/form.html",
        "oscar/customer/wishlists/wishlists_form.html",
        "oscar/dashboard/catalogue/product_class_form.html",
        "oscar/forms/widgets/image_input_widget.html",
    ],
)
def test_oscar_templates_with_handlers_are_replaced_by_ours(name):
    """Oscar's stock copies carry onclick/onload/onerror or an inline script without a nonce."""
    from django.template.loader import get_template

    template = get_template(name)
    assert "storefront_theme" in str(template.origin)
    source = template.template.source
    assert HANDLER_ATTRIBUTE.findall(source) == []
    assert all("csp_nonce" in attrs for attrs in INLINE_SCRIPT.findall(source))
