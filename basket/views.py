"""Only products for sale go into a basket.

Oscar's add-to-basket view takes any product id; this one answers 404, as
for a missing product, when the listing is not approved or the vendor is
not (or no longer) approved. Oscar's basket app (forked in basket/apps.py)
serves it at Oscar's ``basket:add``.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic.edit import FormView
from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
from oscar.core.loading import get_model

from marketplace.selectors import product_is_for_sale

Product = get_model("catalogue", "Product")


class BasketAddView(OscarBasketAddView):
    def post(self, request, *args, **kwargs):
        # Read once, with its class (Oscar's post would read it again).
        self.product = get_object_or_404(
            Product.objects.select_related("product_class", "parent"), pk=kwargs["pk"]
        )
        if not product_is_for_sale(self.product.parent_id or self.product.pk):
            raise Http404
        return FormView.post(self, request, *args, **kwargs)
