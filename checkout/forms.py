"""Checkout forms: a gateway that tells no one who has an account, a Vietnamese delivery
address and the choice of payment."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm
from oscar.core.loading import get_model

from core.validators import normalise_phone
from marketplace.models import AdministrativeArea, OrderGroup

Country = get_model("address", "Country")


class PasswordForReturningCustomerInput(forms.PasswordInput):
    """A password box without the HTML ``required``: only a returning customer fills it.

    Oscar's JavaScript disables the box for a guest; without JavaScript a
    ``required`` box would stop the browser from sending a guest's form at
    all. The form still asks a returning customer for her password.
    """

    def use_required_attribute(self, initial) -> bool:
        return False


class GatewayForm(OscarGatewayForm):
    """The checkout's first page, answering the same whether the e-mail has an account.

    Oscar's says "A user with that email address already exists" to a guest
    or a new customer. Here a guest goes on with any e-mail (her order is a
    guest's order, as for anyone), and a new customer goes on to the
    registration, which answers the same for a known and a new address.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields["password"]
        password.widget = PasswordForReturningCustomerInput(attrs=password.widget.attrs)

    def clean(self):
        if self.is_guest_checkout() or self.is_new_account_checkout():
            self.errors.pop("password", None)
            return self.cleaned_data
        return super().clean()


class CommuneChoiceField(forms.ModelChoiceField):
    """Active communes grouped under their district, as the post office writes them."""

    def __init__(self, **kwargs):
        queryset = (
            AdministrativeArea.objects.filter(
                level=AdministrativeArea.Level.COMMUNE, is_active=True
            )
            .select_related("parent__parent")
            .order_by("parent__name", "name")
        )
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj) -> str:
        return f"{obj.name}, {obj.parent.name}" if obj.parent else obj.name


class ShippingAddressForm(OscarShippingAddressForm):
    """Name, phone, commune (from the area tree) and street: nothing a shopper here lacks.

    The commune fills Oscar's address lines: line3 commune, line4 district,
    state province, so every Oscar page shows the full address.
    """

    commune = CommuneChoiceField(label=_("Commune / ward"), empty_label=_("Choose your commune"))

    class Meta(OscarShippingAddressForm.Meta):
        fields = ["first_name", "phone_number", "line1", "notes"]
        labels = {
            "first_name": _("Full name"),
            "line1": _("House number, street, hamlet"),
            "notes": _("Notes for the delivery"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = _("A Vietnamese number, e.g. 0912 345 678.")
        self.fields["line1"].required = True
        self.order_fields(["first_name", "phone_number", "commune", "line1", "notes"])
        if self.instance and self.instance.line3 and not self.is_bound:
            match = (
                self.fields["commune"]
                .queryset.filter(name=self.instance.line3, parent__name=self.instance.line4)
                .first()
            )
            if match is not None:
                self.initial["commune"] = match.pk

    def adjust_country_field(self):
        """Delivery is within Viet Nam: no country field, whatever the country table holds."""
        shipping = Country._default_manager.filter(is_shipping_country=True)
        country = shipping.filter(iso_3166_1_a2="VN").first() or shipping.first()
        if country is not None:
            self.instance.country = country

    def clean(self):
        cleaned = super().clean()
        if not getattr(self.instance, "country_id", None):
            raise ValidationError(_("Delivery is not set up yet; please try again later."))
        return cleaned

    def clean_phone_number(self):
        raw = self.data.get(self.add_prefix("phone_number"), "")
        try:
            local = normalise_phone(str(raw))
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return f"+84{local[1:]}"

    def _post_clean(self):
        super()._post_clean()
        commune = self.cleaned_data.get("commune")
        if commune is not None:
            self.instance.line3 = commune.name
            self.instance.line4 = commune.parent.name if commune.parent else ""
            province = commune.parent.parent if commune.parent else None
            self.instance.state = province.name if province else ""


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How will you pay?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a payment method.")},
    )

    HELP = {
        OrderGroup.PaymentMethod.CASH: _("Pay each cooperative in cash when its parcel arrives."),
        OrderGroup.PaymentMethod.BANK_TRANSFER: _(
            "Scan a VietQR code with your banking app; the cooperatives prepare your order "
            "once the transfer is received."
        ),
        OrderGroup.PaymentMethod.CARD: _("Visa, Mastercard or JCB, paid securely through Stripe."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [
            (value, label)
            for value, label in OrderGroup.PaymentMethod.choices
            if method_available(value)
        ]
        self.fields["method"].initial = OrderGroup.PaymentMethod.CASH


def method_available(method: str) -> bool:
    """Card needs Stripe keys; a transfer needs the Union's bank account."""
    if method == OrderGroup.PaymentMethod.CARD:
        return bool(settings.STRIPE_SECRET_KEY)
    if method == OrderGroup.PaymentMethod.BANK_TRANSFER:
        return bool(settings.VIETQR_ACCOUNT_NUMBER and settings.VIETQR_BANK_BIN)
    return method in OrderGroup.PaymentMethod.values
