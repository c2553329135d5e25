"""E-mails about a checkout: to the shopper, and to each cooperative for its part."""

from __future__ import annotations

import logging

from checkout.payments import payment_instructions
from checkout.status_links import order_status_path
from core.mail import mail_send
from marketplace.notifications import vendor_recipients

logger = logging.getLogger(__name__)


def order_group_placed_notify(*, group) -> None:
    """One e-mail to the shopper with every part; one to each cooperative for its own part."""
    parts = list(
        group.parts.select_related("order", "vendor__partner").prefetch_related("order__lines")
    )
    mail_send(
        template="marketplace/emails/order_placed",
        context={
            "group": group,
            "parts": parts,
            "payment": payment_instructions(group),
            "status_path": order_status_path(group),
        },
        language=group.language,
        recipients=[group.email],
    )
    for part in parts:
        recipients = vendor_recipients(part.vendor)
        if recipients:
            mail_send(
                template="marketplace/emails/vendor_order_new",
                context={"group": group, "part": part, "vendor": part.vendor},
                language=part.vendor.language,
                recipients=recipients,
            )
    logger.info("Checkout %s announced (%d parts)", group.number, len(parts))


def vendor_order_notify(*, part, event: str) -> None:
    """Tell the shopper that a cooperative shipped or delivered its part."""
    if event not in ("shipped", "delivered"):
        raise ValueError(event)
    group = part.group
    mail_send(
        template=f"marketplace/emails/order_{event}",
        context={
            "group": group,
            "part": part,
            "vendor": part.vendor,
            "status_path": order_status_path(group),
        },
        language=group.language,
        recipients=[group.email],
    )
