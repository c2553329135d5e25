"""A cooperative member's home: what needs her today, each with a count and a link."""

from __future__ import annotations

from django.views.generic import TemplateView

from checkout import status as order_status
from dashboard.views import MemberAreaMixin
from marketplace import selectors

# Her order counts and the status each stands for.
TODAY_ORDER_STATUSES = {
    "to_confirm": order_status.PENDING,
    "to_ship": order_status.CONFIRMED,
}


class MemberTodayView(MemberAreaMixin, TemplateView):
    """New orders to confirm, orders to ship, products waiting or refused, low stock."""

    template_name = "marketplace/dashboard/member_today.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = selectors.vendor_today(self.vendor, order_statuses=TODAY_ORDER_STATUSES)
        context.update(
            vendor=self.vendor,
            today=today,
            statuses=TODAY_ORDER_STATUSES,
            nothing_to_do=not any(
                today[key] for key in ("to_confirm", "to_ship", "waiting", "refused", "low_stock")
            ),
        )
        return context
