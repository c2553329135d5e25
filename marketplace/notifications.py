"""E-mails to vendors, in the language each vendor chose."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

EVENTS = ("received", "approved", "rejected", "suspended", "reinstated")


def vendor_notify(*, vendor, event: str) -> None:
    """Tell the vendor's owners (and its contact address) what the Union decided."""
    if event not in EVENTS:
        raise ValueError(event)
    recipients = sorted(
        {m.user.email for m in vendor.members.select_related("user") if m.user.email}
        | ({vendor.email} if vendor.email else set())
    )
    if not recipients:
        return
    with translation.override(vendor.language):
        context = {"vendor": vendor, "site_url": settings.SITE_URL}
        subject = render_to_string(f"marketplace/emails/vendor_{event}_subject.txt", context)
        body = render_to_string(f"marketplace/emails/vendor_{event}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)
    logger.info("Vendor %s told of %s", vendor.slug, event)
