"""Anonymous page cache: served without queries, fresh after changes, never shared with a user."""

import re
from decimal import Decimal

import pytest
import stripe
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.apps.partner.strategy import Selector
from oscar.core.loading import get_model

from checkout.payment_services import vendor_order_refund
from checkout.services import checkout_place, order_group_mark_paid
from cms.models import ContestEntry
from cms.services import contest_vote, quiz_attempt_submit
from core.page_cache import page_cache_version
from marketplace.models import Listing, OrderGroup
from marketplace.services.listings import listing_decide
from payments.webhooks import stripe_event_process
from tests.factories import (
    category_create,
    collection_create,
    contest_create,
    image_create,
    product_create,
)
from tests.images import png_bytes
from tests.stripe_events import stripe_event_payload, stripe_signature

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(tmp_path / "page-cache.stamp")


@pytest.fixture
def shop(home_page):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    product = product_create("Cơm cháy chà bông", price=125000, stock=8, category=category)
    return {"category": category, "product": product}


def served_from_cache(response) -> bool:
    """The test client records rendered templates; a page from the cache renders none."""
    return not response.templates


def test_home_second_anonymous_visit_makes_no_queries(client, shop):
    first = client.get("/")
    assert first.status_code == 200 and not served_from_cache(first)
    visitor = Client()
    with CaptureQueriesContext(connection) as captured:
        second = visitor.get("/")
    assert second.status_code == 200
    assert served_from_cache(second)
    assert len(captured) == 0
    assert "Cơm cháy chà bông" in second.content.decode()


@pytest.mark.parametrize("url", ["/", "/catalogue/", "category", "/search/?q=com+chay"])
def test_price_change_shows_at_once(client, shop, url, django_capture_on_commit_callbacks):
    target = shop["category"].get_absolute_url() if url == "category" else url
    assert "125.000\u00a0₫" in client.get(target).content.decode()
    assert served_from_cache(client.get(target))
    with django_capture_on_commit_callbacks(execute=True):
        stockrecord = shop["product"].stockrecords.get()
        stockrecord.price = Decimal(99000)
        stockrecord.save()
    html = Client().get(target).content.decode()
    assert "99.000\u00a0₫" in html
    assert "125.000\u00a0₫" not in html


def test_out_of_stock_shows_at_once(client, shop, django_capture_on_commit_callbacks):
    url = shop["product"].get_absolute_url()
    listing = shop["category"].get_absolute_url()
    client.get(listing)
    before = client.get(listing)
    assert served_from_cache(before)
    with django_capture_on_commit_callbacks(execute=True):
        stockrecord = shop["product"].stockrecords.get()
        stockrecord.num_in_stock = 0
        stockrecord.save()
    after = Client().get(listing)
    assert not served_from_cache(after)
    assert after.content != before.content
    assert url in after.content.decode()


def test_page_publish_shows_at_once(client, shop, home_page, django_capture_on_commit_callbacks):
    assert "Sản phẩm của phụ nữ Ninh Bình" in client.get("/").content.decode()
    assert served_from_cache(client.get("/"))
    with django_capture_on_commit_callbacks(execute=True):
        home_page.hero_heading = "Phiên chợ Tết của Hội"
        home_page.save_revision().publish()
    html = Client().get("/").content.decode()
    assert "Phiên chợ Tết của Hội" in html


def test_signed_in_user_is_never_served_nor_stored(client, shop):
    user = get_user_model().objects.create_user(
        username="lan", email="lan@example.vn", password="mat-khau-dai-2026"
    )
    Client().get("/")  # an anonymous copy is in the cache
    client.force_login(user)
    mine = client.get("/")
    assert not served_from_cache(mine)
    account_link = 'href="{}"'.format(reverse("customer:summary"))  # only for the signed-in
    assert account_link in mine.content.decode()
    for _ in range(2):
        anonymous = Client().get("/")
        assert account_link not in anonymous.content.decode()


def test_shopper_with_a_basket_gets_her_own_page(client, shop):
    Client().get("/")
    response = client.post(f"/basket/add/{shop['product'].pk}/", {"quantity": 1})
    assert response.status_code == 302
    assert "oscar_open_basket" in client.cookies
    mine = client.get("/")
    assert not served_from_cache(mine)
    assert mine.context["request"].basket.num_items == 1
    anonymous = Client().get("/")
    assert served_from_cache(anonymous)


