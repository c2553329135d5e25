import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.http import HttpRequest
from oscar.core.loading import get_model
from PIL import Image
from wagtail.models import Page, Site

from cms.models import ArticlePage, HomePage, StoryPage
from core.text import vn_slugify
from demo import content
from demo.loader import DEMO_LOGINS, product_specs
from marketplace.models import AdministrativeArea, Vendor
from search.database import product_search
from search.models import ProductSearchDocument
from search.pages import page_search

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")


def snapshot():
    """Everything the loader writes, in comparable form."""
    return {
        "areas": list(
            AdministrativeArea.objects.order_by("pk").values_list("pk", "name", "parent")
        ),
        "vendors": list(Vendor.objects.order_by("pk").values_list("pk", "slug", "kind", "commune")),
        "products": list(Product.objects.order_by("pk").values_list("pk", "upc", "title", "slug")),
        "stock": list(
            StockRecord.objects.order_by("pk").values_list(
                "product", "partner", "price", "num_in_stock"
            )
        ),
        "images": list(ProductImage.objects.order_by("pk").values_list("product", "original")),
        "documents": list(ProductSearchDocument.objects.order_by("pk").values_list("pk", "text")),
        "pages": list(Page.objects.order_by("path").values_list("pk", "path", "title", "live")),
        "users": sorted(
            get_user_model().objects.values_list("username", "password", "is_staff", "is_superuser")
        ),
    }


def test_demo_data_twice_changes_nothing():
    call_command("load_demo_data", products=25, verbosity=0)
    first = snapshot()
    call_command("load_demo_data", products=25, verbosity=0)
    assert snapshot() == first


def test_a_partial_run_is_completed_to_the_same_products():
    call_command("load_demo_data", products=10, verbosity=0)
    call_command("load_demo_data", products=25, verbosity=0)
    assert list(Product.objects.order_by("upc").values_list("upc", "title")) == [
        (spec.upc, spec.title) for spec in product_specs(25)
    ]


def test_demo_marketplace_shape():
    call_command("load_demo_data", products=60, verbosity=0)
    assert AdministrativeArea.objects.filter(level="district").count() == 6
    assert AdministrativeArea.objects.filter(level="commune").count() == 47
    assert Vendor.objects.count() == 40
    assert len({v.commune_id for v in Vendor.objects.all()}) > 20
    assert Product.objects.count() == 60
    assert StockRecord.objects.filter(price_currency="VND").count() == 60
    prices = StockRecord.objects.values_list("price", flat=True)
    assert all(price == price.to_integral_value() and price >= 1000 for price in prices)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert StoryPage.objects.live().count() >= 3
    assert ArticlePage.objects.live().count() >= 3
    assert product_search(query="com chay").products.exists()
    story_title = StoryPage.objects.live().first().title
    assert story_title in [page.title for page in page_search(story_title)]


def test_product_images_are_distinct_jpeg_and_webp():
    call_command("load_demo_data", products=4, verbosity=0)
    images = list(ProductImage.objects.order_by("product__upc"))
    formats = set()
    contents = set()
    for image in images:
        with default_storage.open(image.original.name) as handle:
            data = handle.read()
        with default_storage.open(image.original.name) as handle:
            formats.add(Image.open(handle).format)
        contents.add(data)
    assert formats == {"JPEG", "WEBP"}
    assert len(contents) == len(images) == 4


def test_demo_logins_work(client):
    call_command("load_demo_data", products=0, verbosity=0)
    for login in DEMO_LOGINS:
        assert client.login(
            request=HttpRequest(), username=login.username, password=login.password
        ), login.role
        client.logout()


def test_cooperative_member_reaches_the_dashboard_and_staff_the_cms(client):
    call_command("load_demo_data", products=0, verbosity=0)
    logins = {login.role: login for login in DEMO_LOGINS}
    member, staff, shopper = logins["cooperative member"], logins["Union staff"], logins["shopper"]

    client.login(request=HttpRequest(), username=member.username, password=member.password)
    assert client.get("/dashboard/", follow=True).redirect_chain[-1][0] == "/dashboard/today/"
    assert client.get("/dashboard/my-listings/").status_code == 200
    # Oscar's product list (bulk prices) is Union staff's; her listings are hers.
    assert client.get("/dashboard/catalogue/").status_code == 403
    assert client.get("/cms/").status_code == 302
    client.logout()

    client.login(request=HttpRequest(), username=staff.username, password=staff.password)
    assert client.get("/cms/").status_code == 200
    assert client.get("/dashboard/").status_code == 200
    client.logout()

    client.login(request=HttpRequest(), username=shopper.username, password=shopper.password)
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/cms/").status_code == 302


