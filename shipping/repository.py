"""Delivery charged per cooperative.

Each cooperative ships its own part and sets its own charge and
free-delivery threshold for each zone (inside the province, elsewhere in
Vietnam); the basket's delivery charge is their sum for the zone of the
shipping address.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods
from oscar.apps.shipping.repository import Repository as CoreRepository
from oscar.core import prices

from basket.split import basket_split
from shipping.destinations import address_zone


class VendorDelivery(methods.Base):
    code = "vendor-delivery"
    name = _("Delivery by each cooperative")
    description = _("Each cooperative sends its own parcel and charges its own delivery.")

    def __init__(self, zone: str | None = None):
        # None: no address yet, the split charges from the lowest zone (basket/split.py).
        self.zone = zone

    def calculate(self, basket):
        charge = basket_split(basket, self.zone).shipping
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)


class Repository(CoreRepository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        return [VendorDelivery(address_zone(shipping_addr))]
