"""/dashboard/reports/: every figure from the records, at each level, and its exports.

A known province: two districts with data (Hoa Lư: Ninh Hải and Ninh Xuân;
Kim Sơn: Kim Đông) and one without (Yên Mô), four vendors selling, one
applying, one refused, five orders in 2026 (one cancelled, one refunded in
part, one buying from two districts) and one in 2025.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.services import checkout_place
from marketplace.models import AdministrativeArea, ModerationEvent, Refund, StaffArea
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from shipping import destinations
from tests.factories import category_create, commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")

YEAR_2026 = {"period": "year", "year": "2026"}


def at(month: int, day: int, year: int = 2026):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


def place(shopper, items, *, method="cod", inside=True, placed):
    basket = Basket.objects.create(owner=shopper)
    basket.strategy = Selector().strategy(user=shopper)
    for product, quantity in items:
        basket.add_product(product, quantity)
    province = destinations.home_province().name if inside else "Thành phố Hà Nội"
    address = ShippingAddress(
        first_name="Lan", line1="Số 5", state=province, country=Country.objects.get(pk="VN")
    )
    group = checkout_place(
        basket=basket,
        user=shopper,
        email=shopper.email,
        shipping_address=address,
        payment_method=method,
        notify=False,
    )
    Order.objects.filter(part__group=group).update(date_placed=placed)
    return group


def vendor(name, commune, district, *, kind="cooperative", status="approved", women=0):
    return vendor_create(
        name,
        commune=commune_create(commune, district),
        kind=kind,
        status=status,
        women_members=women,
        shipping_fee=Decimal(0),
        shipping_fee_elsewhere=Decimal(0),
    )


def event(who, action, when):
    row = ModerationEvent.objects.create(vendor=who, action=action)
    ModerationEvent.objects.filter(pk=row.pk).update(created_at=when)


@pytest.fixture
def province(db):
    v1 = vendor("HTX Ninh Hải", "Ninh Hải", "Hoa Lư", women=20)
    v2 = vendor("Tổ hợp tác Ninh Xuân", "Ninh Xuân", "Hoa Lư", kind="cooperative_group", women=8)
    v3 = vendor("Hộ Kim Đông", "Kim Đông", "Kim Sơn", kind="household", women=3)
    v4 = vendor("HTX chờ duyệt", "Kim Đông", "Kim Sơn", status="applied", women=50)
    v5 = vendor("HTX bị từ chối", "Kim Đông", "Kim Sơn", status="rejected")
    vendor("HTX mới đăng ký", "Ninh Xuân", "Hoa Lư", status="applied")  # no event in the log
    commune_create("Yên Thành", "Yên Mô")
    food, craft = category_create("Đặc sản"), category_create("Thủ công mỹ nghệ")
    p1 = product_create("Gạo nếp", price=100000, stock=100, vendor=v1, category=food)
    p2 = product_create("Chiếu cói", price=50000, stock=100, vendor=v2, category=craft)
    p3 = product_create("Giỏ cói", price=200000, stock=100, vendor=v3, category=craft)
    product_create("Rượu chờ duyệt", vendor=v1, listing_status="pending")
    Product.objects.filter(pk=p1.pk).update(
        ocop_stars=4,
        ocop_certificate_number="OCOP-1",
        ocop_issued_on=datetime.date(2025, 1, 1),
        ocop_expires_on=datetime.date(2028, 1, 1),
    )
    Product.objects.filter(pk=p3.pk).update(
        ocop_stars=3,
        ocop_certificate_number="OCOP-2",
        ocop_issued_on=datetime.date(2023, 1, 1),
        ocop_expires_on=datetime.date(2026, 6, 30),
    )
    A = ModerationEvent.Action
    event(v1, A.VENDOR_APPLIED, at(12, 1, 2025))
    event(v1, A.VENDOR_APPROVED, at(1, 10))
    event(v4, A.VENDOR_APPLIED, at(3, 1))
    event(v5, A.VENDOR_REJECTED, at(2, 2))
    shopper = User.objects.create_user("lan", "lan@example.vn", "x")
    # O1: two districts in one checkout.
    place(shopper, [(p1, 2), (p3, 1)], placed=at(4, 1))
    place(shopper, [(p2, 4)], method="vietqr", inside=False, placed=at(5, 1))
    o3 = place(shopper, [(p1, 1)], method="card", placed=at(6, 1))
    Refund.objects.create(part=o3.parts.get(), amount=40000, status=Refund.Status.DONE)
    Refund.objects.create(part=o3.parts.get(), amount=9000, status=Refund.Status.FAILED)
    o4 = place(shopper, [(p2, 1)], placed=at(7, 1))
    Order.objects.filter(part__group=o4).update(status="Cancelled")
    place(shopper, [(p3, 1)], placed=at(12, 30, 2025))
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    areas = {a.name: a for a in AdministrativeArea.objects.all()}
    return {"staff": staff, "areas": areas, "vendors": (v1, v2, v3, v4, v5)}


def report_of(client, user, **params):
    client.force_login(user)
    response = client.get("/dashboard/reports/", {**YEAR_2026, **params})
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.context["report"]


def figures(report, table: str) -> dict[str, dict]:
    return {row.label: row.values for row in report.table(table).rows}


def counts(report, table: str) -> list[int]:
    return [row.values["count"] for row in report.table(table).rows]


def pick(values: dict, *keys) -> tuple:
    return tuple(values[key] for key in keys)


TRADE = (
    "checkouts",
    "parts",
    "cancelled",
    "gross",
    "refunded",
    "net",
    "average",
    "inside",
    "outside",
)


def test_the_provincial_report_counts_every_figure_from_the_records(client, province):
    report = report_of(client, province["staff"])
    assert [c.name for c in report.children] == ["Hoa Lư", "Kim Sơn", "Yên Mô"]
    trade = figures(report, "trade")
    # checkouts, parts, cancelled, gross, refunded, net, average part, inside, outside
    assert pick(trade["Ninh Bình"], *TRADE) == (4, 5, 1, 700000, 40000, 660000, 175000, 3, 1)
    assert pick(trade["Hoa Lư"], *TRADE) == (4, 4, 1, 500000, 40000, 460000, 166667, 2, 1)
    assert pick(trade["Kim Sơn"], *TRADE) == (1, 1, 0, 200000, 0, 200000, 200000, 1, 0)
    assert pick(trade["Yên Mô"], *TRADE) == (0, 0, 0, 0, 0, 0, 0, 0, 0)
    # Cash on delivery, bank transfer, card
    methods = [pick(r.values, "parts", "gross") for r in report.table("trade-payment").rows]
    assert methods == [(2, 400000), (1, 200000), (1, 100000)]
    top = report.table("trade-top-products").rows
    assert [(r.label, r.values["quantity"], r.values["revenue"]) for r in top] == [
        ("Gạo nếp", 3, 300000),
        ("Chiếu cói", 4, 200000),
        ("Giỏ cói", 1, 200000),
    ]
    vendors = report.table("trade-top-vendors").rows
    assert [(r.label, r.values["parts"], r.values["gross"]) for r in vendors] == [
        ("HTX Ninh Hải", 2, 300000),
        ("Hộ Kim Đông", 1, 200000),
        ("Tổ hợp tác Ninh Xuân", 1, 200000),
    ]

    sellers = figures(report, "sellers")
    keys = (
        "status_approved",
        "women",
        "selling",
        "applied",
        "decided_approved",
        "decided_rejected",
    )
    assert pick(sellers["Ninh Bình"], *keys) == (3, 31, 3, 1, 1, 1)
    assert pick(sellers["Hoa Lư"], *keys) == (2, 28, 2, 0, 1, 0)
    assert pick(sellers["Kim Sơn"], *keys) == (1, 3, 1, 1, 0, 1)
    # cooperative, group, household, individual; applied, approved, rejected, suspended
    assert counts(report, "sellers-kind") == [1, 1, 1, 0]
    assert counts(report, "sellers-status") == [2, 3, 1, 0]

    products = figures(report, "products")
    keys = ("for_sale", "pending", "ocop_valid", "ocop_expired")
    assert pick(products["Ninh Bình"], *keys) == (3, 1, 1, 1)
    assert pick(products["Hoa Lư"], *keys) == (2, 1, 1, 0)
    assert pick(products["Kim Sơn"], *keys) == (1, 0, 0, 1)
    categories = figures(report, "products-category")
    assert categories["Đặc sản"]["count"] == 1 and categories["Thủ công mỹ nghệ"]["count"] == 2


def test_district_figures_add_up_to_the_province_but_checkouts_do_not(client, province):
    report = report_of(client, province["staff"])
    for table in ("trade", "sellers", "products"):
        rows = report.table(table).rows
        whole, children = rows[0], rows[1:]
        assert whole.total and all(row.area for row in children)
        for column in report.table(table).columns:
            if column.key in {"checkouts", "average"}:
                continue
            assert whole.values[column.key] == sum(r.values[column.key] for r in children), (
                table,
                column.key,
            )
    trade = figures(report, "trade")
    # The checkout buying in Hoa Lư and Kim Sơn counts once in each and once in the province.
    assert trade["Hoa Lư"]["checkouts"] + trade["Kim Sơn"]["checkouts"] == 5
    assert trade["Ninh Bình"]["checkouts"] == 4


def test_a_district_report_shows_its_communes_and_a_commune_report_its_own(client, province):
    areas = province["areas"]
    report = report_of(client, province["staff"], area=areas["Hoa Lư"].pk)
    assert [c.name for c in report.children] == ["Ninh Hải", "Ninh Xuân"]
    trade = figures(report, "trade")
    assert pick(trade["Hoa Lư"], *TRADE) == (4, 4, 1, 500000, 40000, 460000, 166667, 2, 1)
    assert pick(trade["Ninh Hải"], *TRADE) == (2, 2, 0, 300000, 40000, 260000, 150000, 2, 0)
    assert pick(trade["Ninh Xuân"], *TRADE) == (2, 2, 1, 200000, 0, 200000, 200000, 0, 1)
    assert figures(report, "sellers")["Ninh Hải"]["women"] == 20

    report = report_of(client, province["staff"], area=areas["Kim Đông"].pk)
    assert report.children == []
    assert pick(figures(report, "trade")["Kim Đông"], "parts", "gross") == (1, 200000)
    assert counts(report, "sellers-status") == [1, 1, 1, 0]


def test_periods_narrow_the_orders(client, province):
    staff = province["staff"]
    quarter = report_of(client, staff, period="quarter", quarter="2")  # April to June
    assert pick(figures(quarter, "trade")["Ninh Bình"], "parts", "gross") == (4, 700000)
    month = report_of(client, staff, period="month", month="7")
    assert pick(figures(month, "trade")["Ninh Bình"], "parts", "cancelled", "gross") == (1, 1, 0)
    dates = report_of(client, staff, period="range", start="2025-12-01", end="2026-04-01")
    assert pick(figures(dates, "trade")["Ninh Bình"], "parts", "gross") == (3, 600000)
    assert dates.period.slug == "2025-12-01_2026-04-01"
    # OCOP certificates as they stood on the period's last day: Giỏ cói's was valid in May.
    may = report_of(client, staff, period="month", month="5")
    products = figures(may, "products")["Ninh Bình"]
    assert pick(products, "ocop_valid", "ocop_expired") == (2, 0)


def test_the_page_shows_tables_charts_and_links_one_level_down(client, province):
    client.force_login(province["staff"])
    html = client.get("/dashboard/reports/", YEAR_2026).content.decode()
    assert html.count('<svg role="img"') == 4
    assert "700.000" in html
    hoa_lu = province["areas"]["Hoa Lư"].pk
    assert f"area={hoa_lu}" in html
    assert "/dashboard/reports/report.xlsx?" in html and "/dashboard/reports/trade.csv?" in html


def test_the_whole_report_downloads_as_a_workbook_with_numbers(client, province):
    client.force_login(province["staff"])
    response = client.get("/dashboard/reports/report.xlsx", YEAR_2026)
    assert response.status_code == 200
    assert 'filename="bao-cao-ninh-binh-2026.xlsx"' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Người bán", "Sản phẩm", "Giao dịch", "Nội dung và lan tỏa"]
    sheet = book["Giao dịch"]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Hoa Lư"][:6] == (4, 4, 1, 500000, 40000, 460000)
    assert isinstance(rows["Ninh Bình"][3], int)


def test_each_table_downloads_as_csv(client, province):
    client.force_login(province["staff"])
    hoa_lu = province["areas"]["Hoa Lư"].pk
    response = client.get(
        "/dashboard/reports/trade.csv",
        {"period": "quarter", "year": "2026", "quarter": "2", "area": hoa_lu},
    )
    assert response.status_code == 200
    assert 'filename="bao-cao-hoa-lu-2026-q2-trade.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_area = {row[0]: row[1:] for row in rows[2:]}
    assert by_area["Ninh Hải"][:4] == ["2", "2", "0", "300000"]
    assert client.get("/dashboard/reports/nothing.csv", YEAR_2026).status_code == 404


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"area": "999999"}, 400, "Không có địa bàn này."),
        ({"area": "abc"}, 400, "Hãy chọn"),
        ({"period": "range", "start": "2026-05-01", "end": "2026-04-01"}, 400, "Ngày đầu phải"),
        ({"period": "range", "start": "2026-05-01"}, 400, "Hãy nhập cả hai ngày"),
        ({"period": "month", "month": "13"}, 400, "Hãy chọn"),
        ({"year": "abc"}, 400, "Hãy nhập năm bằng chữ số"),
    ],
)
def test_bad_parameters_get_a_clear_message(client, province, params, status, message):
    client.force_login(province["staff"])
    for url in (
        "/dashboard/reports/",
        "/dashboard/reports/report.xlsx",
        "/dashboard/reports/trade.csv",
    ):
        response = client.get(url, {**YEAR_2026, **params}, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == status, (url, params)
        assert message in response.content.decode()


def test_district_staff_see_their_district_only(client, province):
    areas = province["areas"]
    staff = User.objects.create_user("huyen", "huyen@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    StaffArea.objects.create(user=staff, area=areas["Hoa Lư"])
    report = report_of(client, staff)
    assert report.area == areas["Hoa Lư"]
    assert [c.name for c in report.children] == ["Ninh Hải", "Ninh Xuân"]
    assert report_of(client, staff, area=areas["Ninh Xuân"].pk).area == areas["Ninh Xuân"]
    for other in ("Ninh Bình", "Kim Sơn", "Kim Đông"):
        for url in (
            "/dashboard/reports/",
            "/dashboard/reports/report.xlsx",
            "/dashboard/reports/trade.csv",
        ):
            response = client.get(url, {**YEAR_2026, "area": areas[other].pk})
            assert response.status_code == 403, (other, url)
            assert "Hoa Lư" in response.content.decode()
            assert "Giỏ cói" not in response.content.decode()


def test_query_count_does_not_grow_with_areas_or_orders(client, province):
    client.force_login(province["staff"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/dashboard/reports/", YEAR_2026).status_code == 200
        return len(captured)

    client.get("/dashboard/reports/", YEAR_2026)
    few = queries()
    shopper = User.objects.get(username="lan")
    for n in range(4):
        new = vendor(f"HTX mới {n}", f"Xã mới {n}", f"Huyện mới {n}", women=n)
        product = product_create(f"Sản phẩm mới {n}", vendor=new, stock=50)
        for month in (2, 8):
            place(
                shopper,
                [(product, 1), (Product.objects.get(title="Gạo nếp"), 1)],
                placed=at(month, 3),
            )
    assert queries() == few


def test_reports_are_staffs(client, province):
    v1 = province["vendors"][0]
    member = User.objects.create_user("hoa", "hoa@example.vn", "x")
    vendor_member_add(vendor=v1, user=member, role="owner")
    shopper = User.objects.get(username="lan")
    for who in (member, shopper):
        client.force_login(who)
        for url in ("/dashboard/reports/", "/dashboard/reports/report.xlsx"):
            assert client.get(url).status_code == 403
    client.logout()
    response = client.get("/dashboard/reports/")
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(province["staff"])
    assert 'href="/dashboard/reports/"' in client.get("/dashboard/").content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "vi",
            ["Báo cáo Ninh Bình, Quý 2/2026", ">Quý 3<", ">Tháng 12<", "Giao dịch theo địa bàn"],
        ),
        (
            "en",
            ["Report of Ninh Bình, Quarter 2/2026", ">Quarter 3<", ">Month 12<", "Trade by area"],
        ),
    ],
)
def test_the_page_speaks_her_language(client, province, language, words):
    client.force_login(province["staff"])
    response = client.get(
        "/dashboard/reports/",
        {"period": "quarter", "year": "2026", "quarter": "2"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    html = response.content.decode()
    for word in words:
        assert word in html, word


def test_new_union_members_count_where_they_live_and_when_staff_accepted_them(client, province):
    from union.consent import CONSENT_VERSION
    from union.models import MembershipRequest

    areas = province["areas"]

    def joined(phone, commune, *, status="accepted", when=None, outside=""):
        when = when or at(3, 1)
        MembershipRequest.objects.create(
            full_name="Phạm Thị Hoa",
            birth_year=1990,
            phone=phone,
            commune=commune,
            place_outside=outside,
            occupation="trader",
            consent_at=when,
            consent_version=CONSENT_VERSION,
            status=status,
            decided_at=when if status != "pending" else None,
        )

    joined("0912000001", areas["Ninh Hải"])
    joined("0912000002", areas["Kim Đông"])
    joined("0912000003", None, outside="Bình Dương")  # working away from home
    joined("0912000004", areas["Ninh Xuân"], status="pending")
    joined("0912000005", areas["Ninh Xuân"], status="declined")
    joined("0912000006", areas["Ninh Xuân"], when=at(12, 1, 2025))  # another year
    content = figures(report_of(client, province["staff"]), "content")
    members = {label: values["members"] for label, values in content.items()}
    assert members == {
        "Ninh Bình": 3,
        "Hoa Lư": 1,
        "Kim Sơn": 1,
        "Yên Mô": 0,
        "Không thuộc hợp tác xã hay địa bàn nào": 1,
    }
    district = figures(report_of(client, province["staff"], area=areas["Hoa Lư"].pk), "content")
    assert {label: values["members"] for label, values in district.items()} == {
        "Hoa Lư": 1,
        "Ninh Hải": 1,
        "Ninh Xuân": 0,
    }
