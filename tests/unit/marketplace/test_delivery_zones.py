"""Each cooperative's delivery charge: one per zone, each with its free-delivery threshold."""

from decimal import Decimal

import pytest

from marketplace.models import Vendor

PROVINCE, ELSEWHERE = Vendor.DeliveryZone.PROVINCE, Vendor.DeliveryZone.ELSEWHERE


@pytest.fixture
def vendor() -> Vendor:
    return Vendor(
        shipping_fee=Decimal(25000),
        free_shipping_from=Decimal(300000),
        shipping_fee_elsewhere=Decimal(40000),
        free_shipping_from_elsewhere=Decimal(500000),
    )


@pytest.mark.parametrize(
    ("subtotal", "zone", "charge"),
    [
        (100000, PROVINCE, 25000),
        (100000, ELSEWHERE, 40000),
        (300000, PROVINCE, 0),  # the threshold inside the province is reached...
        (300000, ELSEWHERE, 40000),  # ...not the one elsewhere
        (499999, ELSEWHERE, 40000),
        (500000, ELSEWHERE, 0),
    ],
)
def test_the_charge_follows_the_zone_and_its_threshold(vendor, subtotal, zone, charge):
    assert vendor.shipping_charge_for(Decimal(subtotal), zone) == Decimal(charge)


def test_a_zone_without_threshold_is_never_free(vendor):
    vendor.free_shipping_from_elsewhere = None
    assert vendor.shipping_charge_for(Decimal(10**9), ELSEWHERE) == Decimal(40000)
