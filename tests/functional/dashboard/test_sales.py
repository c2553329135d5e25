import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from marketplace.services.vendors import vendor_member_add
from tests.factories import product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def order_of(*items, placed):
    basket = Basket.objects.create()
    basket.strategy = Default()
    for product, quantity in items:
        basket.add_product(product, quantity)
    order = create_order(basket=basket)
    Order.objects.filter(pk=order.pk).update(date_placed=placed)
    return order


@pytest.fixture
def sales(db):
    vendor_a, vendor_b = vendor_create("Hợp tác xã A"), vendor_create("Hợp tác xã B")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor_a, user=member, role="owner")
    rice = product_create("Gạo tám", price=50000, stock=100, vendor=vendor_a)
    honey = product_create("Mật ong", price=200000, stock=3, vendor=vendor_a)
    other = product_create("Chiếu cói", price=300000, stock=100, vendor=vendor_b)
    # mid-month this month and mid-month last month, whatever today is
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    earlier = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(9)))
    recent = timezone.make_aware(datetime.datetime.combine(this_month, datetime.time(9)))
    order_of((rice, 2), (other, 1), placed=earlier)  # a mixed order: only her line counts
    order_of((rice, 1), (honey, 1), placed=recent)
    order_of((other, 5), placed=recent)
    return {
        "member": member,
        "vendor": vendor_a,
        "rice": rice,
        "other": other,
        "months": (last_month, this_month),
    }


def test_her_sales_by_month_count_only_her_lines(client, sales):
    client.force_login(sales["member"])
    response = client.get("/dashboard/sales/")
    rows = response.context["rows"]
    assert len(rows) == 12  # every month of the last twelve, those without sales at 0
    last_month, this_month = sales["months"]
    assert [(r["start"], r["orders"], r["items"]) for r in rows[-2:]] == [
        (last_month, 1, 2),
        (this_month, 1, 2),
    ]
    assert [r["revenue"] for r in rows[-2:]] == [Decimal("100000"), Decimal("250000")]
    assert all(r["orders"] == 0 for r in rows[:-2])
    assert [r["title"] for r in response.context["best_sellers"]] == ["Gạo tám", "Mật ong"]
    html = response.content.decode()
    assert "Chiếu cói" not in html
    assert "250.000\u00a0₫" in html and this_month.strftime("%m/%Y") in html


def test_low_stock_lists_her_products_under_threshold(client, sales):
    client.force_login(sales["member"])
    low = client.get("/dashboard/sales/").context["low_stock"]
    assert [record.product.title for record in low] == ["Mật ong"]


@pytest.mark.parametrize("who", ["anonymous", "shopper"])
def test_sales_are_for_members_only(client, sales, who):
    if who == "shopper":
        client.force_login(User.objects.create_user("k", "k@example.vn", "x"))
    response = client.get("/dashboard/sales/")
    assert response.status_code == (302 if who == "anonymous" else 403)


def test_by_week_lists_the_last_twelve_weeks_from_monday(client, sales):
    client.force_login(sales["member"])
    rows = client.get("/dashboard/sales/?period=week").context["rows"]
    today = timezone.localdate()
    assert len(rows) == 12 and rows[-1]["start"] == today - datetime.timedelta(days=today.weekday())
    assert all(row["start"].weekday() == 0 for row in rows)
    # this month's order falls in one of the weeks, unless the month began over 11 weeks ago
    assert sum(row["revenue"] for row in rows) >= Decimal("250000")


def test_the_charts_are_svg_drawn_here_with_a_title_a_description_and_the_table(client, sales):
    client.force_login(sales["member"])
    html = client.get("/dashboard/sales/").content.decode()
    assert html.count('<svg viewBox="0 0 360 180" role="img"') == 2
    assert '<title id="revenue-chart-title">Doanh thu theo tháng</title>' in html
    assert 'aria-labelledby="revenue-chart-title revenue-chart-desc"' in html
    assert html.count("<rect ") == 24  # twelve months, two charts
    assert "<table" in html and "<script" not in html.split("<svg", 1)[1].split("</svg>")[0]
    # the tallest bar is this month's revenue: the full height of the plot (180 - 22 - 16)
    assert 'height="142.0"' in html


def test_the_csv_names_the_cooperative_and_period_and_holds_numbers(client, sales):
    client.force_login(sales["member"])
    response = client.get("/dashboard/sales/export.csv?period=month")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="{sales["vendor"].slug}-sales-by-month-')
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0] == "Tháng bắt đầu từ,Đơn hàng,Số lượng,Doanh thu (₫)"
    assert len(lines) == 13
    this_month = sales["months"][1]
    assert lines[-1] == f"{this_month.isoformat()},1,2,250000"
    assert all(line.split(",")[3].isdigit() for line in lines[1:])
    weekly = client.get("/dashboard/sales/export.csv?period=week")
    assert "-sales-by-week-" in weekly["Content-Disposition"]
    # an unknown period is the monthly one, not an error
    assert (
        "-sales-by-month-"
        in client.get("/dashboard/sales/export.csv?period=x")["Content-Disposition"]
    )


def test_sales_pages_count_in_the_database_whatever_the_orders(client, sales):
    client.force_login(sales["member"])
    for url in ("/dashboard/sales/?period=week", "/dashboard/sales/export.csv"):
        client.get(url)  # warm the session and the site's caches

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = {url: queries(url) for url in ("/dashboard/sales/", "/dashboard/sales/export.csv")}
    recent = timezone.now() - datetime.timedelta(days=1)
    for quantity in range(1, 8):
        order_of((sales["rice"], quantity), (sales["other"], 1), placed=recent)
    after = {url: queries(url) for url in before}
    assert after == before


def test_another_cooperative_sees_only_its_own_sales(client, sales):
    other_member = User.objects.create_user("b@example.vn", "b@example.vn", "x")
    vendor_b = sales["other"].stockrecords.get().partner.vendor
    vendor_member_add(vendor=vendor_b, user=other_member, role="owner")
    client.force_login(other_member)
    html = client.get("/dashboard/sales/").content.decode()
    assert "Gạo tám" not in html and "Chiếu cói" in html
    csv_text = client.get("/dashboard/sales/export.csv").content.decode("utf-8-sig")
    assert csv_text.strip().splitlines()[-1].endswith(",1,5,1500000")
    assert "hop-tac-xa-b" in client.get("/dashboard/sales/export.csv")["Content-Disposition"]


@pytest.mark.parametrize("who", ["anonymous", "shopper"])
def test_the_csv_is_for_members_only(client, sales, who):
    if who == "shopper":
        client.force_login(User.objects.create_user("k", "k@example.vn", "x"))
    response = client.get("/dashboard/sales/export.csv")
    assert response.status_code == (302 if who == "anonymous" else 403)
    if who == "anonymous":
        assert "login" in response["Location"]
