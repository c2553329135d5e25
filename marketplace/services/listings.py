"""Listing moderation: a product is sold only once the Union approves it."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.refusals import Refusal, refuse_invalid
from core.sanitise import plain_text, rich_text
from marketplace.models import Listing, ListingRevision, ModerationEvent, Vendor
from marketplace.selectors import product_vendor

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

Action = ModerationEvent.Action
Status = Listing.Status


def _vendor_of(product) -> Vendor:
    vendor = product_vendor(product)
    if vendor is None:
        raise Refusal(_("This product has no vendor yet: add its price and stock first."))
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
        raise Refusal(_("This product is already approved."), code="already_approved")
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
        raise Refusal(_("This listing is not waiting for review."), code="not_pending")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Refusal(_("Give a reason: the vendor will read it."), code="no_reason")
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
    return listing


# --------------------------------------------------------------------------
# Changes to approved products
# --------------------------------------------------------------------------


# Product columns shown on the product and traceability pages: a member's
# change to them waits for the Union like a change of title or price.
PUBLIC_PRODUCT_FIELDS = [
    "title",
    "description",
    *(f"{name}_id" if name == "origin_commune" else name for name in Product.LOCAL_FIELDS),
]


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _prices(product) -> dict:
    return {
        str(pk): str(price)
        for pk, price in product.stockrecords.order_by("pk").values_list("pk", "price")
    }


def _images(product) -> list:
    return list(product.images.order_by("display_order", "pk").values_list("original", flat=True))


def listing_public_snapshot(*, product) -> dict:
    """The fields a shopper sees and the Union reviews, read from the database.

    A parent product is sold through its variants: their titles, prices and
    pictures are part of what the Union approved (``variants``).
    """
    row = Product.objects.filter(pk=product.pk).values(*PUBLIC_PRODUCT_FIELDS).get()
    snapshot = {
        **{name: _json_value(value) for name, value in row.items()},
        "category_ids": sorted(product.categories.values_list("pk", flat=True)),
        "prices": _prices(product),
        "images": _images(product),
    }
    children = Product.objects.filter(parent=product).order_by("pk")
    if children.exists():
        snapshot["variants"] = {
            str(child.pk): {
                "title": child.title,
                "prices": _prices(child),
                "images": _images(child),
            }
            for child in children
        }
    return snapshot


def _snapshot_check(product, snapshot: dict) -> None:
    """The product as ``snapshot`` would make it must pass the model's rules (``full_clean``).

    A revision is written by the editor, which checks them; one kept from
    before a rule, or written another way, is refused rather than published.
    """
    candidate = Product.objects.get(pk=product.pk)
    for name in PUBLIC_PRODUCT_FIELDS:
        if name in snapshot:
            setattr(candidate, name, snapshot[name])
    # None of the fields a revision changes is unique; Oscar's UPC reads back an
    # empty one as "" and would be "taken" by every other product without one.
    refuse_invalid(candidate, validate_unique=False)


def _apply_snapshot(product, snapshot: dict) -> None:
    """Make the product show ``snapshot``; image files are kept, only rows change.

    A revision saved before a field was public lacks it: that field is left as is.
    ``update`` skips ``Product.save``, so the title and description are cleaned here.
    """
    fields = {name: snapshot[name] for name in PUBLIC_PRODUCT_FIELDS if name in snapshot}
    if "description" in fields:
        fields["description"] = rich_text(fields["description"])
    if "title" in fields:
        fields["title"] = plain_text(fields["title"])
    Product.objects.filter(pk=product.pk).update(**fields)
    product.categories.set(snapshot["category_ids"])
    _apply_prices_and_images(product, snapshot)
    for pk, variant in snapshot.get("variants", {}).items():
        child = Product.objects.filter(pk=int(pk), parent=product).first()
        if child is None:  # deleted since
            continue
        Product.objects.filter(pk=child.pk).update(title=plain_text(variant["title"]))
        _apply_prices_and_images(child, variant)


def _apply_prices_and_images(product, snapshot: dict) -> None:
    for pk, price in snapshot["prices"].items():
        product.stockrecords.filter(pk=int(pk)).update(price=Decimal(price))
    wanted = list(snapshot["images"])
    ProductImage.objects.filter(product=product).exclude(original__in=wanted).delete()
    existing = dict(ProductImage.objects.filter(product=product).values_list("original", "pk"))
    for order, path in enumerate(wanted):
        if path in existing:
            ProductImage.objects.filter(pk=existing[path]).update(display_order=order)
        else:
            ProductImage.objects.create(product=product, original=path, display_order=order)


def listing_needs_review(*, product, user) -> bool:
    """A member's edit of an approved product waits; the Union's own edits do not."""
    if user.has_perm("marketplace.change_listing"):
        return False
    return Listing.objects.filter(product=product, status=Status.APPROVED).exists()


@transaction.atomic
def listing_hold_changes(
    *, product, before: dict, actor: AbstractBaseUser
) -> ListingRevision | None:
    """Turn a save of an approved product into a revision and put back the approved version.

    Called after the edit was saved; ``before`` is the snapshot taken just
    before. A newer change replaces a revision still waiting.
    """
    after = listing_public_snapshot(product=product)
    if after == before:
        return None
    listing = Listing.objects.select_for_update().get(product=product)
    revision = listing.revisions.filter(status=ListingRevision.Status.PENDING).first()
    if revision is None:
        revision = ListingRevision(listing=listing)
    revision.data = after
    revision.submitted_by = actor
    revision.save()
    _apply_snapshot(product, before)
    ModerationEvent.objects.create(
        action=Action.CHANGE_SUBMITTED, vendor=_vendor_of(product), product=product, actor=actor
    )
    return revision


@transaction.atomic
def listing_revision_decide(
    *, revision: ListingRevision, actor: AbstractBaseUser, approve: bool, reason: str = ""
) -> ListingRevision:
    """Publish the proposed changes, or keep the approved version and say why."""
    revision = (
        ListingRevision.objects.select_for_update()
        .select_related("listing__product")
        .get(pk=revision.pk)
    )
    if revision.status != ListingRevision.Status.PENDING:
        raise Refusal(_("This change is not waiting for review."), code="not_pending")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise Refusal(_("Give a reason: the vendor will read it."), code="no_reason")
    product = revision.listing.product
    if approve:
        _snapshot_check(product, revision.data)
        _apply_snapshot(product, revision.data)
    revision.status = (
        ListingRevision.Status.APPROVED if approve else ListingRevision.Status.REJECTED
    )
    revision.reason = reason
    revision.decided_by = actor
    revision.decided_at = timezone.now()
    revision.save()
    ModerationEvent.objects.create(
        action=Action.CHANGE_APPROVED if approve else Action.CHANGE_REJECTED,
        vendor=_vendor_of(product),
        product=product,
        actor=actor,
        reason=reason,
    )
    return revision


@transaction.atomic
def listing_create_on_behalf(*, product, actor: AbstractBaseUser) -> Listing:
    """Union staff listed a product for a member who lacks the skills: approved, and recorded.

    The audit log keeps who acted, for which vendor, and when.
    """
    if not actor.has_perm("marketplace.change_listing"):
        raise PermissionDenied
    vendor = _vendor_of(product)
    listing, _created = Listing.objects.update_or_create(
        product=product,
        defaults={
            "status": Status.APPROVED,
            "decided_by": actor,
            "decided_at": timezone.now(),
            "reason": "",
        },
    )
    ModerationEvent.objects.create(
        action=Action.LISTED_ON_BEHALF, vendor=vendor, product=product, actor=actor
    )
    return listing
