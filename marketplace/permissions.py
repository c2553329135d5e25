"""Who may act on what: the checks views share, so each rule is written once."""

from __future__ import annotations

from django.db.models import Q

from marketplace.models import Vendor, VendorMember


def member_vendor(user) -> Vendor | None:
    """The vendor a signed-in member works for (a person works for one vendor here)."""
    if not user.is_authenticated:
        return None
    membership = VendorMember.objects.filter(user=user).select_related("vendor__partner").first()
    return membership.vendor if membership else None


def can_preview_product(user, product) -> bool:
    if not user.is_authenticated:
        return False
    if user.has_perm("marketplace.view_listing"):
        return True
    # A parent product is sold through its variants' stock records.
    return VendorMember.objects.filter(
        Q(vendor__partner__stockrecords__product=product)
        | Q(vendor__partner__stockrecords__product__parent=product),
        user=user,
    ).exists()
