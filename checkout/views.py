"""Oscar's checkout steps, ending in one order per cooperative.

Address → (delivery, computed per cooperative, skipped) → payment method →
preview → place. Placing calls ``checkout.services.checkout_place``;
payment by card or transfer follows placement, so stock is secured before
any money moves.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.views import *  # noqa: F403
from oscar.core.loading import get_class

from basket.split import basket_split
from checkout.forms import PaymentMethodForm, method_available
from checkout.payment_services import order_group_card_intent
from checkout.payments import payment_instructions
from checkout.services import checkout_place, order_group_cancel
from checkout.status_links import order_status_path
from core.refusals import Refusal
from marketplace.models import OrderGroup
from marketplace.selectors import order_group_for_page
from payments.stripe_gateway import PaymentError, payment_intent_retrieve
from shipping import destinations

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")

SESSION_GROUP_KEY = "checkout_group_number"


class IndexView(oscar_views.IndexView):
    """Oscar's checkout gateway, whose sign-in passes the request to authenticate().

    The sign-in lock-out (customer/signin.py) counts failures per client
    address and refuses a sign-in without a request.
    """

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


def checkout_split(view):
    """The basket by cooperative, charged for the zone of the address chosen so far."""
    basket = view.request.basket
    address = view.get_shipping_address(basket)
    return basket_split(basket, destinations.address_zone(address))


class ShippingAddressView(oscar_views.ShippingAddressView):
    """The address step, showing each cooperative's delivery charge per zone.

    ``action=choose_province`` (the button shown without JavaScript) only
    lists the chosen province's wards: the form comes back unsent, no error.
    """

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "choose_province":
            kwargs = self.get_form_kwargs()
            data = kwargs.pop("data")
            kwargs.pop("files", None)
            kwargs["initial"] = {**(kwargs.get("initial") or {}), **data.dict()}
            return self.render_to_response(self.get_context_data(form=self.form_class(**kwargs)))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["split"] = checkout_split(self)
        return context


class DeliveryAreaListView(generic.View):
    """Provinces, or one province's wards, whose names hold the words typed (JSON).

    ``?q=ha noi`` finds Thành phố Hà Nội; ``?province=1&q=phuong ba dinh``
    Phường Ba Đình. Marks and case are ignored. Public and read-only: the same
    lists the address form shows.
    """

    LIMIT = 50

    def get(self, request, *args, **kwargs):
        query = request.GET.get("q", "")[:100]
        province = request.GET.get("province")
        if province:
            if destinations.province_get(province) is None:
                return JsonResponse({"error": str(_("Unknown province."))}, status=400)
            units = destinations.wards(province)
        else:
            units = destinations.provinces()
        matches = destinations.units_matching(units, query)
        return JsonResponse(
            {
                "results": [unit.as_json() for unit in matches[: self.LIMIT]],
                "more": len(matches) > self.LIMIT,
            }
        )


def _payment_method(view) -> str:
    return view.checkout_session._get("payment", "method") or ""


class PaymentMethodView(CheckoutSessionMixin, generic.FormView):
    """Cash on delivery, VietQR transfer or card."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
    ]

    def get_initial(self):
        return {"method": _payment_method(self) or OrderGroup.PaymentMethod.CASH}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["method_help"] = PaymentMethodForm.HELP
        context["split"] = checkout_split(self)
        return context

    def form_valid(self, form):
        self.checkout_session._set("payment", "method", form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Only the preview step is used: there are no card details to type here."""

    pre_conditions = [
        *oscar_views.PaymentDetailsView.pre_conditions,
        "check_payment_method_is_chosen",
    ]

    def check_payment_method_is_chosen(self, request):
        if not method_available(_payment_method(self)):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Choose how you will pay."),
            )

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        method = _payment_method(self)
        context["payment_method"] = method
        context["payment_method_label"] = OrderGroup.PaymentMethod(method).label if method else ""
        context["split"] = checkout_split(self)
        return context

    def submit(
        self,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        payment_kwargs=None,
        order_kwargs=None,
        surcharges=None,
    ):
        order_kwargs = order_kwargs or {}
        email = user.email if user.is_authenticated else order_kwargs.get("guest_email", "")
        try:
            group = checkout_place(
                basket=basket,
                user=user,
                email=email,
                shipping_address=shipping_address,
                payment_method=_payment_method(self),
                language=get_language() or "vi",
                request=self.request,
            )
        except Refusal as refusal:
            # Oscar's preview shows its ``error`` above the order she is about to place.
            return self.render_preview(self.request, error=refusal.text)
        if user.is_authenticated and shipping_address is not None:
            self.update_address_book(user, shipping_address)
        self.checkout_session.flush()
        self.request.session[SESSION_GROUP_KEY] = group.number
        if group.payment_method == OrderGroup.PaymentMethod.CARD:
            return HttpResponseRedirect(reverse("checkout:card"))
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return reverse("checkout:thank-you")


class ThankYouView(generic.TemplateView):
    """The confirmation: every cooperative's part, and how to pay."""

    template_name = "oscar/checkout/thank_you.html"

    def get(self, request, *args, **kwargs):
        number = request.session.get(SESSION_GROUP_KEY)
        self.group = order_group_for_page(number) if number else None
        if self.group is None:
            messages.info(request, _("Your basket is waiting for you."))
            return redirect("basket:summary")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["group"] = self.group
        context["payment"] = payment_instructions(self.group)
        context["status_url"] = order_status_path(self.group)
        return context


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def stripe_csp_sources() -> dict[str, list[str]]:
    """What Stripe.js and its Payment Element need beyond the site's policy.

    Added to the Content-Security-Policy of the card step only
    (``CardPaymentView``): Stripe's script, the frames it draws the card fields
    and 3-D Secure in, and its API. Against localstripe (``STRIPE_API_BASE``,
    ``STRIPE_JS_URL``) the same directives name localstripe's address.
    https://docs.stripe.com/security/guide#content-security-policy
    """
    script = _origin(settings.STRIPE_JS_URL)
    api = (
        _origin(settings.STRIPE_API_BASE) if settings.STRIPE_API_BASE else "https://api.stripe.com"
    )
    scripts = [script]
    frames = [script]
    if script == "https://js.stripe.com":
        scripts.append("https://*.js.stripe.com")
        frames += ["https://*.js.stripe.com", "https://hooks.stripe.com"]
    return {"script-src": scripts, "frame-src": frames, "connect-src": [api]}


def _session_group(request) -> OrderGroup | None:
    number = request.session.get(SESSION_GROUP_KEY)
    return OrderGroup.objects.filter(number=number).first() if number else None


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardPaymentView(generic.TemplateView):
    """Pay the placed checkout by card with Stripe's Payment Element.

    The orders exist and their stock is held; the page confirms the
    PaymentIntent in the browser (3-D Secure included). Marking the orders
    paid waits for Stripe's webhook. ``POST action=cancel`` gives up the
    card payment: the orders are cancelled, the stock released and the
    basket reopened to pay another way.

    The page asks Stripe for the intent, so it runs outside the request's
    transaction: the group awaiting payment is already committed, and the
    intent's id is saved in a short update of its own.
    """

    template_name = "oscar/checkout/card_payment.html"

    def dispatch(self, request, *args, **kwargs):
        self.group = _session_group(request)
        if self.group is None or self.group.payment_method != OrderGroup.PaymentMethod.CARD:
            return redirect("basket:summary")
        if self.group.payment_status != OrderGroup.PaymentStatus.AWAITING:
            return redirect("checkout:thank-you")
        # Stripe's script and frames are allowed on this page, and on no other.
        return csp_update(stripe_csp_sources())(super().dispatch)(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            intent = order_group_card_intent(group=self.group)
        except PaymentError as error:
            context["error"] = str(error)
            intent = None
        context.update(
            group=self.group,
            intent=intent,
            publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_js_url=settings.STRIPE_JS_URL,
            return_url=self.request.build_absolute_uri(reverse("checkout:card-return")),
            message=self.request.GET.get("declined") and intent and intent.message,
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "cancel":
            order_group_cancel(group=self.group, reopen_basket=True)
            messages.info(request, _("The card payment is cancelled; your basket is back."))
            return redirect("basket:summary")
        return redirect("checkout:card")


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardReturnView(generic.View):
    """Where Stripe sends the shopper after the card step (3-D Secure or not).

    It only reads, and asks Stripe: outside the request's transaction.
    """

    def get(self, request, *args, **kwargs):
        group = _session_group(request)
        if group is None or not group.stripe_payment_intent:
            return redirect("basket:summary")
        try:
            intent = payment_intent_retrieve(intent_id=group.stripe_payment_intent)
        except PaymentError as error:
            messages.error(request, str(error))
            return redirect("checkout:card")
        if intent.succeeded or intent.status == "processing":
            return redirect("checkout:thank-you")
        messages.error(request, intent.message or _("The card payment did not go through."))
        return redirect("checkout:card")
