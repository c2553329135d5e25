"""A cooperative member has one menu, the site's own; Union staff keep Oscar's."""

import re

import pytest

from tests.factories import product_create

pytestmark = pytest.mark.django_db

MEMBER_PAGES = {
    "/dashboard/today/": "today",
    "/dashboard/my-listings/": "products",
    "/dashboard/my-orders/": "orders",
    "/dashboard/sales/": "sales",
    "/dashboard/my-settlement/": "money",
    "/dashboard/team/": "team",
    "/dashboard/profile/": "profile",
}


def menu(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="member-nav".*?</nav>', html, re.S)
    assert nav, "no member menu"
    return re.findall(r'<a href="([^"]+)" data-nav="(\w+)"', nav.group(0))


@pytest.mark.parametrize("url", MEMBER_PAGES)
def test_every_member_page_has_her_one_menu_with_the_page_marked(client, people, url):
    client.force_login(people["member of vendor A"])
    html = client.get(url).content.decode()
    assert menu(html) == [
        ("/dashboard/today/", "today"),
        ("/dashboard/my-listings/", "products"),
        ("/dashboard/my-orders/", "orders"),
        ("/dashboard/sales/", "sales"),
        ("/dashboard/my-settlement/", "money"),
        ("/dashboard/team/", "team"),
        ("/dashboard/profile/", "profile"),
        ("/help/selling/", "help"),
    ]
    current = re.findall(r'data-nav="(\w+)" aria-current="page"', html)
    assert current == [MEMBER_PAGES[url]]
    # no Oscar bars: no "Toggle navigation" buttons, no collapsed menus needing JavaScript
    assert "Toggle navigation" not in html and "navbar-toggler" not in html
    assert "navbar-brand" not in html
    labels = re.findall(r'data-nav="\w+"(?: aria-current="page")?>([^<]+)</a>', html)
    assert labels == [
        "Hôm nay",
        "Sản phẩm",
        "Đơn hàng",
        "Doanh số",
        "Tiền hàng",
        "Thành viên",
        "Hồ sơ",
        "Hướng dẫn",
    ]


def test_an_orders_page_belongs_to_orders(client, people, place_order):
    group = place_order(product_create("Gạo tám", vendor=people["vendor A"]))
    client.force_login(people["member of vendor A"])
    html = client.get(f"/dashboard/my-orders/{group.parts.get().pk}/").content.decode()
    assert re.findall(r'data-nav="(\w+)" aria-current="page"', html) == ["orders"]


def test_the_menu_in_english(client, people):
    client.force_login(people["member of vendor A"])
    client.post("/i18n/setlang/", {"language": "en", "next": "/dashboard/today/"})
    html = client.get("/dashboard/today/").content.decode()
    labels = re.findall(r'data-nav="\w+"(?: aria-current="page")?>([^<]+)</a>', html)
    assert labels == ["Today", "Products", "Orders", "Sales", "Money", "Team", "Profile", "Help"]


def test_union_staff_keep_oscars_menu(client, people):
    client.force_login(people["Union staff"])
    html = client.get("/dashboard/listings/").content.decode()
    assert 'class="member-nav"' not in html
    assert "navbar-primary" in html and "/dashboard/vendors/" in html
