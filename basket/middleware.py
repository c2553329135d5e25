"""Oscar's basket middleware: offers read once per request, and a SameSite basket cookie."""

from django.conf import settings
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_class

Applicator = get_class("offer.applicator", "Applicator")


def basket_offers(basket) -> list | None:
    """The offers the middleware applied to this basket in this request (None: not applied)."""
    return getattr(basket, "_marketplace_offers", None)


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's basket middleware, whose basket cookie also carries SameSite.

    Oscar 4.2 sets the cookie's Secure flag from OSCAR_BASKET_COOKIE_SECURE
    but has no SameSite setting; BASKET_COOKIE_SAMESITE adds it.
    """

    def __call__(self, request):
        response = super().__call__(request)
        cookie = response.cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN)
        if cookie is not None and cookie.value:
            cookie["samesite"] = settings.BASKET_COOKIE_SAMESITE
        return response

    def apply_offers_to_basket(self, request, basket):
        """Oscar's, reading the lines once (not a count first) and keeping the offers.

        The basket page's upsell messages (basket/views.py) read the kept
        offers rather than asking the database for them again.
        """
        if basket.id is None or not len(basket.all_lines()):
            return
        applicator = Applicator()
        offers = applicator.get_offers(basket, request.user, request)
        applicator.apply_offers(basket, offers)
        basket._marketplace_offers = offers
