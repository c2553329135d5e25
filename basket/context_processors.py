"""The header's basket count, without loading the basket and applying its offers.

Oscar's ``request.basket`` loads the basket, its lines, their products and
stock records, and applies every offer: 5 to 7 queries and a few
milliseconds on each page of anyone with a basket, only to print how many
items it holds. Offers never change that number; here it is one sum of the
open basket's line quantities (none without a basket cookie or an account).
A page that loaded the basket anyway (the basket page) counts the loaded one.
A signed-in shopper who still has a cookie basket gets the full load: Oscar
merges the two baskets when it loads them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.signing import BadSignature, Signer
from django.db.models import Sum
from django.utils.functional import SimpleLazyObject, empty
from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")


def _loaded_basket(request):
    basket = getattr(request, "basket", None)
    if isinstance(basket, SimpleLazyObject):
        return None if basket._wrapped is empty else basket._wrapped
    return basket


def basket_item_count(request) -> int:
    """How many items the shopper's open basket holds (what the header shows)."""
    loaded = _loaded_basket(request)
    if loaded is not None:
        return loaded.num_items
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if cookie:  # Oscar merges the cookie's basket into hers when it loads it
            return request.basket.num_items if hasattr(request, "basket") else 0
        lines = Line.objects.filter(basket__owner=user, basket__status=Basket.OPEN)
    elif cookie:
        try:
            basket_id = int(Signer().unsign(cookie))
        except (BadSignature, ValueError):
            return 0
        lines = Line.objects.filter(
            basket_id=basket_id, basket__owner=None, basket__status=Basket.OPEN
        )
    else:
        return 0
    return lines.aggregate(items=Sum("quantity"))["items"] or 0


def basket_count(request):
    """``header_basket_count``: counted only when a template shows it."""
    return {"header_basket_count": SimpleLazyObject(lambda: basket_item_count(request))}
