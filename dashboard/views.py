"""The Union's vendor review queue and audit log, inside Oscar's dashboard layout."""

from __future__ import annotations

import csv
import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from oscar.apps.dashboard.views import IndexView as OscarIndexView
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from oscar.views.decorators import permissions_required

from core.lists import StaffPermissionMixin, page_of
from core.refusals import refusal_as_message, refusal_on_form
from dashboard.charts import bar_chart
from dashboard.revision_diff import revision_changes
from marketplace import selectors
from marketplace.forms import (
    InvitationForm,
    ListingDecisionForm,
    ModerationEventFilterForm,
    VendorDecisionForm,
    VendorProfileForm,
)
from marketplace.models import Listing, ListingRevision, Vendor, VendorMember
from marketplace.permissions import area_scoped, member_vendor
from marketplace.services.invitations import invitation_create
from marketplace.services.listings import (
    listing_decide,
    listing_public_snapshot,
    listing_revision_decide,
    listing_submit,
)
from marketplace.services.vendors import vendor_decide

Product = get_model("catalogue", "Product")


# Where a product is made: its seller's commune (a parent product's: its variants' seller's).
LISTING_COMMUNE = (
    "product__stockrecords__partner__vendor__commune",
    "product__children__stockrecords__partner__vendor__commune",
)


class VendorModerationListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_vendor"
    template_name = "marketplace/dashboard/vendor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Vendor.Status.APPLIED)
        if status not in Vendor.Status.values:
            status = Vendor.Status.APPLIED
        queryset = (
            area_scoped(Vendor.objects.filter(status=status), self.request.user, commune="commune")
            .select_related("partner", "commune__parent")
            .order_by("created_at", "pk")
        )
        paginator, page = page_of(self.request, queryset)
        context.update(
            status=status,
            statuses=Vendor.Status.choices,
            vendors=page.object_list,
            paginator=paginator,
            page_obj=page,
        )
        return context


