import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from payments.reconcile import (
    Problem,
    RefundBook,
    payment_book_configured,
    payments_reconcile,
    refunds_reconcile,
)
from payments.stripe_gateway import PaymentError


class Command(BaseCommand):
    help = (
        "Compare card payments at Stripe with the orders marked paid, and refunds left "
        "without Stripe's answer with Stripe's refunds; report (and with --repair mark paid, "
        "record or resend refunds) what disagrees. Exits 1 while anything is left to look at."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=0, help="Only payments created in the last N days."
        )
        parser.add_argument(
            "--repair",
            action="store_true",
            help=(
                "Mark paid the orders whose payment Stripe confirms; record the refunds Stripe "
                "made and resend those it never received."
            ),
        )

    def handle(self, *args, days: int, repair: bool, **options):
        book = payment_book_configured()
        if book is None:
            raise CommandError(_("No payment records to reconcile: set PAYMENTS_RECONCILE_BOOK."))
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        created_after = int(time.time()) - days * 86400 if days else None
        try:
            found = payments_reconcile(book=book, repair=repair, created_after=created_after)
            if isinstance(book, RefundBook):
                found += refunds_reconcile(book=book, repair=repair)
        except PaymentError as exc:
            raise CommandError(exc.message) from None
        labels = {
            Problem.PAID_NO_RECORD: _("paid at Stripe, no order"),
            Problem.PAID_NOT_MARKED: _("paid at Stripe, order not marked paid"),
            Problem.MARKED_NOT_PAID: _("order marked paid, no succeeded payment"),
            Problem.AMOUNT_MISMATCH: _("amounts differ"),
            Problem.REFUND_NOT_RECORDED: _("refunded at Stripe, refund not recorded"),
            Problem.REFUND_NOT_MADE: _("refund requested, not made at Stripe"),
            Problem.REFUND_REFUSED: _("refund refused by Stripe"),
        }
        for item in found:
            line = (
                f"{labels[item.problem]}: {item.intent_id or '-'} {item.key or '-'} "
                f"stripe={item.stripe_amount if item.stripe_amount is not None else '-'} "
                f"local={item.local_amount if item.local_amount is not None else '-'}"
            )
            if item.repaired:
                line += " " + _("(repaired)")
            self.stdout.write(line)
        left = [item for item in found if not item.repaired]
        self.stdout.write(
            _("%(found)d to look at, %(repaired)d repaired.")
            % {"found": len(left), "repaired": len(found) - len(left)}
        )
        if left:
            raise SystemExit(1)
