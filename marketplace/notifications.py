"""E-mails to vendors, in the language each vendor chose."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from marketplace.checkout.payments import payment_instructions

logger = logging.getLogger(__name__)

EVENTS = ("received", "approved", "rejected", "suspended", "reinstated")


def vendor_notify(*, vendor, event: str) -> None:
    """Tell the vendor's owners (and its contact address) what the Union decided."""
    if event not in EVENTS:
        raise ValueError(event)
    recipients = _vendor_recipients(vendor)
    if not recipients:
        return
    with translation.override(vendor.language):
        context = {"vendor": vendor, "site_url": settings.SITE_URL}
        subject = render_to_string(f"marketplace/emails/vendor_{event}_subject.txt", context)
        body = render_to_string(f"marketplace/emails/vendor_{event}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
    logger.info("Vendor %s told of %s", vendor.slug, event)


def _send(*, template: str, context: dict, language: str, recipients: list[str]) -> None:
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = render_to_string(f"marketplace/emails/{template}_subject.txt", context)
        body = render_to_string(f"marketplace/emails/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)


def _vendor_recipients(vendor) -> list[str]:
    """Its members' addresses and its own contact address."""
    return sorted(
        {m.user.email for m in vendor.members.select_related("user") if m.user.email}
        | ({vendor.email} if vendor.email else set())
    )


def order_group_placed_notify(*, group) -> None:
    """One e-mail to the shopper with every part; one to each cooperative for its own part."""
    parts = list(
        group.parts.select_related("order", "vendor__partner").prefetch_related("order__lines")
    )
    _send(
        template="order_placed",
        context={"group": group, "parts": parts, "payment": payment_instructions(group)},
        language=group.language,
        recipients=[group.email],
    )
    for part in parts:
        recipients = _vendor_recipients(part.vendor)
        if recipients:
            _send(
                template="vendor_order_new",
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
    _send(
        template=f"order_{event}",
        context={"group": group, "part": part, "vendor": part.vendor},
        language=group.language,
        recipients=[group.email],
    )
