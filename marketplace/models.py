from __future__ import annotations

import secrets
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.sanitise import plain_text
from core.validators import format_phone, validate_bank_account, validate_phone
from marketplace import carriers


class AdministrativeArea(models.Model):
    """A province, district or commune: data, never code.

    Vietnam abolished the district level in 2025, so the tree's shape and
    names are edited by staff, and a retired area is deactivated, not deleted.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    CHILD_LEVEL = {Level.PROVINCE: Level.DISTRICT, Level.DISTRICT: Level.COMMUNE}

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="area_unique_slug_in_parent"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(parent__isnull=True), name="area_unique_root_slug"
            ),
        ]
        indexes = [models.Index(fields=["level", "is_active"])]
        permissions = [("view_reports", _("Can see the Union's reports"))]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is None:
            if self.level != self.Level.PROVINCE:
                raise ValidationError({"parent": _("Only a province can stand at the top.")})
            return
        expected = self.CHILD_LEVEL.get(self.parent.level)
        if expected != self.level:
            raise ValidationError(
                {
                    "level": _("A %(parent)s can only contain a %(child)s.")
                    % {
                        "parent": self.parent.get_level_display().lower(),
                        "child": self.Level(expected).label.lower() if expected else "-",
                    }
                }
            )

    @property
    def path_names(self) -> list[str]:
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return list(reversed(names))


class StaffArea(models.Model):
    """The area a Union staff member answers for: a district's Union sees its district.

    Her vendor and listing queues, contest entries and reports show that area
    and the areas under it (``marketplace.permissions.area_scoped``). Staff
    with no row, and superusers, answer for the whole province. A superuser
    sets it in the Django admin or in /cms/ users; her groups, not this row,
    say what she may do (``manage.py sync_roles``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="staff_area",
    )
    area = models.ForeignKey(
        AdministrativeArea,
        verbose_name=_("Union area"),
        on_delete=models.PROTECT,
        related_name="staff_areas",
    )

    class Meta:
        verbose_name = _("staff member's area")
        verbose_name_plural = _("staff members' areas")

    def __str__(self) -> str:
        return f"{self.user} → {self.area}"


