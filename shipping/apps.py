import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    """Oscar's shipping app, forked only for its repository (per-cooperative delivery)."""

    name = "shipping"
