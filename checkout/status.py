"""Order statuses: stored in English as Oscar does, shown translated."""

from django.utils.translation import gettext_lazy as _

AWAITING_PAYMENT = "Awaiting payment"
PENDING = "Pending"
CONFIRMED = "Confirmed"
SHIPPED = "Shipped"
DELIVERED = "Delivered"
CANCELLED = "Cancelled"

LABELS = {
    AWAITING_PAYMENT: _("Awaiting payment"),
    PENDING: _("New, awaiting the cooperative"),
    CONFIRMED: _("Confirmed, being prepared"),
    SHIPPED: _("Shipped"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
}


def status_label(status: str) -> str:
    return str(LABELS.get(status, status))
