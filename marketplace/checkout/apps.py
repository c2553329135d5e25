import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    """Oscar's checkout, forked: one checkout places one order per cooperative."""

    name = "marketplace.checkout"
