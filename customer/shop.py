"""Oscar's root app (``oscar.config.Shop``), forked for the pages Oscar keeps there.

Oscar declares password reset in its root app, not in the customer app, with
Django's views: this fork answers Oscar's ``password-reset`` and
``password-reset-confirm`` with ours (customer/views.py). It also leaves "/"
to Wagtail's home page (config/urls.py): Oscar's "/" only redirects to
OSCAR_HOMEPAGE, which is "/" itself here.
"""

from oscar import config
from oscar.core.loading import get_class
from oscar.views.decorators import login_forbidden

from core.oscar_urls import urls_with_views


class Shop(config.Shop):
    def ready(self):
        super().ready()
        self.password_reset_view = get_class("customer.views", "PasswordResetView")
        self.password_reset_confirm_view = get_class("customer.views", "PasswordResetConfirmView")

    def get_urls(self):
        urls = [
            pattern for pattern in super().get_urls() if getattr(pattern, "name", None) != "home"
        ]
        return urls_with_views(
            urls,
            {
                "password-reset": login_forbidden(self.password_reset_view.as_view()),
                "password-reset-confirm": login_forbidden(
                    self.password_reset_confirm_view.as_view()
                ),
            },
        )
