"""Views, basket additions and purchases reach Oscar's analytics in batches, after the page."""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from catalog import analytics
from tests.factories import product_create

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")


@pytest.fixture
def product(home_page):
    return product_create("Cơm cháy Ninh Bình")


@pytest.fixture
def shopper(db):
    return get_user_model().objects.create_user("lan", "lan@example.vn", "pw")


def views_of(product, field: str = "num_views") -> int:
    record = ProductRecord.objects.filter(product=product).first()
    return getattr(record, field) if record else 0


def test_a_page_view_writes_nothing_while_the_page_is_served(client, product):
    response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    assert not ProductRecord.objects.exists()
    assert not UserProductView.objects.exists()


def test_views_of_shoppers_and_visitors_are_all_counted(client, product, shopper):
    for _ in range(3):
        assert client.get(product.get_absolute_url()).status_code == 200
    client.force_login(shopper)
    for _ in range(2):
        assert client.get(product.get_absolute_url()).status_code == 200

    analytics.analytics_counts_flush()

    assert views_of(product) == 5
    assert UserRecord.objects.get(user=shopper).num_product_views == 2
    assert UserProductView.objects.filter(user=shopper, product=product).count() == 2


def test_a_second_batch_adds_to_the_first(client, product):
    client.get(product.get_absolute_url())
    analytics.analytics_counts_flush()
    client.get(product.get_absolute_url())
    client.get(product.get_absolute_url())
    analytics.analytics_counts_flush()

    assert views_of(product) == 3


def test_a_due_batch_is_recorded_once_the_page_has_committed(
    client, product, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(analytics, "FLUSH_SECONDS", 0)

    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(product.get_absolute_url()).status_code == 200

    assert views_of(product) == 1


def test_a_batch_not_yet_due_waits(client, product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(product.get_absolute_url())

    assert analytics.analytics_counts_flush not in callbacks
    assert views_of(product) == 0


def test_views_of_a_product_deleted_meanwhile_are_dropped(client, product, home_page):
    other = product_create("Rượu nếp cái hoa vàng")
    client.get(product.get_absolute_url())
    client.get(other.get_absolute_url())
    product.delete()

    analytics.analytics_counts_flush()

    assert views_of(other) == 1
    assert ProductRecord.objects.count() == 1


def test_basket_additions_are_counted_after_the_page(client, product, shopper):
    client.force_login(shopper)
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    assert response.status_code == 302
    assert not ProductRecord.objects.exists()

    analytics.analytics_counts_flush()

    assert views_of(product, "num_basket_additions") == 1
    assert UserRecord.objects.get(user=shopper).num_basket_additions == 1


def test_purchases_are_counted_and_the_shoppers_order_at_once(product, shopper):
    basket = oscar_factories.create_basket(empty=True)
    basket.add_product(product, quantity=3)
    order = oscar_factories.create_order(basket=basket, user=shopper)  # sends order_placed

    record = UserRecord.objects.get(user=shopper)
    assert (record.num_orders, record.num_order_items) == (1, 3)
    assert record.total_spent == order.total_incl_tax
    assert views_of(product, "num_purchases") == 0
    analytics.analytics_counts_flush()
    assert views_of(product, "num_purchases") == 3
