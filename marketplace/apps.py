from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _site_address_after_migrate(sender, **kwargs) -> None:
    """Links in e-mails and QR codes name SITE_URL, never example.com (services/site_address.py)."""
    from marketplace.services.site_address import site_address_sync

    site_address_sync()


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Marketplace")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the checkout's Stripe webhook handlers.
        from marketplace.services import payments  # noqa: F401

        post_migrate.connect(_site_address_after_migrate, sender=self)
