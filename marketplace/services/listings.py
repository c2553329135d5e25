"""Listing moderation: a product is sold only once the Union approves it."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import Listing, ModerationEvent, Vendor
from marketplace.selectors import product_vendor
from search.indexing import product_documents_rebuild

Action = ModerationEvent.Action
Status = Listing.Status


def _reindex(product_id: int) -> None:
    transaction.on_commit(lambda: product_documents_rebuild(product_ids=[product_id]))


def _vendor_of(product) -> Vendor:
    vendor = product_vendor(product)
    if vendor is None:
        raise ValidationError(_("This product has no vendor yet: add its price and stock first."))
    return vendor


@transaction.atomic
def listing_submit(*, product, actor: AbstractBaseUser) -> Listing:
    """Ask the Union to review a product (new, or rejected and corrected).

    Only a member of the selling vendor, or Union staff acting for her, may submit.
    """
    vendor = _vendor_of(product)
    is_member = vendor.members.filter(user=actor).exists()
    if not (is_member or actor.has_perm("marketplace.change_listing")):
        raise PermissionDenied
    listing, _created = Listing.objects.select_for_update().get_or_create(product=product)
    if listing.status == Status.APPROVED:
        raise ValidationError(_("This product is already approved."), code="already_approved")
    listing.status = Status.PENDING
    listing.reason = ""
    listing.submitted_at = timezone.now()
    listing.save()
    ModerationEvent.objects.create(
        action=Action.LISTING_SUBMITTED, vendor=vendor, product=product, actor=actor
    )
    return listing


@transaction.atomic
def listing_decide(
    *, listing: Listing, actor: AbstractBaseUser, approve: bool, reason: str = ""
) -> Listing:
    """Approve or reject a waiting listing; a rejection says why, for the vendor."""
    listing = Listing.objects.select_for_update().select_related("product").get(pk=listing.pk)
    if listing.status != Status.PENDING:
        raise ValidationError(_("This listing is not waiting for review."), code="not_pending")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError(_("Give a reason: the vendor will read it."), code="no_reason")
    listing.status = Status.APPROVED if approve else Status.REJECTED
    listing.reason = reason
    listing.decided_at = timezone.now()
    listing.decided_by = actor
    listing.save()
    ModerationEvent.objects.create(
        action=Action.LISTING_APPROVED if approve else Action.LISTING_REJECTED,
        vendor=_vendor_of(listing.product),
        product=listing.product,
        actor=actor,
        reason=reason,
    )
    _reindex(listing.product_id)
    return listing
