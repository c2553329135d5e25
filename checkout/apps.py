import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked: one checkout places one order per cooperative.

    Adds the card payment step that follows placement (``card/``) and the page
    Stripe sends the shopper back to (``card/return/``), and the list of
    provinces and wards the address step's type-ahead reads (``delivery-areas/``).
    """

    name = "checkout"

    def ready(self):
        super().ready()
        # Registers the checkout's Stripe webhook handlers; imports models.
        from checkout import payment_services  # noqa: F401

        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.card_return_view = get_class("checkout.views", "CardReturnView")
        self.delivery_area_list_view = get_class("checkout.views", "DeliveryAreaListView")

    def get_urls(self):
        urls = [
            path("card/", self.card_payment_view.as_view(), name="card"),
            path("card/return/", self.card_return_view.as_view(), name="card-return"),
            path(
                "delivery-areas/",
                self.delivery_area_list_view.as_view(),
                name="delivery-areas",
            ),
        ]
        return super().get_urls() + self.post_process_urls(urls)
