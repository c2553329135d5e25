"""The carriers a cooperative hands her parcels to, and where a shopper follows one.

One table: the member picks a carrier by its code (stored on ``VendorOrder.carrier``),
the shopper's order page and the "shipped" e-mail link to the carrier's public
tracking page. ``{number}`` in an address is replaced by the tracking number;
an address without it is the carrier's search page, where the shopper types the
number shown beside the link (Viettel Post publishes no address that fills it in).
"Other" has no address: the shopper sees the number only.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Carrier:
    code: str
    label: str
    tracking_address: str = ""


CARRIERS: dict[str, Carrier] = {
    carrier.code: carrier
    for carrier in (
        Carrier("vnpost", "VNPost", "https://www.vnpost.vn/vi-vn/dinh-vi/buu-pham?key={number}"),
        Carrier(
            "viettelpost", "Viettel Post", "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/"
        ),
        Carrier("ghn", "GHN", "https://donhang.ghn.vn/?order_code={number}"),
        Carrier("ghtk", "GHTK", "https://i.ghtk.vn/{number}"),
        Carrier(
            "jt", "J&T Express", "https://jtexpress.vn/vi/tracking?type=track&billcode={number}"
        ),
        Carrier("other", _("Other")),
    )
}
CARRIER_CHOICES = [(carrier.code, carrier.label) for carrier in CARRIERS.values()]


def carrier_label(code: str) -> str:
    """The carrier's name; a code from before the table (free text) is shown as typed."""
    carrier = CARRIERS.get(code)
    return str(carrier.label) if carrier else code


def tracking_url(code: str, number: str) -> str:
    """The carrier's public page for this parcel, or "" when none is known."""
    carrier = CARRIERS.get(code)
    number = (number or "").strip()
    if carrier is None or not carrier.tracking_address or not number:
        return ""
    return carrier.tracking_address.replace("{number}", quote(number, safe=""))
