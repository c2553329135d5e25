"""``{% vietqr_transfer amount reference %}``: the bank-transfer box of a confirmation page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from payments.vietqr import VietQRError, union_account, union_vietqr_payload, vietqr_svg

register = template.Library()


@register.inclusion_tag("marketplace/payments/vietqr_transfer.html")
def vietqr_transfer(amount: int, reference: str) -> dict:
    """The Union's account, the amount, the reference and the code that carries them.

    When the account is not configured or the input is unusable, the box
    says bank transfer is unavailable instead of showing a wrong code.
    """
    try:
        account = union_account()
        payload = union_vietqr_payload(amount=amount, reference=reference)
    except VietQRError as exc:
        return {"available": False, "reason": exc.args[0]}
    return {
        "available": True,
        "account": account,
        "bank_name": settings.VIETQR_BANK_NAME,
        "amount": amount,
        "reference": reference,
        # safe: segno writes only path data and the escaped title, no user text.
        "svg": mark_safe(vietqr_svg(payload, scale=5, title=_("VietQR transfer code"))),
        "payload": payload,
    }
