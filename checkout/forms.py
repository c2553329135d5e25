"""Checkout forms: a gateway that tells no one who has an account, a Vietnamese delivery
address and the choice of payment."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm
from oscar.core.loading import get_model

from core.validators import normalise_mobile
from marketplace.models import OrderGroup
from shipping import destinations

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


class WardChoiceField(forms.TypedChoiceField):
    """The wards of the chosen province; whether the ward lies in it is the form's check,
    so a ward of another province is refused with a message that says why."""

    def valid_value(self, value) -> bool:
        return True


class ShippingAddressForm(OscarShippingAddressForm):
    """Name, mobile phone, province, ward or commune, and street: anywhere in Vietnam.

    The units are today's (shipping/destinations.py): province or city, then
    ward or commune, as the post office writes them since July 2025. Their
    names fill Oscar's address lines (line3 the ward, state the province), so
    every Oscar page shows the full address, and an address keeps reading as
    written after a data upgrade merges its unit away.

    Without JavaScript the ward list is the chosen province's once the form is
    sent (``choose_province`` does only that); site.js fills it at once and
    adds type-ahead that ignores accents, from ``checkout:delivery-areas``.
    """

    province = forms.TypedChoiceField(
        label=_("Province / city"),
        coerce=int,
        error_messages={"required": _("Choose your province or city.")},
    )
    ward = WardChoiceField(
        label=_("Ward / commune"),
        coerce=int,
        error_messages={"required": _("Choose your ward or commune.")},
    )

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
        self.fields["phone_number"].help_text = _("A Vietnamese mobile number, e.g. 0912 345 678.")
        self.fields["line1"].required = True
        self.order_fields(["first_name", "phone_number", "province", "ward", "line1", "notes"])
        if not self.is_bound:
            self._initial_units_from_names()
        province_code = self._province_code()
        self.fields["province"].choices = [("", _("Choose your province or city"))] + [
            (unit.code, unit.name) for unit in destinations.provinces()
        ]
        ward_units = destinations.wards(province_code)
        self.fields["ward"].choices = [
            ("", _("Choose your ward or commune") if ward_units else _("Choose the province first"))
        ] + [(unit.code, unit.name) for unit in ward_units]
        url = reverse("checkout:delivery-areas")
        self.fields["province"].widget.attrs.update(
            {
                "data-delivery-province": url,
                "data-filter-label": _("Find your province or city: type its name"),
            }
        )
        self.fields["ward"].widget.attrs.update(
            {
                "data-delivery-ward": "",
                "data-filter-label": _("Find your ward or commune: type its name"),
                "data-empty-label": _("Choose your ward or commune"),
                "data-none-label": _("No ward or commune has this name"),
            }
        )

    def _initial_units_from_names(self) -> None:
        """An address from the session or the address book, written with names."""
        initial = {**self.initial}
        state = initial.get("state") or getattr(self.instance, "state", "")
        line3 = initial.get("line3") or getattr(self.instance, "line3", "")
        province = destinations.province_by_name(state) if state else None
        if province is None or "province" in initial:
            return
        self.initial["province"] = province.code
        ward = destinations.ward_by_name(province.code, line3) if line3 else None
        if ward is not None:
            self.initial["ward"] = ward.code

    def _province_code(self):
        if self.is_bound:
            return self.data.get(self.add_prefix("province"))
        return self.initial.get("province")

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
        province = destinations.province_get(cleaned.get("province"))
        ward_code = cleaned.get("ward")
        if province is not None and ward_code not in (None, ""):
            ward = destinations.ward_get(province.code, ward_code)
            if ward is None:
                self.add_error(
                    "ward",
                    _(
                        "This ward or commune is not in %(province)s: choose one from the list "
                        "of %(province)s."
                    )
                    % {"province": province.name},
                )
            else:
                cleaned["ward_unit"] = ward
        cleaned["province_unit"] = province
        return cleaned

    def clean_phone_number(self):
        raw = self.data.get(self.add_prefix("phone_number"), "")
        try:
            local = normalise_mobile(str(raw))
        except ValidationError as error:
            raise ValidationError(error.messages) from error
        return f"+84{local[1:]}"

    def _post_clean(self):
        super()._post_clean()
        province = self.cleaned_data.get("province_unit")
        ward = self.cleaned_data.get("ward_unit")
        if province is not None and ward is not None:
            self.instance.line3 = ward.name
            self.instance.line4 = ""
            self.instance.state = province.name


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
