"""Oscar's basket middleware, whose basket cookie also carries SameSite."""

from django.conf import settings
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware


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