class DecisionView(StaffPermissionMixin, TemplateView):
    """Something the Union decides on: GET shows it, POST records a decision.

    A refused decision (a ``Refusal`` from the service) is shown on
    the form with a 400, and nothing changes.
    """

    decide_permission: str
    form_class: type
    success_message = _("Decision recorded.")

    def get_subject(self):
        raise NotImplementedError

    def subject_context(self, subject) -> dict:
        raise NotImplementedError

    def decide(self, subject, data: dict) -> None:
        raise NotImplementedError

    def success_url(self, subject) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        subject = kwargs.get("subject") or self.get_subject()
        context.update(
            self.subject_context(subject),
            form=kwargs.get("form") or self.form_class(),
            can_decide=self.request.user.has_perm(self.decide_permission),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(self.decide_permission):
            self.raise_exception = True
            return self.handle_no_permission()
        subject = self.get_subject()
        form = self.form_class(request.POST)
        if form.is_valid():
            with refusal_on_form(form):
                self.decide(subject, form.cleaned_data)
                messages.success(request, self.success_message)
                return redirect(self.success_url(subject))
        return self.render_to_response(
            self.get_context_data(subject=subject, form=form), status=400
        )


class VendorModerationDetailView(DecisionView):
    """A vendor's application and history, and the decision form."""

    permission_required = "marketplace.view_vendor"
    decide_permission = "marketplace.change_vendor"
    template_name = "marketplace/dashboard/vendor_detail.html"
    form_class = VendorDecisionForm
    success_message = _("Decision recorded; the vendor has been told.")

    def get_subject(self) -> Vendor:
        return get_object_or_404(
            area_scoped(Vendor.objects.all(), self.request.user, commune="commune").select_related(
                "partner", "commune__parent", "status_changed_by"
            ),
            pk=self.kwargs["pk"],
        )

    def subject_context(self, vendor: Vendor) -> dict:
        return {
            "vendor": vendor,
            "members": vendor.members.select_related("user"),
            "events": vendor.events.select_related("actor"),
        }

    def decide(self, vendor: Vendor, data: dict) -> None:
        vendor_decide(
            vendor=vendor, actor=self.request.user, action=data["action"], reason=data["reason"]
        )

    def success_url(self, vendor: Vendor) -> str:
        return reverse("marketplace:dashboard-vendor-detail", kwargs={"pk": vendor.pk})


class ModerationEventListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_vendor"
    template_name = "marketplace/dashboard/moderation_event_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ModerationEventFilterForm(self.request.GET or None)
        events = area_scoped(
            selectors.moderation_events(**form.filters()),
            self.request.user,
            commune="vendor__commune",
        )
        paginator, page = page_of(self.request, events)
        context.update(form=form, events=page.object_list, paginator=paginator, page_obj=page)
        return context


class ListingQueueView(StaffPermissionMixin, TemplateView):
    """Products waiting for the Union's review, oldest first."""

    permission_required = "marketplace.view_listing"
    template_name = "marketplace/dashboard/listing_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        listings = area_scoped(selectors.listings_pending(), user, commune=LISTING_COMMUNE)
        paginator, page = page_of(self.request, listings)
        context.update(
            listings=page.object_list,
            paginator=paginator,
            page_obj=page,
            revisions=area_scoped(
                selectors.revisions_pending(),
                user,
                commune=tuple(f"listing__{path}" for path in LISTING_COMMUNE),
            ),
        )
        return context


class ListingDecisionView(DecisionView):
    """One waiting listing: what the shopper will see, and approve or reject."""

    permission_required = "marketplace.view_listing"
    decide_permission = "marketplace.change_listing"
    template_name = "marketplace/dashboard/listing_detail.html"
    form_class = ListingDecisionForm

    def get_subject(self) -> Listing:
        listings = area_scoped(Listing.objects.all(), self.request.user, commune=LISTING_COMMUNE)
        return get_object_or_404(listings.select_related("product"), pk=self.kwargs["pk"])

    def subject_context(self, listing: Listing) -> dict:
        return {
            "listing": listing,
            "product": listing.product,
            "vendor": selectors.product_vendor(listing.product),
            "stockrecords": listing.product.stockrecords.all(),
        }

    def decide(self, listing: Listing, data: dict) -> None:
        listing_decide(
            listing=listing,
            actor=self.request.user,
            approve=data["decision"] == "approve",
            reason=data["reason"],
        )

    def success_url(self, listing: Listing) -> str:
        return reverse("marketplace:dashboard-listing-queue")


class RevisionDecisionView(ListingDecisionView):
    """A member's proposed change to an approved product, beside what shoppers see now."""

    template_name = "marketplace/dashboard/revision_detail.html"

    def get_subject(self) -> ListingRevision:
        revisions = area_scoped(
            ListingRevision.objects.all(),
            self.request.user,
            commune=tuple(f"listing__{path}" for path in LISTING_COMMUNE),
        )
        return get_object_or_404(
            revisions.select_related("listing__product", "submitted_by"), pk=self.kwargs["pk"]
        )

    def subject_context(self, revision: ListingRevision) -> dict:
        product = revision.listing.product
        current = listing_public_snapshot(product=product)
        return {
            "revision": revision,
            "product": product,
            "changes": revision_changes(current, revision.data),
        }

    def decide(self, revision: ListingRevision, data: dict) -> None:
        listing_revision_decide(
            revision=revision,
            actor=self.request.user,
            approve=data["decision"] == "approve",
            reason=data["reason"],
        )


class MemberAreaMixin:
    """Pages of a vendor's own area: signed-in members of one vendor only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.vendor = member_vendor(request.user)
        if self.vendor is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MemberListingsView(MemberAreaMixin, TemplateView):
    """A member's own products with their review status and the Union's reasons."""

    template_name = "marketplace/dashboard/member_listings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        newest_first = ListingRevision.objects.order_by("-submitted_at", "-pk")
        products = (
            selectors.vendor_products_all(self.vendor)
            .select_related("listing")
            .prefetch_related(
                "stockrecords",
                Prefetch("listing__revisions", queryset=newest_first, to_attr="latest_revisions"),
            )
            .order_by("-date_created", "-pk")
        )
        paginator, page = page_of(self.request, products)
        context.update(
            vendor=self.vendor,
            products=page.object_list,
            paginator=paginator,
            page_obj=page,
        )
        return context

    def post(self, request, *args, **kwargs):
        """Submit one of her products for review."""
        pk = request.POST.get("product", "")
        product = get_object_or_404(
            selectors.vendor_products_all(self.vendor), pk=pk if pk.isdigit() else None
        )
        with refusal_as_message(request):
            listing_submit(product=product, actor=request.user)
            messages.success(request, _("Sent to the Union for review."))
        return redirect("marketplace:dashboard-member-listings")


class VendorTeamView(MemberAreaMixin, TemplateView):
    """Her vendor's members and open invitations; the owner invites (POST)."""

    template_name = "marketplace/dashboard/team.html"

    def is_owner(self) -> bool:
        return self.vendor.members.filter(
            user=self.request.user, role=VendorMember.Role.OWNER
        ).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            vendor=self.vendor,
            members=self.vendor.members.select_related("user").order_by("role", "pk"),
            invitations=[i for i in self.vendor.invitations.order_by("-created_at") if i.is_open],
            form=kwargs.get("form") or InvitationForm(),
            is_owner=self.is_owner(),
            new_link=self.request.session.pop("invitation_link", None),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.is_owner():
            raise PermissionDenied
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        with refusal_on_form(form):
            invitation = invitation_create(
                vendor=self.vendor, invited_by=request.user, **form.cleaned_data
            )
            request.session["invitation_link"] = request.build_absolute_uri(
                invitation.get_absolute_url()
            )
            messages.success(request, _("Invitation ready."))
            return redirect("marketplace:dashboard-team")
        return self.render_to_response(self.get_context_data(form=form), status=400)


SALES_PERIODS = {"week": 12, "month": 12}  # how many of each the chart and the CSV show


def _period_starts(period: str, count: int) -> list[datetime.date]:
    """The first days of the last ``count`` weeks (Mondays) or months, oldest first."""
    today = timezone.localdate()
    if period == "week":
        monday = today - datetime.timedelta(days=today.weekday())
        return [monday - datetime.timedelta(weeks=n) for n in range(count - 1, -1, -1)]
    starts, month = [], today.replace(day=1)
    for _n in range(count):
        starts.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return starts[::-1]


def vendor_sales_periods(vendor, period: str) -> list[dict]:
    """Her orders, items and revenue per period, every period listed (0 when nothing sold)."""
    starts = _period_starts(period, SALES_PERIODS[period])
    since = timezone.make_aware(datetime.datetime.combine(starts[0], datetime.time.min))
    found = {
        timezone.localtime(row["start"]).date()
        if isinstance(row["start"], datetime.datetime)
        else row["start"]: row
        for row in selectors.vendor_sales_by_period(vendor, period=period, since=since)
    }
    empty = {"orders": 0, "items": 0, "revenue": Decimal(0)}
    return [{**empty, **found.get(start, {}), "start": start} for start in starts]


def _sales_period(request) -> str:
    period = request.GET.get("period", "month")
    return period if period in SALES_PERIODS else "month"


def _period_names(period: str, starts: list[datetime.date]) -> list[str]:
    """Each period in full, for a bar's tooltip."""
    if period == "week":
        return [_("week of %(day)s") % {"day": start.strftime("%d/%m/%Y")} for start in starts]
    return [start.strftime("%m/%Y") for start in starts]


def _period_labels(period: str, starts: list[datetime.date]) -> list[str]:
    """Labels short enough for twelve bars on a phone: every other week's Monday (the
    latest always), each month's number with the year on the first bar and on January."""
    if period == "week":
        last = len(starts) - 1
        return [
            start.strftime("%d/%m") if (last - index) % 2 == 0 else ""
            for index, start in enumerate(starts)
        ]
    return [
        start.strftime("%m/%y") if index == 0 or start.month == 1 else str(start.month)
        for index, start in enumerate(starts)
    ]


class VendorSalesView(MemberAreaMixin, TemplateView):
    """Her revenue and orders by week or month (SVG charts and a table), best sellers,
    low stock and reviews."""

    template_name = "marketplace/dashboard/sales.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = _sales_period(self.request)
        rows = vendor_sales_periods(self.vendor, period)
        starts = [row["start"] for row in rows]
        names, labels = _period_names(period, starts), _period_labels(period, starts)
        span = {
            "first": rows[0]["start"].strftime("%d/%m/%Y"),
            "last": timezone.localdate().strftime("%d/%m/%Y"),
        }
        by = _("week") if period == "week" else _("month")
        context.update(
            vendor=self.vendor,
            period=period,
            rows=rows,
            revenue_chart=bar_chart(
                title=_("Revenue by %(period)s") % {"period": by},
                description=_("Revenue of each %(period)s from %(first)s to %(last)s, in dong.")
                % {"period": by, **span},
                points=[
                    (name, row["revenue"], currency(row["revenue"]))
                    for name, row in zip(names, rows, strict=True)
                ],
                axis_labels=labels,
            ),
            orders_chart=bar_chart(
                title=_("Orders by %(period)s") % {"period": by},
                description=_("Number of orders each %(period)s from %(first)s to %(last)s.")
                % {"period": by, **span},
                points=[
                    (name, row["orders"], str(row["orders"]))
                    for name, row in zip(names, rows, strict=True)
                ],
                axis_labels=labels,
            ),
            best_sellers=selectors.vendor_best_sellers(self.vendor),
            low_stock=selectors.vendor_low_stock(self.vendor),
            reviews=selectors.vendor_reviews(self.vendor),
        )
        return context


class VendorSalesExportView(MemberAreaMixin, View):
    """Her sales by week or month as CSV: whole numbers, ISO dates, named by vendor and period."""

    def get(self, request, *args, **kwargs):
        period = _sales_period(request)
        rows = vendor_sales_periods(self.vendor, period)
        filename = "{slug}-sales-by-{period}-{first}-{last}.csv".format(
            slug=self.vendor.slug,
            period=period,
            first=rows[0]["start"].isoformat(),
            last=rows[-1]["start"].isoformat(),
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # Excel opens UTF-8 with the BOM
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Week starting") if period == "week" else _("Month starting"),
                _("Orders"),
                _("Items"),
                _("Revenue (₫)"),
            ]
        )
        for row in rows:
            writer.writerow(
                [row["start"].isoformat(), row["orders"], row["items"] or 0, int(row["revenue"])]
            )
        return response


