"""Only products for sale go into a basket; the basket page reads its offers once.

Oscar's add-to-basket view takes any product id; this one answers 404, as
for a missing product, when the listing is not approved or the vendor is
not (or no longer) approved. Oscar's basket app (forked in basket/apps.py)
serves it at Oscar's ``basket:add``.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic.edit import FormView
from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
from oscar.apps.basket.views import BasketView as OscarBasketView
from oscar.core.loading import get_model

from basket.middleware import basket_offers
from marketplace.selectors import product_is_for_sale

Product = get_model("catalogue", "Product")


class BasketAddView(OscarBasketAddView):
    def post(self, request, *args, **kwargs):
        # Read once, with its class and stock records (Oscar's post would read
        # it again, and the form and the basket each ask for its stock record).
        self.product = get_object_or_404(
            Product.objects.select_related("product_class", "parent").prefetch_related(
                "stockrecords"
            ),
            pk=kwargs["pk"],
        )
        if not product_is_for_sale(self.product.parent_id or self.product.pk):
            raise Http404
        return FormView.post(self, request, *args, **kwargs)


class BasketView(OscarBasketView):
    def get_upsell_messages(self, basket):
        """Oscar's, with the offers the middleware already read for this basket."""
        offers = basket_offers(basket)
        if offers is None:
            return super().get_upsell_messages(basket)
        applied = list(basket.offer_applications.offers.values())
        return [
            {"message": offer.get_upsell_message(basket), "offer": offer}
            for offer in offers
            if offer.is_condition_partially_satisfied(basket) and offer not in applied
        ]
