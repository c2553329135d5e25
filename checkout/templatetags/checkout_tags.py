from django import template
from oscar.core.loading import get_class

from basket.split import basket_split
from checkout.status import status_label
from shipping.destinations import address_zone, delivery_zone

CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")

register = template.Library()


@register.filter
def order_status_label(status: str) -> str:
    """An order status, stored in English as Oscar does, in the reader's language."""
    return status_label(status)


def _session_zone(request) -> str | None:
    """The delivery zone of the address given at checkout so far, if any."""
    if request is None or not hasattr(request, "session"):
        return None
    session = CheckoutSessionData(request)
    fields = session.new_shipping_address_fields()
    if fields:
        return delivery_zone(fields.get("state"))
    address_id = session.shipping_user_address_id()
    if address_id and request.user.is_authenticated:
        return address_zone(request.user.addresses.filter(pk=address_id).first())
    return None


@register.simple_tag(takes_context=True)
def basket_split_of(context, basket):
    """The basket's parts by cooperative (see basket.split), charged for the address
    the shopper gave at checkout, or for the zone assumed before she gives one."""
    return basket_split(basket, _session_zone(context.get("request")))