class VendorProfileView(MemberAreaMixin, TemplateView):
    """The owner and managers keep the vendor's public profile and bank account current."""

    template_name = "marketplace/dashboard/profile.html"
    editors = {VendorMember.Role.OWNER, VendorMember.Role.MANAGER}

    def can_edit(self) -> bool:
        return self.vendor.members.filter(user=self.request.user, role__in=self.editors).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            vendor=self.vendor,
            form=kwargs.get("form") or VendorProfileForm(instance=self.vendor),
            can_edit=self.can_edit(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_edit():
            raise PermissionDenied
        form = VendorProfileForm(request.POST, request.FILES, instance=self.vendor)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.save()
        messages.success(request, _("Profile saved."))
        return redirect("marketplace:dashboard-profile")


class IndexView(OscarIndexView):
    """/dashboard/: Oscar's index for staff; a member starts from "Today" (member_today.py).

    Oscar's index sums every order that holds one of a partner's lines,
    other cooperatives' lines included, so members do not see it. Oscar's
    permission check for "index" comes after (dashboard/apps.py): a member
    whose vendor is not approved yet has none, and still lands on her page.
    """

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff and member_vendor(request.user) is not None:
            return redirect("marketplace:dashboard-member-today")
        config = apps.get_app_config("dashboard")
        oscar_check = permissions_required(
            config.get_permissions("index"), login_url=config.login_url
        )
        return oscar_check(super().dispatch)(request, *args, **kwargs)
