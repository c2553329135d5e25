"""Union staff follow checkouts: transfers to match, unpaid ones to cancel, refunds."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.templatetags.currency_filters import currency

from checkout.order_services import order_group_transfer_received
from checkout.payment_services import vendor_order_refund
from checkout.payments import payment_instructions
from checkout.services import order_group_cancel
from core.lists import StaffPermissionMixin, page_of
from core.refusals import Refusal, refusal_as_message
from marketplace import selectors
from marketplace.models import OrderGroup, Refund


class OrderGroupListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_ordergroup"
    template_name = "marketplace/dashboard/order_group_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        method = self.request.GET.get("method", "")
        status = self.request.GET.get("payment_status", "")
        groups = OrderGroup.objects.all()
        if method in OrderGroup.PaymentMethod.values:
            groups = groups.filter(payment_method=method)
        if status in OrderGroup.PaymentStatus.values:
            groups = groups.filter(payment_status=status)
        reference = self.request.GET.get("q", "").strip()
        if reference:
            groups = groups.filter(payment_reference__iexact=reference) | groups.filter(
                number=reference
            )
        paginator, page = page_of(self.request, groups)
        context.update(
            groups=page.object_list,
            paginator=paginator,
            page_obj=page,
            methods=OrderGroup.PaymentMethod.choices,
            statuses=OrderGroup.PaymentStatus.choices,
            method=method,
            payment_status=status,
            q=reference,
        )
        return context


class RefundForm(forms.Form):
    part = forms.IntegerField(widget=forms.HiddenInput)
    amount = forms.DecimalField(label=_("Amount (₫)"), max_digits=12, decimal_places=0, min_value=1)
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)


# A refund calls Stripe: each action commits its own short transactions, and
# Stripe is called between them, never inside the request's transaction.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OrderGroupDetailView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_ordergroup"
    template_name = "marketplace/dashboard/order_group_detail.html"

    def get_group(self) -> OrderGroup:
        group = selectors.order_group_for_page(self.kwargs["number"])
        if group is None:
            raise Http404
        return group

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = self.get_group()
        context.update(
            group=group,
            payment=payment_instructions(group),
            refunds=selectors.refunds_listed(group=group),
            can_refund=group.payment_status == OrderGroup.PaymentStatus.PAID
            and group.payment_method != OrderGroup.PaymentMethod.CASH
            and self.request.user.has_perm("marketplace.add_refund"),
        )
        return context

    def refund(self, group: OrderGroup) -> Refund:
        if not self.request.user.has_perm("marketplace.add_refund"):
            raise Refusal(_("You may not refund."))
        form = RefundForm(self.request.POST)
        if not form.is_valid():
            raise Refusal([e for errors in form.errors.values() for e in errors])
        part = group.parts.filter(pk=form.cleaned_data["part"]).first()
        if part is None:
            raise Refusal(_("This part is not in this checkout."))
        return vendor_order_refund(
            part=part,
            amount=form.cleaned_data["amount"],
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("marketplace.change_ordergroup"):
            raise Http404
        group = self.get_group()
        action = request.POST.get("action", "")
        with refusal_as_message(request):
            if action == "transfer_received":
                done = order_group_transfer_received(group=group, actor=request.user)
            elif action == "cancel":
                done = order_group_cancel(group=group, reopen_basket=False)
            elif action == "refund":
                _refund_message(request, self.refund(group), group)
                return redirect("marketplace:dashboard-order-group-detail", number=group.number)
            else:
                raise Refusal(_("Unknown action."))
            if done:
                messages.success(request, _("Checkout updated."))
            else:
                messages.warning(
                    request, _("Nothing changed: this checkout is not awaiting payment.")
                )
        return redirect("marketplace:dashboard-order-group-detail", number=group.number)


def _refund_message(request, refund: Refund, group: OrderGroup) -> None:
    amount = currency(refund.amount, "VND")
    if refund.status == Refund.Status.REQUESTED:
        messages.warning(
            request,
            _(
                "Refund of %(amount)s requested; Stripe has not answered yet, so it is being "
                "confirmed with Stripe. Do not send it again: the payments check confirms it "
                "with the same reference, and its state shows under Refunds."
            )
            % {"amount": amount},
        )
    elif group.payment_method == OrderGroup.PaymentMethod.CARD:
        messages.success(
            request, _("Refunded %(amount)s to the shopper's card.") % {"amount": amount}
        )
    else:
        messages.success(
            request,
            _("Refund of %(amount)s recorded: send it from the Union's bank account.")
            % {"amount": amount},
        )
