"""A member's new product waits for her to submit it; the Union's own is logged as on behalf."""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from marketplace.models import Listing, ModerationEvent
from marketplace.selectors import products_for_sale
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.browserless import form_fields, oscar_editor_html
from tests.factories import category_create, vendor_create

pytestmark = pytest.mark.django_db

User = get_user_model()
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
FORM = "form#create_update_product_form"


@pytest.fixture
def shop(home_page):
    vendor = vendor_create("Hợp tác xã Mật ong Cúc Phương")
    member = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    vendor_member_add(vendor=vendor, user=member, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    ProductClass.objects.create(name="Đặc sản", slug="dac-san", track_stock=True)
    return {
        "vendor": vendor,
        "member": member,
        "staff": staff,
        "category": category_create("Đặc sản thực phẩm > Mật ong"),
    }


def create(client, user, shop, title):
    client.force_login(user)
    url = "/dashboard/catalogue/products/create/dac-san/"
    data = form_fields(oscar_editor_html(client, url), FORM)
    data.update(
        {
            "title": title,
            "productcategory_set-0-category": shop["category"].pk,
            "stockrecords-0-partner": shop["vendor"].partner.pk,
            "stockrecords-0-partner_sku": "MO-01",
            "stockrecords-0-price": "180000",
            "stockrecords-0-num_in_stock": "12",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Product.objects.get(title=title)


def test_a_members_new_product_waits_until_she_submits_and_the_union_approves(client, shop):
    product = create(client, shop["member"], shop, "Mật ong rừng Cúc Phương")
    assert product not in products_for_sale()
    assert not Listing.objects.filter(product=product).exists()
    client.post("/dashboard/my-listings/", {"product": product.pk})
    assert product.listing.status == Listing.Status.PENDING
    assert product not in products_for_sale()


def test_union_staff_list_on_behalf_and_the_log_says_so(client, shop):
    product = create(client, shop["staff"], shop, "Mật ong hoa nhãn")
    assert product in products_for_sale()
    event = ModerationEvent.objects.get(action="listed_on_behalf")
    assert (event.actor, event.vendor, event.product) == (shop["staff"], shop["vendor"], product)
    log = client.get("/dashboard/vendors/events/?action=listed_on_behalf").content.decode()
    assert "Mật ong hoa nhãn" in log
