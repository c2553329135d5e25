"""The Union settles with cooperatives: its commission rate and the payouts it records."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core.refusals import Refusal
from marketplace.models import CommissionRate, Payout, Vendor
from marketplace.selectors import vendor_ledger


def commission_rate_set(*, percent: Decimal, valid_from: datetime.date, actor) -> CommissionRate:
    """A new rate from ``valid_from`` on; orders already placed keep theirs."""
    if not Decimal(0) <= percent <= Decimal(100):
        raise Refusal(_("The commission is a percentage between 0 and 100."))
    return CommissionRate.objects.create(percent=percent, valid_from=valid_from, set_by=actor)


def payout_record(
    *, vendor: Vendor, amount: Decimal, paid_on: datetime.date, reference: str, actor
) -> Payout:
    """Record money paid to a cooperative; never more than it is owed."""
    if amount <= 0:
        raise Refusal(_("A payout is a positive amount."))
    with transaction.atomic():
        Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
        balance = vendor_ledger(vendor).balance
        if amount > balance:
            raise Refusal(
                _("The Union owes this cooperative %(balance)s ₫; a payout cannot be more.")
                % {"balance": f"{balance:,.0f}".replace(",", ".")}
            )
        return Payout.objects.create(
            vendor=vendor, amount=amount, paid_on=paid_on, reference=reference, recorded_by=actor
        )