def test_each_visitor_gets_a_csrf_token_of_her_own(shop):
    Client().get("/")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get("/"), second.get("/")
    assert served_from_cache(one) and served_from_cache(two)
    secret_one, secret_two = first.cookies["csrftoken"].value, second.cookies["csrftoken"].value
    assert secret_one != secret_two
    token = TOKEN.search(one.content.decode()).group(1)
    assert "__page_cache" not in one.content.decode()
    added = first.post(
        f"/basket/add/{shop['product'].pk}/", {"quantity": 1, "csrfmiddlewaretoken": token}
    )
    assert added.status_code == 302
    stolen = TOKEN.search(two.content.decode()).group(1)
    third = Client(enforce_csrf_checks=True)
    third.cookies["csrftoken"] = secret_one
    refused = third.post(
        f"/basket/add/{shop['product'].pk}/", {"quantity": 1, "csrfmiddlewaretoken": stolen}
    )
    assert refused.status_code == 403


def test_languages_are_cached_apart(client, shop):
    client.cookies["django_language"] = "en"
    client.get("/")
    english = client.get("/")
    assert served_from_cache(english)
    assert '<html lang="en"' in english.content.decode()
    vietnamese = Client().get("/")
    assert '<html lang="vi"' in vietnamese.content.decode()


def test_product_views_and_baskets_leave_the_cache_alone(
    client, shop, django_capture_on_commit_callbacks
):
    client.get("/")
    version = page_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        Client().get(shop["product"].get_absolute_url())  # Oscar counts the view
        Client().post(f"/basket/add/{shop['product'].pk}/", {"quantity": 1})
    assert page_cache_version() == version
    assert served_from_cache(Client().get("/"))


def test_pages_outside_the_list_are_not_cached(client, shop):
    url = shop["product"].get_absolute_url()
    client.get(url)
    assert not served_from_cache(Client().get(url))
    client.get("/basket/")
    assert not served_from_cache(Client().get("/basket/"))


def test_a_repeated_search_is_answered_from_the_cache(client, shop):
    first = client.get("/search/?q=com+chay")
    assert not served_from_cache(first)
    assert first["Server-Timing"].startswith("search-engine;")
    with CaptureQueriesContext(connection) as captured:
        again = Client().get("/search/?q=com+chay")
    assert served_from_cache(again) and len(captured) == 0
    assert again["Server-Timing"] == 'page-cache;desc="hit"'  # not the first request's timing
    assert "Cơm cháy chà bông" in again.content.decode()


def test_each_search_is_cached_apart(client, shop):
    product_create("Mật ong bạc hà", vendor=shop["product"].stockrecords.get().partner.vendor)
    client.get("/search/?q=com+chay")
    client.get("/search/?q=mat+ong")
    honey = Client().get("/search/?q=mat+ong")
    assert served_from_cache(honey)
    assert "Mật ong bạc hà" in honey.content.decode()
    assert "Cơm cháy chà bông" not in honey.content.decode()


def test_a_deployment_starts_a_new_cache_version(settings, tmp_path):
    from core import page_cache

    settings.STATIC_ROOT = str(tmp_path)
    page_cache._release.cache_clear()
    before = page_cache_version()
    (tmp_path / "staticfiles.json").write_text("{}")  # collectstatic of the new release
    page_cache._release.cache_clear()  # a new process starts with the new code
    try:
        assert page_cache_version() != before
    finally:
        page_cache._release.cache_clear()


# --------------------------------------------------------------------------
# What empties the cache (core/page_cache_signals.py): what pages show, not
# every save. Each change below is prepared first, then the home page is
# cached, then the change is made and committed.
# --------------------------------------------------------------------------


def _person(name: str):
    return get_user_model().objects.create_user(name, f"{name}@example.vn", "x")


