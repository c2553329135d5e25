"""Requests to join the Union and reports of abuse: what staff decide, and the log of it.

Every decision writes a ``UnionEvent``; hiding an item takes it off the
storefront in the same transaction (a product's listing goes back to the
review queue, a contest entry back to approval, a story is unpublished), so
the page cache and the search index, which watch those saves, follow at once.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model
from wagtail.actions.unpublish_page import UnpublishPageAction

from cms.models import ContestEntry, StoryPage
from core.mail import mail_send
from core.refusals import Refusal
from core.sanitise import plain_text
from marketplace.models import AdministrativeArea, Listing, ModerationEvent, Vendor
from marketplace.selectors import products_for_sale, vendors_public
from marketplace.services.vendors import vendor_decide
from union.consent import CONSENT_VERSION
from union.models import AbuseReport, MembershipRequest, UnionEvent

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
Kind = AbuseReport.Kind
Action = UnionEvent.Action


# --------------------------------------------------------------------------
# Requests to join
# --------------------------------------------------------------------------

DUPLICATE_PHONE = gettext_lazy(
    "We already have a request from this phone number. The Union's staff will call you; "
    "there is no need to send it again."
)


@transaction.atomic
def membership_request_submit(
    *,
    full_name: str,
    birth_year: int,
    phone: str,
    email: str,
    commune: AdministrativeArea | None,
    place_outside: str,
    occupation: str,
    consented: bool,
    language: str,
) -> MembershipRequest:
    """Record a request with her consent; one living request per (normalised) phone."""
    if not consented:
        raise Refusal(_("Please agree to the use of your data: without it we cannot contact you."))
    if commune is None and not place_outside.strip():
        raise Refusal(_("Choose your commune or ward, or say where you live outside the province."))
    if MembershipRequest.objects.filter(phone=phone).exclude(status="erased").exists():
        raise Refusal(str(DUPLICATE_PHONE), code="duplicate_phone")
    try:
        with transaction.atomic():
            return MembershipRequest.objects.create(
                full_name=plain_text(full_name).strip(),
                birth_year=birth_year,
                phone=phone,
                email=email.strip(),
                commune=commune,
                place_outside="" if commune else plain_text(place_outside).strip(),
                occupation=occupation,
                consent_at=timezone.now(),
                consent_version=CONSENT_VERSION,
                language=language,
            )
    except IntegrityError:  # a second tab sent the same phone at the same moment
        raise Refusal(str(DUPLICATE_PHONE), code="duplicate_phone") from None


def membership_sms_text(request: MembershipRequest) -> str:
    """The text message staff copy to her phone after deciding, in her language."""
    if request.status == MembershipRequest.Status.ACCEPTED:
        return _(
            "Dear %(name)s, the Women's Union has accepted you as a member. Your branch will "
            "invite you to its next meeting. Thank you for joining!"
        ) % {"name": request.full_name}
    if request.status == MembershipRequest.Status.DECLINED:
        return _(
            "Dear %(name)s, thank you for wanting to join the Women's Union. We cannot accept "
            "your request now; call the Union in your commune to talk about it."
        ) % {"name": request.full_name}
    return ""


@transaction.atomic
def membership_decide(
    *, request: MembershipRequest, actor: AbstractBaseUser, accept: bool
) -> MembershipRequest:
    """Accept or decline a waiting request; she gets an e-mail if she gave an address."""
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MembershipRequest.Status.PENDING:
        raise Refusal(_("This request has already been decided."), code="decided")
    request.status = (
        MembershipRequest.Status.ACCEPTED if accept else MembershipRequest.Status.DECLINED
    )
    request.decided_at = timezone.now()
    request.decided_by = actor
    request.save(update_fields=["status", "decided_at", "decided_by"])
    UnionEvent.objects.create(
        action=Action.MEMBERSHIP_ACCEPTED if accept else Action.MEMBERSHIP_DECLINED,
        kind="membership",
        object_id=request.pk,
        actor=actor,
    )
    if request.email:
        event = "accepted" if accept else "declined"
        transaction.on_commit(
            lambda: mail_send(
                template=f"union/emails/membership_{event}",
                context={"request": request},
                recipients=[request.email],
                language=request.language,
            )
        )
    return request


@transaction.atomic
def membership_erase(*, request: MembershipRequest, actor: AbstractBaseUser) -> MembershipRequest:
    """Erase her personal data on her request; the log keeps that request number N was erased."""
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == MembershipRequest.Status.ERASED:
        raise Refusal(_("This request has already been erased."), code="erased")
    request.full_name = ""
    request.birth_year = None
    request.phone = ""
    request.email = ""
    request.commune = None
    request.place_outside = ""
    request.occupation = ""
    request.status = MembershipRequest.Status.ERASED
    request.decided_at = timezone.now()
    request.decided_by = actor
    request.save()
    UnionEvent.objects.create(
        action=Action.MEMBERSHIP_ERASED, kind="membership", object_id=request.pk, actor=actor
    )
    logger.info("Membership request %s erased by %s", request.pk, actor)
    return request


# --------------------------------------------------------------------------
# Reports of abuse
# --------------------------------------------------------------------------


def report_target(kind: str, object_id) -> object | None:
    """The item a report names, if the public can see it now; else None."""
    try:
        object_id = int(object_id)
    except (TypeError, ValueError):
        return None
    if kind == Kind.PRODUCT:
        return products_for_sale().filter(pk=object_id).first()
    if kind == Kind.VENDOR:
        return vendors_public().filter(pk=object_id).first()
    if kind == Kind.STORY:
        return StoryPage.objects.live().public().filter(pk=object_id).first()
    if kind == Kind.CONTEST_ENTRY:
        return (
            ContestEntry.objects.filter(pk=object_id, status=ContestEntry.Status.APPROVED)
            .select_related("contest")
            .first()
        )
    return None


def item_title(target) -> str:
    if isinstance(target, Vendor):
        return target.name
    if isinstance(target, ContestEntry):
        return f"{target.caption} ({target.contest.title})"
    return str(getattr(target, "title", target))[:255]


def report_submit(
    *, kind: str, target, reason: str, details: str, contact: str, reporter
) -> AbuseReport:
    return AbuseReport.objects.create(
        kind=kind,
        object_id=target.pk,
        item_title=item_title(target)[:255],
        reason=reason,
        details=plain_text(details).strip()[:2000],
        contact=plain_text(contact).strip()[:200],
        reporter=reporter if reporter is not None and reporter.is_authenticated else None,
    )


def reported_item(kind: str, object_id: int):
    """The item reports name, whether or not the public still sees it (staff's view)."""
    if kind == Kind.PRODUCT:
        return Product.objects.filter(pk=object_id).first()
    if kind == Kind.VENDOR:
        return Vendor.objects.select_related("partner").filter(pk=object_id).first()
    if kind == Kind.STORY:
        return StoryPage.objects.filter(pk=object_id).first()
    if kind == Kind.CONTEST_ENTRY:
        return ContestEntry.objects.select_related("contest", "user").filter(pk=object_id).first()
    return None


def item_vendor(kind: str, item) -> Vendor | None:
    """The cooperative behind a reported item, the one a suspension would stop."""
    if item is None:
        return None
    if kind == Kind.VENDOR:
        return item
    if kind == Kind.PRODUCT:
        return Vendor.objects.filter(partner__stockrecords__product=item).first()
    if kind == Kind.STORY:
        return item.vendor
    return None


def _close(reports, *, status: str) -> int:
    return reports.update(status=status, decided_at=timezone.now())


def _log(action: str, kind: str, object_id: int, *, title: str, count: int, actor, reason=""):
    UnionEvent.objects.create(
        action=action,
        kind=kind,
        object_id=object_id,
        item_title=title[:255],
        reports=count,
        actor=actor,
        reason=reason,
    )


def _open_reports(kind: str, object_id: int):
    reports = AbuseReport.objects.select_for_update().filter(
        kind=kind, object_id=object_id, status=AbuseReport.Status.OPEN
    )
    if not reports.exists():
        raise Refusal(_("No report about this item waits any more."), code="no_reports")
    return reports


@transaction.atomic
def reports_dismiss(*, kind: str, object_id: int, actor, reason: str = "") -> int:
    reports = _open_reports(kind, object_id)
    title = reports.first().item_title
    count = _close(reports, status=AbuseReport.Status.DISMISSED)
    _log(
        Action.REPORT_DISMISSED,
        kind,
        object_id,
        title=title,
        count=count,
        actor=actor,
        reason=reason.strip(),
    )
    return count


def _hide(kind: str, item, actor, reason: str) -> None:
    if kind == Kind.PRODUCT:
        listing = Listing.objects.select_for_update().filter(product=item).first()
        if listing is None or listing.status != Listing.Status.APPROVED:
            return  # not for sale: nothing shows it
        listing.status = Listing.Status.PENDING
        listing.reason = reason or _("Hidden after reports, waiting for the Union's review.")
        listing.decided_at = timezone.now()
        listing.decided_by = actor
        listing.save()  # the page cache and the search index watch listings
    elif kind == Kind.CONTEST_ENTRY:
        if item.status == ContestEntry.Status.APPROVED:
            item.status = ContestEntry.Status.PENDING
            item.save(update_fields=["status"])
    elif kind == Kind.STORY:
        if item.live:
            # Hiding for safety is Union staff's to do at once, though publishing is leaders'.
            UnpublishPageAction(item, user=actor, log_action=True).execute(
                skip_permission_checks=True
            )
    else:
        raise Refusal(_("A cooperative cannot be hidden: suspend it instead."), code="bad_action")


@transaction.atomic
def reports_hide_item(*, kind: str, object_id: int, actor, reason: str = "") -> int:
    """Take the item off the storefront at once; staff review it again later."""
    reports = _open_reports(kind, object_id)
    item = reported_item(kind, object_id)
    title = reports.first().item_title
    if item is not None:
        _hide(kind, item, actor, reason.strip())
    count = _close(reports, status=AbuseReport.Status.ACTED)
    _log(
        Action.ITEM_HIDDEN,
        kind,
        object_id,
        title=title,
        count=count,
        actor=actor,
        reason=reason.strip(),
    )
    return count


@transaction.atomic
def reports_suspend_vendor(*, kind: str, object_id: int, actor, reason: str) -> int:
    """Suspend the cooperative behind the item (``vendor_decide``, with its own audit event)."""
    reports = _open_reports(kind, object_id)
    vendor = item_vendor(kind, reported_item(kind, object_id))
    if vendor is None:
        raise Refusal(_("No cooperative stands behind this item."), code="no_vendor")
    if vendor.status != Vendor.Status.APPROVED:
        raise Refusal(_("This cooperative is not selling now."), code="not_selling")
    vendor_decide(
        vendor=vendor, actor=actor, action=ModerationEvent.Action.VENDOR_SUSPENDED, reason=reason
    )
    title = reports.first().item_title
    count = _close(reports, status=AbuseReport.Status.ACTED)
    _log(
        Action.VENDOR_SUSPENDED,
        kind,
        object_id,
        title=title,
        count=count,
        actor=actor,
        reason=reason.strip(),
    )
    return count
