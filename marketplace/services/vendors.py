"""A vendor's life: application, the Union's decisions, and who may act for it."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from core.refusals import Refusal, refuse_invalid
from core.text import vn_slugify
from marketplace.models import AdministrativeArea, ModerationEvent, Vendor, VendorMember
from marketplace.notifications import vendor_notify

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")

Status = Vendor.Status
Action = ModerationEvent.Action

# Which decisions may follow which status: anything else is refused.
TRANSITIONS: dict[str, dict[str, str]] = {
    Action.VENDOR_APPROVED: {Status.APPLIED: Status.APPROVED},
    Action.VENDOR_REJECTED: {Status.APPLIED: Status.REJECTED},
    Action.VENDOR_SUSPENDED: {Status.APPROVED: Status.SUSPENDED},
    Action.VENDOR_REINSTATED: {Status.SUSPENDED: Status.APPROVED},
}
REASON_REQUIRED = {Action.VENDOR_REJECTED, Action.VENDOR_SUSPENDED}


def _unique_slug(name: str) -> str:
    base = vn_slugify(name)[:110] or "vendor"
    slug, n = base, 1
    while Vendor.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _dashboard_permission() -> Permission:
    return Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")


def already_member_message(vendor: Vendor) -> str:
    return _(
        "This account already works for %(name)s. One account sells for one vendor: "
        "to register another business, apply with another account."
    ) % {"name": vendor.name}


@transaction.atomic
def vendor_apply(
    *,
    user: AbstractBaseUser,
    name: str,
    kind: str,
    commune: AdministrativeArea,
    address: str,
    phone: str,
    email: str,
    story: str = "",
    photo: UploadedFile | None = None,
    language: str = "vi",
) -> Vendor:
    """Record an application; the applicant becomes the vendor's owner-to-be.

    Nothing is visible or sellable until the Union approves it. A person works
    for one vendor: a member of one cannot apply for another. Data the models
    refuse (``full_clean``) is refused with their messages, by field.
    """
    membership = VendorMember.objects.filter(user=user).select_related("vendor").first()
    if membership is not None:
        raise Refusal(already_member_message(membership.vendor), code="other_vendor")
    slug = _unique_slug(name)
    partner = Partner(name=name, code=slug)
    vendor = Vendor(
        partner=partner,
        slug=slug,
        kind=kind,
        commune=commune,
        address=address,
        phone=phone,
        email=email,
        story=story,
        language=language,
        status=Status.APPLIED,
    )
    # The models' own rules, whoever calls: nothing is written (no photo either) if they refuse.
    refuse_invalid(partner)
    refuse_invalid(vendor, exclude=["partner"])
    partner.save()
    if photo is not None:
        vendor.cover_image.save(photo.name, photo, save=False)
    vendor.save()
    VendorMember.objects.create(vendor=vendor, user=user, role=VendorMember.Role.OWNER)
    ModerationEvent.objects.create(action=Action.VENDOR_APPLIED, vendor=vendor, actor=user)
    transaction.on_commit(lambda: vendor_notify(vendor=vendor, event="received"))
    return vendor


@transaction.atomic
def vendor_decide(
    *, vendor: Vendor, actor: AbstractBaseUser, action: str, reason: str = ""
) -> Vendor:
    """Apply one of the Union's decisions (approve, reject, suspend, reinstate).

    The vendor row is locked so two staff deciding at once cannot both win.
    """
    vendor = Vendor.objects.select_for_update().select_related("partner").get(pk=vendor.pk)
    allowed = TRANSITIONS.get(action, {})
    if vendor.status not in allowed:
        raise Refusal(
            _("A vendor whose status is “%(status)s” cannot be given this decision.")
            % {"status": vendor.get_status_display()},
            code="bad_transition",
        )
    reason = (reason or "").strip()
    if action in REASON_REQUIRED and not reason:
        raise Refusal(_("Give a reason: the vendor will read it."), code="no_reason")
    vendor.status = allowed[vendor.status]
    vendor.status_changed_at = timezone.now()
    vendor.status_changed_by = actor
    vendor.status_reason = reason
    vendor.save(update_fields=["status", "status_changed_at", "status_changed_by", "status_reason"])
    ModerationEvent.objects.create(action=action, vendor=vendor, actor=actor, reason=reason)
    if vendor.status == Status.APPROVED:
        _grant_dashboard_access(vendor)
    # search.signals refreshes its products' documents once this commits.
    event = {
        Action.VENDOR_APPROVED: "approved",
        Action.VENDOR_REJECTED: "rejected",
        Action.VENDOR_SUSPENDED: "suspended",
        Action.VENDOR_REINSTATED: "reinstated",
    }[action]
    transaction.on_commit(lambda: vendor_notify(vendor=vendor, event=event))
    logger.info("Vendor %s: %s by %s", vendor.slug, action, actor)
    return vendor


def _grant_dashboard_access(vendor: Vendor) -> None:
    """Members of an approved vendor reach Oscar's dashboard for their partner only."""
    permission = _dashboard_permission()
    for member in vendor.members.select_related("user"):
        vendor.partner.users.add(member.user)
        member.user.user_permissions.add(permission)


@transaction.atomic
def vendor_member_add(*, vendor: Vendor, user: AbstractBaseUser, role: str) -> VendorMember:
    """Link a person to a vendor; she reaches its dashboard once it is approved."""
    member, _created = VendorMember.objects.update_or_create(
        vendor=vendor, user=user, defaults={"role": role}
    )
    if vendor.status == Status.APPROVED:
        vendor.partner.users.add(user)
        user.user_permissions.add(_dashboard_permission())
    return member


def applicant_account_create(*, email: str, password: str, first_name: str):
    """The account an applicant signs in with (her e-mail is her login)."""
    User = get_user_model()
    user = User(username=email.lower(), email=email.lower(), first_name=first_name)
    user.set_password(password)
    user.save()
    return user
