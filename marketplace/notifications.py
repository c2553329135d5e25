"""E-mails to vendors, in the language each vendor chose."""

from __future__ import annotations

import logging

from core.mail import mail_send

logger = logging.getLogger(__name__)

EVENTS = ("received", "approved", "rejected", "suspended", "reinstated")


def vendor_notify(*, vendor, event: str) -> None:
    """Tell the vendor's owners (and its contact address) what the Union decided."""
    if event not in EVENTS:
        raise ValueError(event)
    recipients = vendor_recipients(vendor)
    if not recipients:
        return
    mail_send(
        template=f"marketplace/emails/vendor_{event}",
        context={"vendor": vendor},
        language=vendor.language,
        recipients=recipients,
    )
    logger.info("Vendor %s told of %s", vendor.slug, event)


def vendor_recipients(vendor) -> list[str]:
    """Its members' addresses and its own contact address."""
    return sorted(
        {m.user.email for m in vendor.members.select_related("user") if m.user.email}
        | ({vendor.email} if vendor.email else set())
    )
