"""A status page for guests after checkout (a shopper's history is customer/views.py)."""

from __future__ import annotations

from django import forms
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from checkout.payments import payment_instructions
from checkout.status_links import StatusLinkExpired, order_status_number
from core.ratelimit import rate_limit
from marketplace.selectors import order_group_for_page, order_group_lookup


class OrderStatusForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=32)
    email = forms.EmailField(label=_("E-mail used for the order"))


@method_decorator(
    rate_limit("order-status", methods=("GET",), when=lambda request: "number" in request.GET),
    name="dispatch",
)
class OrderStatusView(TemplateView):
    """Guests look an order up by its number and e-mail; a wrong pair finds nothing.

    The thank-you page and the e-mails link here with a signed key
    (``checkout.status_links``), which opens the order without asking.
    """

    template_name = "marketplace/order_status.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        add_never_cache_headers(response)  # one shopper's order, never kept by a cache
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.request.GET.get("key")
        form = OrderStatusForm(None if key else (self.request.GET or None))
        group = link_error = None
        if key:
            try:
                number = order_status_number(key)
            except StatusLinkExpired:
                number = None
                link_error = _("This link has expired. Enter your order number and e-mail.")
            if number is None and link_error is None:
                link_error = _("This link is not valid. Enter your order number and e-mail.")
            group = order_group_for_page(number) if number else None
        elif form.is_bound and form.is_valid():
            number = form.cleaned_data["number"].split("-")[0]
            group = order_group_lookup(number=number, email=form.cleaned_data["email"])
            if group is None:
                form.add_error(None, _("No order matches this number and e-mail."))
        context.update(
            form=form,
            link_error=link_error,
            group=group,
            payment=payment_instructions(group) if group else None,
        )
        return context
