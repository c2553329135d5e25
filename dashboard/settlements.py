"""Settlements: what the Union owes each cooperative, its payouts and commission.

Union staff see every cooperative's ledger, record payouts and set the
commission; a member sees only her own cooperative's ledger.
"""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from core.lists import StaffPermissionMixin
from core.refusals import refusal_on_form
from dashboard.views import MemberAreaMixin
from marketplace import selectors
from marketplace.models import CommissionRate, Vendor
from marketplace.services.settlements import commission_rate_set, payout_record


class PayoutForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (₫)"), max_digits=12, decimal_places=0, min_value=1)
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(label=_("Transfer reference"), max_length=64, required=False)


class CommissionForm(forms.Form):
    percent = forms.DecimalField(
        label=_("Commission (%)"), max_digits=5, decimal_places=2, min_value=0, max_value=100
    )
    valid_from = forms.DateField(
        label=_("Applies from"), widget=forms.DateInput(attrs={"type": "date"})
    )


def _vendors_with_money():
    return Vendor.objects.filter(status__in=["approved", "suspended"]).select_related("partner")


class SettlementListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_payout"
    template_name = "marketplace/dashboard/settlement_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ledgers = selectors.vendor_ledgers(_vendors_with_money())
        context.update(
            ledgers=sorted(ledgers.values(), key=lambda ledger: ledger.vendor.name),
            commission=selectors.commission_percent_current(),
            rates=CommissionRate.objects.select_related("set_by")[:10],
            commission_form=kwargs.get("commission_form")
            or CommissionForm(initial={"valid_from": timezone.localdate()}),
            can_change=self.request.user.has_perm("marketplace.add_payout"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("marketplace.add_commissionrate"):
            return HttpResponse(status=403)
        form = CommissionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(commission_form=form))
        with refusal_on_form(form, "percent"):
            commission_rate_set(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Commission saved."))
            return redirect("marketplace:dashboard-settlement-list")
        return self.render_to_response(self.get_context_data(commission_form=form))


class SettlementDetailView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_payout"
    template_name = "marketplace/dashboard/settlement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor = get_object_or_404(_vendors_with_money(), pk=self.kwargs["pk"])
        context.update(
            vendor=vendor,
            ledger=selectors.vendor_ledger(vendor),
            payout_form=kwargs.get("payout_form")
            or PayoutForm(initial={"paid_on": timezone.localdate()}),
            can_change=self.request.user.has_perm("marketplace.add_payout"),
        )
        return context

    def post(self, request, *args, **kwargs):
        vendor = get_object_or_404(_vendors_with_money(), pk=self.kwargs["pk"])
        if not request.user.has_perm("marketplace.add_payout"):
            return HttpResponse(status=403)
        form = PayoutForm(request.POST)
        if form.is_valid():
            with refusal_on_form(form, "amount"):
                payout_record(vendor=vendor, actor=request.user, **form.cleaned_data)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(payout_form=form))
        messages.success(request, _("Payout recorded."))
        return redirect("marketplace:dashboard-settlement-detail", pk=vendor.pk)


class SettlementExportView(StaffPermissionMixin, View):
    """Every ledger entry as CSV (amounts in whole dong, dates day first)."""

    permission_required = "marketplace.view_payout"

    def get(self, request, *args, **kwargs):
        vendors = _vendors_with_money()
        slug = request.GET.get("vendor", "")
        if slug:
            vendors = vendors.filter(slug=slug)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="settlements.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 with the BOM
        writer = csv.writer(response)
        writer.writerow([_("Cooperative"), _("Date"), _("Entry"), _("Reference"), _("Amount (₫)")])
        for ledger in sorted(
            selectors.vendor_ledgers(vendors).values(), key=lambda ledger: ledger.vendor.name
        ):
            for entry in ledger.entries:
                writer.writerow(
                    [
                        ledger.vendor.name,
                        entry.when.strftime("%d/%m/%Y"),
                        entry.label,
                        entry.reference,
                        int(entry.amount),
                    ]
                )
        return response


class MySettlementView(MemberAreaMixin, TemplateView):
    """A member sees what the Union owes her own cooperative."""

    template_name = "marketplace/dashboard/settlement_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            vendor=self.vendor, ledger=selectors.vendor_ledger(self.vendor), can_change=False
        )
        return context
