"""Who may act on what: the checks views share, so each rule is written once."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from marketplace.models import AdministrativeArea, StaffArea, Vendor, VendorMember
from marketplace.selectors import product_and_variant_ids


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
        vendor__partner__stockrecords__product__in=product_and_variant_ids(product), user=user
    ).exists()


# --------------------------------------------------------------------------
# Union staff by area: the province, a district or a commune
# --------------------------------------------------------------------------


def staff_area(user) -> AdministrativeArea | None:
    """The area a Union staff member answers for; None for the whole province.

    Superusers and staff with no ``StaffArea`` row answer for the province.
    Remembered on the user object for the request.
    """
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "_staff_area"):
        row = StaffArea.objects.filter(user=user).select_related("area__parent").first()
        user._staff_area = row.area if row else None
    return user._staff_area


def area_q(area: AdministrativeArea, commune: str) -> Q:
    """``commune`` (a lookup path ending at a vendor's commune) lies in ``area`` or under it."""
    hops = {
        AdministrativeArea.Level.COMMUNE: "",
        AdministrativeArea.Level.DISTRICT: "__parent",
        AdministrativeArea.Level.PROVINCE: "__parent__parent",
    }[area.level]
    return Q(**{f"{commune}{hops}": area})


def area_scoped(queryset: QuerySet, user, *, commune: str | tuple[str, ...]) -> QuerySet:
    """``queryset`` narrowed to what ``user`` answers for: her area and the areas under it.

    ``commune`` is the lookup path from the queryset's model to the commune
    it belongs to (``"commune"`` for vendors,
    ``"product__stockrecords__partner__vendor__commune"`` for listings), or
    several paths, any of which may match. The whole province (no narrowing)
    for superusers and staff attached to no area. Through a many-valued
    relation the filter runs in a subquery, so no row comes twice.
    """
    area = staff_area(user)
    if area is None:
        return queryset
    paths = (commune,) if isinstance(commune, str) else commune
    condition = Q()
    for path in paths:
        condition |= area_q(area, path)
    if all("__" not in path for path in paths):
        return queryset.filter(condition)
    inside = queryset.model._default_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=inside)
