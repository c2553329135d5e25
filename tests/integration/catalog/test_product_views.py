"""Product page views reach Oscar's analytics in batches, written after the page's transaction."""

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

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


def views_of(product) -> int:
    record = ProductRecord.objects.filter(product=product).first()
    return record.num_views if record else 0


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

    analytics.product_views_flush()

    assert views_of(product) == 5
    assert UserRecord.objects.get(user=shopper).num_product_views == 2
    assert UserProductView.objects.filter(user=shopper, product=product).count() == 2


def test_a_second_batch_adds_to_the_first(client, product):
    client.get(product.get_absolute_url())
    analytics.product_views_flush()
    client.get(product.get_absolute_url())
    client.get(product.get_absolute_url())
    analytics.product_views_flush()

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

    assert analytics.product_views_flush not in callbacks
    assert views_of(product) == 0


def test_views_of_a_product_deleted_meanwhile_are_dropped(client, product, home_page):
    other = product_create("Rượu nếp cái hoa vàng")
    client.get(product.get_absolute_url())
    client.get(other.get_absolute_url())
    product.delete()

    analytics.product_views_flush()

    assert views_of(other) == 1
    assert ProductRecord.objects.count() == 1
