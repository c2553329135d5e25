"""Only products for sale go into a basket.

Oscar's add-to-basket view takes any product id; this one answers 404, as
for a missing product, when the listing is not approved or the vendor is
not (or no longer) approved. Oscar's basket app (forked in basket/apps.py)
serves it at Oscar's ``basket:add``.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
from oscar.core.loading import get_model

from marketplace.selectors import products_for_sale

Product = get_model("catalogue", "Product")


class BasketAddView(OscarBasketAddView):
    def post(self, request, *args, **kwargs):
        product = get_object_or_404(Product, pk=kwargs["pk"])
        if not products_for_sale().filter(pk=product.parent_id or product.pk).exists():
            raise Http404
        return super().post(request, *args, **kwargs)
