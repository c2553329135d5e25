"""Delivery charged per cooperative.

Each cooperative ships its own part and sets its own flat charge and
free-delivery threshold; the basket's delivery charge is their sum.
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods
from oscar.apps.shipping.repository import Repository as CoreRepository
from oscar.core import prices

from basket.split import basket_split


class VendorDelivery(methods.Base):
    code = "vendor-delivery"
    name = _("Delivery by each cooperative")
    description = _("Each cooperative sends its own parcel and charges its own delivery.")

    def calculate(self, basket):
        charge = basket_split(basket).shipping
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)


class Repository(CoreRepository):
    methods = (VendorDelivery(),)