def test_the_command_prints_the_logins(capsys):
    call_command("load_demo_data", products=0, logins=True)
    out = capsys.readouterr().out
    for login in DEMO_LOGINS:
        assert login.username in out and login.password in out
    call_command("load_demo_data", products=0)
    assert "nothing changed" in capsys.readouterr().out


def test_demo_products_carry_local_facts_and_ocop_certificates():
    call_command("load_demo_data", products=40, verbosity=0)
    products = Product.objects.all()
    assert products.exclude(maker="").count() >= 20
    assert products.exclude(materials="").count() >= 20
    assert products.exclude(size="").count() == 40
    certified = products.filter(ocop_stars__isnull=False)
    assert certified.count() == 10
    assert all(
        p.ocop_certificate_number and p.ocop_issued_on < p.ocop_expires_on for p in certified
    )
    shown = [p for p in certified if p.ocop_stars_current]
    assert 0 < len(shown) < certified.count()  # some certificates have expired


def test_demo_cooperatives_charge_two_zones_and_ship_outside_the_province():
    call_command("load_demo_data", products=60, verbosity=0)
    vendors = list(Vendor.objects.all())
    assert all(v.shipping_fee_elsewhere > v.shipping_fee for v in vendors)
    assert any(v.free_shipping_from_elsewhere for v in vendors)
    ShippingAddress = get_model("order", "ShippingAddress")
    provinces = set(ShippingAddress.objects.values_list("state", flat=True))
    assert {"Ninh Bình", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh"} <= provinces
    Order = get_model("order", "Order")
    for order in Order.objects.filter(shipping_address__state="Thành phố Hà Nội"):
        vendor = order.part.vendor
        charge = vendor.shipping_charge_for(order.basket_total_incl_tax, "elsewhere")
        assert order.shipping_incl_tax == charge


def test_demo_orders_reach_every_district_and_top_up():
    from marketplace.models import VendorOrder

    Line = get_model("order", "Line")
    call_command("load_demo_data", products=60, orders=300, verbosity=0)
    bulk = Line.objects.filter(order__part__group__number__startswith="D")
    first = bulk.count()
    assert 300 <= first < 310
    # Every district with a product for sale sells (all six at the default 300 products).
    with_products = set(
        StockRecord.objects.filter(product__listing__status="approved").values_list(
            "partner__vendor__commune__parent", flat=True
        )
    )
    selling = set(VendorOrder.objects.values_list("vendor__commune__parent", flat=True))
    assert len(with_products) >= 4 and with_products <= selling
    vendor_districts = {vn_slugify(v["name"]): v["district"] for v in content.VENDORS}
    assert len({vendor_districts[spec.vendor_slug] for spec in product_specs(300)}) == 6
    statuses = set(VendorOrder.objects.values_list("order__status", "group__payment_method"))
    assert {("Cancelled", "cod"), ("Delivered", "cod"), ("Delivered", "card")} <= statuses
    # Each checkout is dated when its orders were placed, each part's refunds summed on it.
    parts = VendorOrder.objects.filter(group__number__startswith="D")
    assert all(
        group_created == placed
        for group_created, placed in parts.values_list("group__created_at", "order__date_placed")
    )
    refunded = parts.filter(refunds__isnull=False).distinct()
    assert refunded.exists()
    for part in refunded:
        assert part.refunded == sum(refund.amount for refund in part.refunds.all())
    call_command("load_demo_data", products=60, orders=300, verbosity=0)
    assert bulk.count() == first
    call_command("load_demo_data", products=60, orders=400, verbosity=0)
    assert 400 <= bulk.count() < 410


def test_demo_district_staff_sees_her_district(client):
    call_command("load_demo_data", products=30, orders=100, verbosity=0)
    login = next(x for x in DEMO_LOGINS if x.role == "district Union staff")
    client.login(request=HttpRequest(), username=login.username, password=login.password)
    response = client.get("/dashboard/reports/")
    assert response.status_code == 200
    report = response.context["report"]
    assert report.area.level == "district" and report.children
