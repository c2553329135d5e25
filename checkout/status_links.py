"""Signed links to a checkout's status page, for the thank-you page and the e-mails.

The link carries the order number and a signature (``django.core.signing``),
never the shopper's e-mail: whoever holds it sees that order, as the
confirmation e-mail's reader already does, and nobody can make one for
another number. A link is good for a year; after that the page asks for the
number and the e-mail as before.
"""

from __future__ import annotations

from django.core import signing
from django.urls import reverse
from django.utils.http import urlencode

SALT = "checkout.order-status"
MAX_AGE = 365 * 24 * 60 * 60


class StatusLinkExpired(Exception):
    """A genuine link older than ``MAX_AGE``."""


def order_status_path(group) -> str:
    """The status page's path and signed key for ``group`` (an ``OrderGroup``)."""
    key = signing.TimestampSigner(salt=SALT).sign(group.number)
    return f"{reverse('marketplace:order-status')}?{urlencode({'key': key})}"


def order_status_number(key: str) -> str | None:
    """The order number a key was signed for; None for a forged or damaged key.

    Raises ``StatusLinkExpired`` for a genuine key past its age.
    """
    try:
        return signing.TimestampSigner(salt=SALT).unsign(key, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise StatusLinkExpired from None
    except signing.BadSignature:
        return None
