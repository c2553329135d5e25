"""The Stripe events this site has processed: each one once, whatever the order or replays.

The table keeps the name it was created with (``marketplace_stripeevent``,
marketplace migration 0009), from before the payments app had its own label.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeEvent(models.Model):
    """One processed webhook event; its unique id makes every replay a no-op."""

    event_id = models.CharField(_("Stripe event"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100, db_index=True)
    object_id = models.CharField(_("Stripe object"), max_length=255, blank=True, db_index=True)
    livemode = models.BooleanField(_("live mode"), default=False)
    created = models.DateTimeField(_("created at Stripe"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    handlers = models.JSONField(_("handled by"), default=list, blank=True)

    class Meta:
        db_table = "marketplace_stripeevent"
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"
