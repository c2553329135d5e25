"""An owner brings her members in: invite, then the invited person accepts."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import mail_send
from core.refusals import Refusal, refuse_invalid
from marketplace.models import Vendor, VendorInvitation, VendorMember
from marketplace.services.vendors import vendor_member_add


def _send(invitation: VendorInvitation) -> None:
    mail_send(
        template="marketplace/emails/vendor_invitation",
        context={
            "invitation": invitation,
            "vendor": invitation.vendor,
            "link": f"{settings.SITE_URL}{invitation.get_absolute_url()}",
        },
        language=invitation.vendor.language,
        recipients=[invitation.email],
    )


@transaction.atomic
def invitation_create(
    *, vendor: Vendor, invited_by: AbstractBaseUser, role: str, email: str = "", phone: str = ""
) -> VendorInvitation:
    """Only the vendor's owner invites; an e-mail goes out, a phone gets a link to share."""
    if not vendor.members.filter(user=invited_by, role=VendorMember.Role.OWNER).exists():
        raise PermissionDenied
    if role not in {VendorMember.Role.MANAGER, VendorMember.Role.STAFF}:
        raise Refusal(_("Invite a manager or a staff member."), code="bad_role")
    if not (email or phone):
        raise Refusal(_("Give an e-mail address or a phone number."), code="no_contact")
    invitation = VendorInvitation(
        vendor=vendor, email=email.lower(), phone=phone, role=role, invited_by=invited_by
    )
    refuse_invalid(invitation)
    invitation.save()
    if invitation.email:
        transaction.on_commit(lambda: _send(invitation))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: AbstractBaseUser) -> VendorMember:
    """Join the vendor; a link works once, for 14 days."""
    invitation = (
        VendorInvitation.objects.select_for_update().select_related("vendor").get(token=token)
    )
    if not invitation.is_open:
        raise Refusal(
            _("This invitation has expired or was already used. Ask for a new one."),
            code="closed",
        )
    if user.vendor_memberships.exclude(vendor=invitation.vendor).exists():
        raise Refusal(
            _("This account already works for another vendor. Use another account."),
            code="other_vendor",
        )
    member = vendor_member_add(vendor=invitation.vendor, user=user, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return member
