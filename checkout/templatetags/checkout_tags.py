from django import template

from basket.split import basket_split
from checkout.status import status_label

register = template.Library()


@register.filter
def order_status_label(status: str) -> str:
    """An order status, stored in English as Oscar does, in the reader's language."""
    return status_label(status)


@register.simple_tag
def basket_split_of(basket):
    """The basket's parts by cooperative (see basket.split)."""
    return basket_split(basket)
