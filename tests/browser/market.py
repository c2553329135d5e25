"""A small market for the browser journeys: two cooperatives in two districts, pictures, a story."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from cms.models import StoryIndexPage, StoryPage
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.factories import category_create, commune_create, product_create, vendor_create
from tests.images import product_image_add

ProductClass = get_model("catalogue", "ProductClass")
User = get_user_model()

PASSWORD = "mat-khau-thu-nghiem"


def market_create(home_page) -> dict:
    crispy = category_create("Đặc sản thực phẩm > Cơm cháy")
    category_create("Cói và mây tre đan > Túi và đồ dùng cói")
    ProductClass.objects.get_or_create(
        slug="dac-san", defaults={"name": "Đặc sản", "track_stock": True}
    )
    hoa_lu = vendor_create(
        "Hợp tác xã Cơm cháy Hoa Lư", commune=commune_create("Ninh Hải", "Hoa Lư")
    )
    kim_son = vendor_create("Hợp tác xã Cói Kim Sơn", commune=commune_create("Kim Tân", "Kim Sơn"))
    products = {
        "hoa_lu": product_create("Cơm cháy chà bông", vendor=hoa_lu, category=crispy, price=45000),
        "kim_son": product_create(
            "Cơm cháy mắm tỏi Kim Sơn", vendor=kim_son, category=crispy, price=52000
        ),
    }
    for product in products.values():
        product_image_add(product, name=f"{product.upc or product.pk}.png")
    member = User.objects.create_user("lan@example.vn", "lan@example.vn", PASSWORD)
    vendor_member_add(vendor=kim_son, user=member, role="owner")
    staff = User.objects.create_user("canbo@example.vn", "canbo@example.vn", PASSWORD)
    staff.is_staff = True
    staff.save()
    staff.groups.add(roles_sync())
    stories = home_page.add_child(instance=StoryIndexPage(title="Câu chuyện", slug="cau-chuyen"))
    story = stories.add_child(
        instance=StoryPage(
            title="Chị Lan và nghề cói",
            slug="chi-lan-va-nghe-coi",
            intro="Ba mươi năm dệt cói ven biển Kim Sơn.",
            body="<p>Chị Lan dạy nghề cho hơn hai mươi chị em trong xã.</p>",
            vendor=kim_son,
        )
    )
    return {
        "vendors": {"hoa_lu": hoa_lu, "kim_son": kim_son},
        "products": products,
        "member": member,
        "staff": staff,
        "story": story,
    }
