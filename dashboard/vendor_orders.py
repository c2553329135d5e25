"""A member's own orders: her vendor's parts of checkouts, never anyone else's lines.

On a phone each order is a card (buyer, phone to tap, address, items) with one
button for its next step; shipping names the carrier from marketplace/carriers.py.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from checkout import status as order_status
from checkout.order_services import vendor_order_act
from core.lists import page_of
from core.refusals import refusal_as_message
from dashboard.views import MemberAreaMixin
from marketplace import selectors
from marketplace.carriers import CARRIER_CHOICES
from marketplace.models import VendorOrder


class ShipForm(forms.Form):
    carrier = forms.ChoiceField(
        label=_("Carrier"),
        choices=[("", _("Choose the carrier")), *CARRIER_CHOICES],
        error_messages={
            "required": _("Say who carries the parcel."),
            "invalid_choice": _("Choose the carrier from the list."),
        },
    )
    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=64,
        required=False,
        help_text=_("The code on the carrier's receipt: the buyer follows her parcel with it."),
    )


class VendorOrderListView(MemberAreaMixin, TemplateView):
    template_name = "marketplace/dashboard/vendor_order_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in order_status.LABELS:
            status = ""
        paginator, page = page_of(self.request, selectors.vendor_orders(self.vendor, status=status))
        context.update(
            vendor=self.vendor,
            parts=page.object_list,
            paginator=paginator,
            page_obj=page,
            status=status,
            statuses=[(key, label) for key, label in order_status.LABELS.items()],
        )
        return context


class VendorOrderDetailView(MemberAreaMixin, TemplateView):
    """One part: lines, delivery address, and the next steps (POST ``action``)."""

    template_name = "marketplace/dashboard/vendor_order_detail.html"

    def get_part(self) -> VendorOrder:
        return get_object_or_404(
            VendorOrder.objects.select_related(
                "order__shipping_address", "group", "vendor"
            ).prefetch_related("order__lines"),
            pk=self.kwargs["pk"],
            vendor=self.vendor,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        part = kwargs.get("part") or self.get_part()
        context.update(
            vendor=self.vendor,
            part=part,
            order=part.order,
            group=part.group,
            ship_form=kwargs.get("ship_form") or ShipForm(),
            next_statuses=part.order.available_statuses(),
            refunds=selectors.refunds_listed(part=part),
        )
        return context

    def post(self, request, *args, **kwargs):
        part = self.get_part()
        action = request.POST.get("action", "")
        extra = {}
        if action == "ship":
            form = ShipForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(part=part, ship_form=form))
            extra = form.cleaned_data
        with refusal_as_message(request):
            vendor_order_act(part=part, action=action, actor=request.user, **extra)
            messages.success(request, _("Order updated."))
        return redirect("marketplace:dashboard-vendor-order-detail", pk=part.pk)