class Vendor(models.Model):
    """A cooperative, cooperative group or women-owned business that sells here.

    Each vendor wraps one Oscar ``Partner``, which carries its name, its
    stock records and its dashboard users. Only approved vendors' products
    are visible; the status changes only through ``marketplace.services.vendors``.
    """

    class Kind(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
        HOUSEHOLD = "household", _("Women-owned household business")
        INDIVIDUAL = "individual", _("Individual member")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    class DeliveryZone(models.TextChoices):
        """Where a parcel goes, as far as its charge is concerned.

        Inside the province is the cooperatives' own province
        (``DELIVERY_HOME_PROVINCE_CODE``); elsewhere is the rest of Vietnam.
        """

        PROVINCE = "province", _("inside the province")
        ELSEWHERE = "elsewhere", _("elsewhere in Vietnam")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="vendor"
    )
    slug = models.SlugField(_("slug"), max_length=128, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    commune = models.ForeignKey(
        AdministrativeArea,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="vendors",
        limit_choices_to={"level": AdministrativeArea.Level.COMMUNE},
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    story = models.TextField(_("story"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="vendors/logos/", blank=True)
    cover_image = models.ImageField(_("cover image"), upload_to="vendors/covers/", blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    women_members = models.PositiveIntegerField(_("number of women members"), default=0)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    bank_account_number = models.CharField(
        _("bank account number"), max_length=19, blank=True, validators=[validate_bank_account]
    )
    bank_account_holder = models.CharField(_("account holder"), max_length=100, blank=True)
    language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default="vi"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPLIED
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    shipping_fee = models.DecimalField(
        _("delivery charge inside the province"),
        max_digits=12,
        decimal_places=0,
        default=Decimal(30000),
        validators=[MinValueValidator(0)],
        help_text=_("Flat charge per order delivered in Ninh Bình, in dong."),
    )
    free_shipping_from = models.DecimalField(
        _("free delivery inside the province from"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Orders of at least this amount, in dong, are delivered free. Empty: never."),
    )
    shipping_fee_elsewhere = models.DecimalField(
        _("delivery charge elsewhere in Vietnam"),
        max_digits=12,
        decimal_places=0,
        default=Decimal(45000),
        validators=[MinValueValidator(0)],
        help_text=_("Flat charge per order delivered to any other province or city, in dong."),
    )
    free_shipping_from_elsewhere = models.DecimalField(
        _("free delivery elsewhere in Vietnam from"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Orders of at least this amount, in dong, are delivered free. Empty: never."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        ordering = ["partner__name"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.partner.name

    def save(self, *args, **kwargs):
        # The story is plain text shown escaped; any markup in it is dropped.
        self.story = plain_text(self.story)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("marketplace:vendor-detail", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return self.partner.name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    def shipping_fee_in(self, zone: str) -> Decimal:
        """The flat delivery charge to ``zone`` (a ``DeliveryZone``)."""
        if zone == self.DeliveryZone.PROVINCE:
            return self.shipping_fee
        return self.shipping_fee_elsewhere

    def free_shipping_from_in(self, zone: str) -> Decimal | None:
        """The order amount from which delivery to ``zone`` is free, or None."""
        if zone == self.DeliveryZone.PROVINCE:
            return self.free_shipping_from
        return self.free_shipping_from_elsewhere

    def shipping_charge_for(self, subtotal: Decimal, zone: str) -> Decimal:
        """The delivery charge for an order of ``subtotal`` dong from this vendor to ``zone``."""
        threshold = self.free_shipping_from_in(zone)
        if threshold is not None and subtotal >= threshold:
            return Decimal(0)
        return self.shipping_fee_in(zone)


class VendorMember(models.Model):
    """A person who works for a vendor, with the part of its dashboard she may use."""

    class Role(models.TextChoices):
        OWNER = "owner", pgettext_lazy("vendor member role", "Owner")
        MANAGER = "manager", _("Manager")
        STAFF = "staff", _("Staff")

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vendor_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("vendor member")
        verbose_name_plural = _("vendor members")
        constraints = [
            models.UniqueConstraint(fields=["vendor", "user"], name="vendor_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.vendor})"


class ModerationEvent(models.Model):
    """One decision or submission in the Union's audit log. Never edited."""

    class Action(models.TextChoices):
        VENDOR_APPLIED = "vendor_applied", _("Vendor applied")
        VENDOR_APPROVED = "vendor_approved", _("Vendor approved")
        VENDOR_REJECTED = "vendor_rejected", _("Vendor rejected")
        VENDOR_SUSPENDED = "vendor_suspended", _("Vendor suspended")
        VENDOR_REINSTATED = "vendor_reinstated", _("Vendor reinstated")
        LISTING_SUBMITTED = "listing_submitted", _("Listing submitted")
        LISTING_APPROVED = "listing_approved", _("Listing approved")
        LISTING_REJECTED = "listing_rejected", _("Listing rejected")
        CHANGE_SUBMITTED = "change_submitted", _("Listing change submitted")
        CHANGE_APPROVED = "change_approved", _("Listing change approved")
        CHANGE_REJECTED = "change_rejected", _("Listing change rejected")
        LISTED_ON_BEHALF = "listed_on_behalf", _("Listed by the Union on behalf of the vendor")

    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    vendor = models.ForeignKey(
        Vendor, verbose_name=_("vendor"), on_delete=models.CASCADE, related_name="events"
    )
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.vendor}"


class Listing(models.Model):
    """The Union's review of one product. No approved listing, no sale.

    A product without a listing row has never been submitted.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="listing"
    )
    status = models.CharField(
        _("review status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.product} ({self.get_status_display()})"


def _invitation_token() -> str:
    return secrets.token_urlsafe(24)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class VendorInvitation(models.Model):
    """An owner's invitation to join her vendor, sent by e-mail or shared as a link.

    Phones receive no SMS from here: the owner shares the link (on Zalo, say).
    """

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True, validators=[validate_phone])
    role = models.CharField(_("role"), max_length=10, choices=VendorMember.Role.choices)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="", phone=""), name="invitation_has_email_or_phone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email or self.phone} → {self.vendor}"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:invitation-accept", kwargs={"token": self.token})

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ListingRevision(models.Model):
    """Changes a member made to an approved product, waiting for the Union.

    Shoppers keep seeing the approved product until the revision is approved;
    ``data`` holds the proposed public fields (see ``services.listings``).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField(_("proposed changes"))
    status = models.CharField(
        _("review status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing"],
                condition=Q(status="pending"),
                name="one_pending_revision_per_listing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.listing.product} ({self.get_status_display()})"


class OrderGroup(models.Model):
    """One checkout: one payment and one confirmation for the parts of several vendors.

    Each part is an Oscar order of its own (see ``VendorOrder``), so every
    cooperative sees, ships and is paid for only its own lines. The basket is
    unique here: submitting the same basket twice finds the same group.
    """

    class PaymentMethod(models.TextChoices):
        CASH = "cod", _("Cash on delivery")
        BANK_TRANSFER = "vietqr", _("Bank transfer (VietQR)")
        CARD = "card", _("Card")

    class PaymentStatus(models.TextChoices):
        ON_DELIVERY = "on_delivery", _("Paid on delivery")
        AWAITING = "awaiting", _("Awaiting payment")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("checkout number"), max_length=32, unique=True)
    basket = models.OneToOneField(
        "basket.Basket",
        verbose_name=_("basket"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="order_group",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shopper"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="order_groups",
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, default="vi")
    payment_method = models.CharField(
        _("payment method"), max_length=10, choices=PaymentMethod.choices
    )
    payment_status = models.CharField(
        _("payment status"), max_length=12, choices=PaymentStatus.choices
    )
    payment_reference = models.CharField(
        _("payment reference"), max_length=19, unique=True, help_text=_("For bank transfers.")
    )
    stripe_payment_intent = models.CharField(_("Stripe payment"), max_length=64, blank=True)
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=0)
    shipping_total = models.DecimalField(_("delivery"), max_digits=12, decimal_places=0)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    created_at = models.DateTimeField(_("placed"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("checkout")
        verbose_name_plural = _("checkouts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.number


class VendorOrder(models.Model):
    """A vendor's part of a checkout: one Oscar order and its fulfilment facts."""

    order = models.OneToOneField(
        "order.Order", verbose_name=_("order"), on_delete=models.CASCADE, related_name="part"
    )
    group = models.ForeignKey(
        OrderGroup, verbose_name=_("checkout"), on_delete=models.CASCADE, related_name="parts"
    )
    vendor = models.ForeignKey(
        Vendor, verbose_name=_("vendor"), on_delete=models.PROTECT, related_name="orders"
    )
    carrier = models.CharField(
        _("carrier"), max_length=64, blank=True, choices=carriers.CARRIER_CHOICES
    )
    tracking_number = models.CharField(_("tracking number"), max_length=64, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    cash_collected_at = models.DateTimeField(_("cash collected"), null=True, blank=True)
    refunded = models.DecimalField(
        _("refunded"), max_digits=12, decimal_places=0, default=Decimal(0)
    )
    commission_percent = models.DecimalField(
        _("commission (%)"), max_digits=5, decimal_places=2, default=Decimal(0)
    )

    class Meta:
        verbose_name = _("vendor order")
        verbose_name_plural = _("vendor orders")
        ordering = ["group", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "vendor"], name="vendor_order_one_per_vendor")
        ]

    def __str__(self) -> str:
        return self.order.number

    @property
    def carrier_label(self) -> str:
        return carriers.carrier_label(self.carrier)

    @property
    def tracking_url(self) -> str:
        """The carrier's public tracking page for this parcel, "" when none is known."""
        return carriers.tracking_url(self.carrier, self.tracking_number)


class CommissionRate(models.Model):
    """The Union's commission on sales, from a date on. Default 0 while none is set.

    Each vendor order keeps the rate in force when it was placed, so a new
    rate never rewrites what a cooperative was already owed.
    """

    percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    valid_from = models.DateField(_("from"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("commission rate")
        verbose_name_plural = _("commission rates")
        ordering = ["-valid_from", "-pk"]

    def __str__(self) -> str:
        return f"{self.percent}% ({self.valid_from:%d/%m/%Y})"


class Payout(models.Model):
    """Money the Union paid to a cooperative against what it was owed."""

    vendor = models.ForeignKey(
        Vendor, verbose_name=_("vendor"), on_delete=models.PROTECT, related_name="payouts"
    )
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=0, validators=[MinValueValidator(1)]
    )
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("transfer reference"), max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-paid_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.vendor}: {self.amount}"


class Refund(models.Model):
    """Money given back to the shopper for (part of) one vendor's order.

    A card refund is written down first, ``requested``, and only then sent to
    Stripe, outside any transaction; its answer is written in a second short
    transaction (``checkout/payment_services.py``). A refund still
    ``requested`` after that is one whose answer was lost (Stripe not
    answering, the process stopped): ``reconcile_payments --repair`` asks
    Stripe by ``reference`` and records or resends it. Only ``done`` refunds
    count as money given back.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested, being confirmed with Stripe")
        DONE = "done", _("Refunded")
        FAILED = "failed", _("Refused")

    part = models.ForeignKey(
        VendorOrder,
        verbose_name=_("vendor order"),
        on_delete=models.PROTECT,
        related_name="refunds",
    )
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=0, validators=[MinValueValidator(1)]
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    stripe_refund = models.CharField(_("Stripe refund"), max_length=64, blank=True)
    # Rows written before refunds had states were all carried out: DONE by default.
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DONE
    )
    reference = models.CharField(
        _("reference"),
        max_length=64,
        blank=True,
        help_text=_("Ours, sent to Stripe: it makes the refund's idempotency key."),
    )
    error = models.CharField(_("why it was refused"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="refund_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.part}: {self.amount}"
