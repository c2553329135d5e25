"""How a checkout is paid: the instructions shown on the confirmation page and e-mail."""

from __future__ import annotations

from django.conf import settings

from marketplace.models import OrderGroup


def payment_instructions(group: OrderGroup) -> dict:
    method = group.payment_method
    if method == OrderGroup.PaymentMethod.BANK_TRANSFER:
        return {
            "kind": "vietqr",
            "amount": group.total,
            "amount_dong": int(group.total),
            "reference": group.payment_reference,
            "bank_name": settings.VIETQR_BANK_NAME,
            "account_number": settings.VIETQR_ACCOUNT_NUMBER,
            "account_name": settings.VIETQR_ACCOUNT_NAME,
            "paid": group.payment_status == OrderGroup.PaymentStatus.PAID,
        }
    if method == OrderGroup.PaymentMethod.CARD:
        return {"kind": "card", "paid": group.payment_status == OrderGroup.PaymentStatus.PAID}
    return {"kind": "cod", "amount": group.total}