def _placed(product, *, payment_method: str = "cod"):
    """A guest's checkout of one ``product``, placed as the checkout's last step places it."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(product, 1)
    address = ShippingAddress(first_name="Lan", line1="Số 5", country=Country.objects.get(pk="VN"))
    return checkout_place(
        basket=basket,
        user=None,
        email="lan@example.vn",
        shipping_address=address,
        payment_method=payment_method,
    )


def checkout_placed(shop, home_page):
    # One of eight units: the cards still say "in stock" (selling the last one
    # bumps; see the test further down).
    return lambda: _placed(shop["product"])


def refund_recorded(shop, home_page):
    group = _placed(shop["product"], payment_method=OrderGroup.PaymentMethod.BANK_TRANSFER)
    order_group_mark_paid(group=group)
    part, staff = group.parts.get(), _person("ketoan")
    return lambda: vendor_order_refund(
        part=part, amount=Decimal(45000), actor=staff, reason="Giao thiếu một gói"
    )


def stripe_event_recorded(shop, home_page):
    payload = stripe_event_payload("evt_page_cache", "charge.updated")
    secret = "whsec_page_cache"
    signature = stripe_signature(payload, secret=secret)
    event = stripe.Webhook.construct_event(payload, signature, secret)
    return lambda: stripe_event_process(event=event)


def contest_vote_cast(shop, home_page):
    contest = contest_create(home_page, "Áo dài đẹp")
    entry = ContestEntry.objects.create(
        contest=contest,
        user=_person("thamgia"),
        image=SimpleUploadedFile("ao-dai.png", png_bytes(), content_type="image/png"),
        caption="Áo dài đỏ",
        status=ContestEntry.Status.APPROVED,
    )
    voter = _person("mai")
    return lambda: contest_vote(entry=entry, user=voter)


def quiz_attempt_made(shop, home_page):
    question = {
        "question": "Đại hội Phụ nữ tỉnh lần thứ mấy?",
        "choices": [{"text": "XII", "correct": False}, {"text": "XIII", "correct": True}],
    }
    quiz = contest_create(
        home_page, "Tìm hiểu Đại hội", kind="quiz", questions=[("question", question)]
    )
    person = _person("hoa")
    return lambda: quiz_attempt_submit(contest=quiz, user=person, answers={})


def page_draft_saved(shop, home_page):
    def save_draft():
        home_page.hero_heading = "Bản nháp: phiên chợ Tết"
        home_page.save_revision()

    return save_draft


def rendition_made(shop, home_page):
    image = image_create("Chị Lan bên khung cửi")
    return lambda: image.get_rendition("fill-30x20")


@pytest.mark.parametrize(
    "change",
    [
        checkout_placed,
        refund_recorded,
        stripe_event_recorded,
        contest_vote_cast,
        quiz_attempt_made,
        page_draft_saved,
        rendition_made,
    ],
)
def test_what_pages_do_not_show_leaves_the_cache_alone(
    client, shop, home_page, change, django_capture_on_commit_callbacks
):
    make = change(shop, home_page)
    client.get("/")
    version = page_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        make()
    assert page_cache_version() == version
    visit = Client().get("/")
    assert served_from_cache(visit)
    assert "Sản phẩm của phụ nữ Ninh Bình" in visit.content.decode()  # not the draft's heading


def listing_approved(shop, home_page):
    product = product_create(
        "Mật ong bạc hà",
        vendor=shop["product"].stockrecords.get().partner.vendor,
        listing_status=Listing.Status.PENDING,
    )
    staff = _person("canbo")
    return lambda: listing_decide(listing=product.listing, actor=staff, approve=True)


def vendor_changed(shop, home_page):
    vendor = shop["product"].stockrecords.get().partner.vendor

    def retell():
        vendor.story = "Hai mươi chị em nấu cơm cháy bằng gạo nếp Hoa Lư."
        vendor.save()

    return retell


def price_changed(shop, home_page):
    stockrecord = shop["product"].stockrecords.get()

    def reprice():
        stockrecord.price = Decimal(99000)
        stockrecord.save()

    return reprice


def collection_changed(shop, home_page):
    collection = collection_create("Quà Tết từ Ninh Bình", products=[shop["product"]])

    def retitle():
        collection.title = "Quà Tết của Hội"
        collection.save()

    return retitle


def page_published(shop, home_page):
    def publish():
        home_page.hero_heading = "Phiên chợ Tết của Hội"
        home_page.save_revision().publish()

    return publish


@pytest.mark.parametrize(
    "change",
    [listing_approved, vendor_changed, price_changed, collection_changed, page_published],
)
def test_what_pages_show_empties_the_cache(
    client, shop, home_page, change, django_capture_on_commit_callbacks
):
    make = change(shop, home_page)
    client.get("/")
    assert served_from_cache(Client().get("/"))
    version = page_cache_version()
    with django_capture_on_commit_callbacks(execute=True):
        make()
    assert page_cache_version() != version
    assert not served_from_cache(Client().get("/"))


def test_a_checkout_that_sells_the_last_one_shows_it_sold_out_at_once(
    client, shop, django_capture_on_commit_callbacks
):
    """Whether a product can be bought is on every card: the checkout that takes the
    last unit bumps the version (Oscar's allocation sends the stock record's post_save)."""
    stockrecord = shop["product"].stockrecords.get()
    stockrecord.num_in_stock = 1
    stockrecord.save()
    client.get("/")
    before = Client().get("/")
    assert served_from_cache(before) and "stock-out" not in before.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _placed(shop["product"])
    after = Client().get("/")
    assert not served_from_cache(after)
    assert "stock-out" in after.content.decode()
