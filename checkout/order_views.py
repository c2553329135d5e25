"""A status page for guests after checkout (a shopper's history is customer/views.py)."""

from __future__ import annotations

from django import forms
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from checkout.payments import payment_instructions
from core.ratelimit import rate_limit
from marketplace.selectors import order_group_lookup


class OrderStatusForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=32)
    email = forms.EmailField(label=_("E-mail used for the order"))


@method_decorator(
    rate_limit("order-status", methods=("GET",), when=lambda request: "number" in request.GET),
    name="dispatch",
)
class OrderStatusView(TemplateView):
    """Guests look an order up by its number and e-mail; a wrong pair finds nothing."""

    template_name = "marketplace/order_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OrderStatusForm(self.request.GET or None)
        group = None
        if form.is_bound and form.is_valid():
            number = form.cleaned_data["number"].split("-")[0]
            group = order_group_lookup(number=number, email=form.cleaned_data["email"])
            if group is None:
                form.add_error(None, _("No order matches this number and e-mail."))
        context.update(
            form=form, group=group, payment=payment_instructions(group) if group else None
        )
        return context
