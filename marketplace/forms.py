from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.text import strip_marks
from core.uploads import CleanImageField
from core.validators import normalise_phone, validate_bank_account
from marketplace.models import AdministrativeArea, ModerationEvent, Vendor, VendorMember
from marketplace.services.accounts import account_find


class CommuneChoiceField(forms.ModelChoiceField):
    """Communes grouped by district, so the list works without JavaScript."""

    def __init__(self, **kwargs):
        queryset = (
            AdministrativeArea.objects.filter(
                level=AdministrativeArea.Level.COMMUNE, is_active=True
            )
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        super().__init__(queryset=queryset, **kwargs)

    def group_by_district(self) -> None:
        """Called per form instance (never at import: it reads the database)."""
        groups: dict[str, list] = {}
        for commune in self.queryset:
            groups.setdefault(commune.parent.name, []).append((commune.pk, commune.name))
        self.choices = [("", "---------"), *groups.items()]


def add_account_fields(form: forms.Form) -> None:
    """The fields a newcomer fills to get an account (her e-mail is her login)."""
    form.fields.setdefault("email", forms.EmailField(label=_("E-mail")))
    form.fields["contact_name"] = forms.CharField(label=_("Your name"), max_length=150)
    form.fields["password1"] = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, strip=False
    )
    form.fields["password2"] = forms.CharField(
        label=_("Repeat the password"), widget=forms.PasswordInput, strip=False
    )


def clean_account_fields(form: forms.Form, cleaned: dict, *, refuse_known: bool = True) -> None:
    """``refuse_known=False`` where the page must not tell whether an address has an account."""
    email = (cleaned.get("email") or "").strip()
    if refuse_known and email and account_find(email=email) is not None:
        form.add_error("email", _("An account with this e-mail exists: sign in first."))
    p1, p2 = cleaned.get("password1"), cleaned.get("password2")
    if p1 and p1 != p2:
        form.add_error("password2", _("The two passwords differ."))
    elif p1:
        try:
            password_validation.validate_password(p1)
        except forms.ValidationError as error:
            form.add_error("password1", error)


class NewAccountForm(forms.Form):
    """An account for someone who accepts an invitation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_account_fields(self)

    def clean(self):
        cleaned = super().clean()
        clean_account_fields(self, cleaned)
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("or phone"),
        required=False,
        max_length=20,
        help_text=_("No e-mail? We show you a link to send her on Zalo."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (VendorMember.Role.MANAGER, VendorMember.Role.MANAGER.label),
            (VendorMember.Role.STAFF, VendorMember.Role.STAFF.label),
        ],
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        return normalise_phone(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(_("Give an e-mail address or a phone number."))
        return cleaned


class VendorApplicationForm(forms.Form):
    """What a business tells the Union when it asks to sell here."""

    name = forms.CharField(label=_("Name of the business or cooperative"), max_length=128)
    kind = forms.ChoiceField(label=_("Kind"), choices=Vendor.Kind.choices)
    commune = CommuneChoiceField(label=_("Commune"))
    address = forms.CharField(label=_("Address"), max_length=255)
    phone = forms.CharField(
        label=_("Phone"), max_length=20, help_text=_("For example 0912 345 678.")
    )
    email = forms.EmailField(label=_("E-mail"))
    story = forms.CharField(
        label=_("Tell us about your products and the women who make them"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )
    photo = CleanImageField(
        label=_("A photo of your products or workshop"),
        help_text=_("JPEG, PNG or WebP, at most 8 MB."),
    )
    language = forms.ChoiceField(
        label=_("Language for our messages"),
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["commune"].group_by_district()
        self.fields["language"].initial = (get_language() or "vi")[:2]
        if user is None or not user.is_authenticated:
            add_account_fields(self)
        else:
            self.fields["email"].initial = user.email

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data["phone"])

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if Vendor.objects.filter(partner__name__iexact=name).exists():
            raise forms.ValidationError(
                _("A business with this name is already registered."), code="duplicate"
            )
        return name

    def clean(self):
        cleaned = super().clean()
        if "password1" in self.fields:
            # A known address is answered by e-mail, not on the page (services/accounts.py).
            clean_account_fields(self, cleaned, refuse_known=False)
        return cleaned


class VendorFilterForm(forms.Form):
    """The filters of /cooperatives/; bad values are ignored, never an error page."""

    district = forms.SlugField(required=False)
    commune = forms.SlugField(required=False)
    kind = forms.ChoiceField(
        required=False, choices=[("", _("All kinds")), *Vendor.Kind.choices], label=_("Kind")
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        district = commune = None
        if data.get("district"):
            district = AdministrativeArea.objects.filter(
                level=AdministrativeArea.Level.DISTRICT, slug=data["district"]
            ).first()
        if district is not None and data.get("commune"):
            commune = district.children.filter(slug=data["commune"]).first()
        return {"district": district, "commune": commune, "kind": data.get("kind") or ""}


class VendorDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (a, a.label)
            for a in (
                ModerationEvent.Action.VENDOR_APPROVED,
                ModerationEvent.Action.VENDOR_REJECTED,
                ModerationEvent.Action.VENDOR_SUSPENDED,
                ModerationEvent.Action.VENDOR_REINSTATED,
            )
        ]
    )
    reason = forms.CharField(
        label=_("Reason (the vendor reads it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationEventFilterForm(forms.Form):
    action = forms.ChoiceField(
        required=False, choices=[("", _("All decisions")), *ModerationEvent.Action.choices]
    )
    vendor = forms.SlugField(required=False, label=_("Vendor (slug)"))
    actor = forms.CharField(required=False, max_length=150, label=_("By"))

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "action": data.get("action") or "",
            "vendor_slug": data.get("vendor") or "",
            "actor": data.get("actor") or "",
        }


class ListingDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (the vendor reads it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VendorProfileForm(forms.ModelForm):
    """What the owner or a manager keeps up to date about her vendor."""

    phone = forms.CharField(
        label=_("Phone"), required=False, max_length=20, help_text=_("For example 0912 345 678.")
    )

    class Meta:
        model = Vendor
        fields = [
            "address",
            "phone",
            "email",
            "story",
            "logo",
            "cover_image",
            "year_founded",
            "women_members",
            "bank_name",
            "bank_account_number",
            "bank_account_holder",
            "shipping_fee",
            "free_shipping_from",
            "shipping_fee_elsewhere",
            "free_shipping_from_elsewhere",
            "language",
        ]
        widgets = {"story": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"logo": CleanImageField, "cover_image": CleanImageField}
        help_texts = {
            "bank_account_holder": _("As printed by the bank, without accents: NGUYEN THI LAN."),
        }

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        return normalise_phone(phone) if phone else ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # People type "1234 5678 9012": spaces go first, then the digits are checked.
        self.fields["bank_account_number"].validators = []

    def clean_bank_account_number(self) -> str:
        number = "".join(self.cleaned_data["bank_account_number"].split())
        if number:
            validate_bank_account(number)
        return number

    def clean_bank_account_holder(self) -> str:
        return strip_marks(self.cleaned_data["bank_account_holder"]).upper().strip()
