"""A basket seen as one part per cooperative: lines, subtotal, delivery, total.

The basket page, every checkout step and order placement read the same
split, so the figures a shopper sees are the figures that are charged.
Delivery depends on where the parcels go (``Vendor.DeliveryZone``): until
the shopper gives an address, the split charges the lowest zone, inside the
province, and says so (``zone_assumed``: the pages write "from" and show the
charge elsewhere in Vietnam beside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from marketplace.models import Vendor


@dataclass
class BasketPart:
    vendor: Vendor
    lines: list = field(default_factory=list)
    zone: str = Vendor.DeliveryZone.PROVINCE

    @cached_property
    def subtotal(self) -> Decimal:
        # Read by the delivery charge, the total and the free-delivery gap: summed once.
        return sum((line.line_price_incl_tax_incl_discounts for line in self.lines), Decimal(0))

    @property
    def shipping(self) -> Decimal:
        return self.vendor.shipping_charge_for(self.subtotal, self.zone)

    @property
    def shipping_elsewhere(self) -> Decimal:
        """The charge to the rest of Vietnam (shown while the zone is assumed)."""
        return self.vendor.shipping_charge_for(self.subtotal, Vendor.DeliveryZone.ELSEWHERE)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping

    @property
    def free_shipping_gap(self) -> Decimal | None:
        """How much more would make delivery free, when a threshold applies."""
        threshold = self.vendor.free_shipping_from_in(self.zone)
        if threshold is None or self.subtotal >= threshold:
            return None
        return threshold - self.subtotal


@dataclass
class BasketSplit:
    parts: list[BasketPart]
    # Lines whose seller is no vendor of the marketplace (a partner made in
    # Oscar's dashboard, say): no cooperative can fulfil them, so
    # ``checkout_place`` refuses the basket rather than leave them out.
    unsellable: list = field(default_factory=list)
    zone: str = Vendor.DeliveryZone.PROVINCE
    # True when no address was given yet and ``zone`` is the one assumed.
    zone_assumed: bool = False

    @property
    def zone_label(self) -> str:
        return Vendor.DeliveryZone(self.zone).label

    @property
    def subtotal(self) -> Decimal:
        return sum((part.subtotal for part in self.parts), Decimal(0))

    @property
    def shipping(self) -> Decimal:
        return sum((part.shipping for part in self.parts), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping


def basket_split(basket, zone: str | None = None) -> BasketSplit:
    """Group the basket's lines by the vendor of their stock record.

    ``zone`` is where the parcels go (a ``Vendor.DeliveryZone``); None before
    the shopper gives an address. Costs one query for the vendors, whatever
    the number of lines; each zone's split is cached on the basket object
    while its lines are the same (Oscar reloads them when offers are applied
    anew or a product is added).
    """
    # Kept on the basket itself (request.basket is a lazy wrapper around it).
    cache = getattr(basket, "_marketplace_split", None)
    if cache is None:
        cache = basket._marketplace_split = {}
    loaded = basket.all_lines() if basket.id else None
    cached = cache.get(zone)
    if cached is not None and cached[0] is loaded:
        return cached[1]
    charged_zone = zone or Vendor.DeliveryZone.PROVINCE
    lines = list(loaded) if loaded is not None else []
    partner_ids = {line.stockrecord.partner_id for line in lines}
    vendors = {
        vendor.partner_id: vendor
        for vendor in Vendor.objects.filter(partner_id__in=partner_ids).select_related(
            "partner", "commune"
        )
    }
    parts: dict[int, BasketPart] = {}
    unsellable = []
    for line in lines:
        vendor = vendors.get(line.stockrecord.partner_id)
        if vendor is None:
            unsellable.append(line)
            continue
        parts.setdefault(vendor.pk, BasketPart(vendor=vendor, zone=charged_zone)).lines.append(line)
    split = BasketSplit(
        parts=sorted(parts.values(), key=lambda part: part.vendor.name),
        unsellable=unsellable,
        zone=charged_zone,
        zone_assumed=zone is None,
    )
    cache[zone] = (loaded, split)
    return split


def basket_split_forget(basket) -> None:
    """Drop the cached split after the basket's lines change."""
    basket._marketplace_split = {}
