"""The member's own product form: one column, her words, no Oscar jargon.

Union staff keep Oscar's full editor (``dashboard/catalogue/views.py``); a
cooperative member writes here. Prices are whole dong as she writes them
("120.000"), photos come from the phone's camera or gallery, several at
once, and go through the same cleaning as every other upload
(``core.uploads``); the description is a little HTML that the sanitiser keeps
(``core.sanitise.rich_text``, applied again by ``Product.save``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalog.models import LOCAL_PRODUCT_FIELDS
from core.sanitise import rich_text
from core.uploads import CleanImageField
from marketplace.models import AdministrativeArea

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

MAX_PHOTOS = 8  # what a product page shows (catalog/views.py GALLERY_SIZE)
MAX_PRICE = Decimal(1_000_000_000)

# "120000", "120.000", "120 000", "1,200,000", with or without "đ" or "VND".
_GROUPED = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")
_CURRENCY = re.compile(r"(?:đồng|đ|₫|vnđ|vnd|dong)$", re.IGNORECASE)


def dong_parse(text: str) -> Decimal | None:
    """Whole dong from what a person types, or None when it is not a whole number of dong."""
    text = _CURRENCY.sub("", (text or "").strip().replace("\u00a0", " ")).strip()
    if text.isdigit():
        return Decimal(text)
    if _GROUPED.match(text):
        return Decimal(re.sub(r"\D", "", text))
    return None


def dong_format(value) -> str:
    """120000 -> "120.000", as prices are written in Vietnam."""
    return f"{int(value):,}".replace(",", ".")


class DongField(forms.CharField):
    """A price in whole dong: "120.000" is a hundred and twenty thousand."""

    default_error_messages = {
        "invalid": _("Write the price in whole dong, for example 120.000."),
        "too_small": _("The price must be more than 0 dong."),
        "too_large": _("The price is too large."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (int, Decimal)):
            return dong_format(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        amount = dong_parse(value) if len(value) <= 20 else None
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if amount <= 0:
            raise ValidationError(self.error_messages["too_small"], code="too_small")
        if amount > MAX_PRICE:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        return amount


class PhonePhotosInput(forms.FileInput):
    """Several pictures at once; a phone offers its camera or its gallery."""

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/*", "multiple": True, **(attrs or {})})


class PhotosField(forms.FileField):
    """New photos, each cleaned like every upload (``core.uploads``); a list, maybe empty."""

    widget = PhonePhotosInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        one = CleanImageField(required=False)
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(one.clean(upload))
            except ValidationError as error:
                name = escape(getattr(upload, "name", "") or "")
                errors += [f"{name}: {message}" for message in error.messages]
        if errors:
            raise ValidationError(errors)
        return cleaned


class DateInput(forms.DateInput):
    """The browser's date picker; it posts ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def description_to_html(text: str) -> str:
    """Her text as the sanitiser's HTML: blank lines make paragraphs, lines make line breaks.

    A block she marked up herself (a list, a paragraph) is kept as she wrote it.
    """
    blocks = [block.strip() for block in re.split(r"\n\s*\n", (text or "").strip())]
    html = []
    for block in filter(None, blocks):
        if re.match(r"<(ul|ol|p|h[2-6]|blockquote)\b", block, re.IGNORECASE):
            html.append(block)
        else:
            html.append("<p>" + "<br>".join(block.splitlines()) + "</p>")
    return rich_text("\n".join(html))


def description_for_editing(html: str) -> str:
    """The stored HTML as she edits it: paragraphs as blank lines, without ``<p>`` tags."""
    text = re.sub(r"<br\s*/?>", "\n", html or "", flags=re.IGNORECASE)
    text = re.sub(r"</p>\s*", "\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>", "", text, flags=re.IGNORECASE)
    return text.strip()


def _category_choices() -> list:
    """Categories as the shop shows them: each top category a group of its sub-categories."""
    categories = list(Category.objects.order_by("path"))
    children: dict[str, list] = {}
    for category in categories:
        if category.depth > 1:
            children.setdefault(category.path[: Category.steplen], []).append(category)
    choices: list = [("", _("Choose a category"))]
    for top in (c for c in categories if c.depth == 1):
        subs = children.get(top.path)
        if subs:
            choices.append((top.display_name, [(c.pk, c.display_name) for c in subs]))
        else:
            choices.append((top.pk, top.display_name))
    return choices


def _commune_choices() -> list:
    """Active communes, grouped by the district (or province) they belong to."""
    communes = AdministrativeArea.objects.filter(
        level=AdministrativeArea.Level.COMMUNE, is_active=True
    ).select_related("parent")
    groups: dict[str, list] = {}
    for commune in communes.order_by("parent__name", "name"):
        groups.setdefault(commune.parent.name if commune.parent_id else "", []).append(
            (commune.pk, commune.name)
        )
    return [("", _("Choose the commune"))] + [
        (group, options) if group else options[0] for group, options in groups.items()
    ]


class MemberProductForm(forms.ModelForm):
    """Her product: what a buyer reads, its price and stock, and the photos."""

    photos = PhotosField(
        label=_("Add photos"),
        help_text=_(
            "Take photos with your phone or choose them from its gallery; you can pick several. "
            "The first photo is the cover."
        ),
    )
    price = DongField(
        label=_("Price (dong)"),
        required=False,
        help_text=_("Whole dong, for example 120.000."),
    )
    num_in_stock = forms.IntegerField(
        label=_("Quantity in stock"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    category = forms.TypedChoiceField(label=_("Category"), coerce=int, choices=())

    class Meta:
        model = Product
        fields = ["title", "description", *LOCAL_PRODUCT_FIELDS]
        labels = {
            "title": _("Product name"),
            "description": _("About the product"),
            "origin_commune": _("Commune where it is made"),
            "maker": _("Made by"),
            "materials": _("Materials or ingredients"),
            "size": _("Weight or size"),
            "shelf_life": _("Shelf life"),
            "ocop_stars": _("Stars on the OCOP certificate"),
            "ocop_certificate_number": _("Certificate number"),
            "ocop_issued_on": _("Certificate issued on"),
            "ocop_expires_on": _("Certificate valid until"),
            "ocop_certificate_image": _("Photo of the OCOP certificate"),
        }
        help_texts = {
            "description": _(
                "What it is, how it is made, how to use it. Leave an empty line between paragraphs."
            ),
            "maker": _("Choose a member of your cooperative or write a name."),
            "origin_commune": "",
            "materials": _("For example: sedge, natural dye."),
            "size": _("For example: 500 g, or 30 × 40 cm."),
            "shelf_life": _("For food: for example 6 months."),
            "ocop_stars": _("Only if the product has an OCOP certificate."),
            "ocop_certificate_image": "",
        }
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "materials": forms.Textarea(attrs={"rows": 2}),
            "maker": forms.TextInput(attrs={"list": "maker-names", "autocomplete": "off"}),
            "ocop_issued_on": DateInput(),
            "ocop_expires_on": DateInput(),
        }
        field_classes = {"ocop_certificate_image": CleanImageField}

    def __init__(self, *args, stockrecord=None, category=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Product name")
        self.fields["title"].required = True  # Oscar leaves it blank for variants only
        self.fields["category"].choices = _category_choices()
        self.fields["origin_commune"].choices = _commune_choices()
        self.fields["ocop_stars"].choices = [("", _("No OCOP certificate"))] + [
            (stars, _("%(stars)s stars") % {"stars": stars}) for stars in (3, 4, 5)
        ]
        self.fields["ocop_stars"].widget.choices = self.fields["ocop_stars"].choices
        if not self.is_bound:
            self.initial["description"] = description_for_editing(self.instance.description)
            if category is not None:
                self.initial["category"] = category.pk
            if stockrecord is not None:
                self.initial["price"] = stockrecord.price
                self.initial["num_in_stock"] = stockrecord.num_in_stock

    def clean_description(self) -> str:
        return description_to_html(self.cleaned_data.get("description", ""))

    def clean_category(self):
        category = Category.objects.filter(pk=self.cleaned_data["category"]).first()
        if category is None:
            raise ValidationError(_("Choose a category."))
        return category


class VariantForm(forms.Form):
    """One size or weight of the product, with its own price and stock."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name (size, weight)"),
        max_length=128,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    price = DongField(label=_("Price (dong)"), required=False)
    stock = forms.IntegerField(
        label=_("How many in stock"),
        required=False,
        min_value=0,
        max_value=1_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        filled = data.get("name") or data.get("price") is not None or data.get("stock") is not None
        if not filled:
            return data
        if not (data.get("name") or "").strip():
            self.add_error("name", _("Give this kind a name, for example 500 g."))
        if data.get("price") is None:
            self.add_error("price", _("Give its price."))
        if data.get("stock") is None:
            self.add_error("stock", _("Give how many are in stock."))
        return data

    @property
    def is_filled(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return bool((data.get("name") or "").strip()) and not data.get("DELETE")


class BaseVariantFormSet(forms.BaseFormSet):
    pass


VariantFormSet = forms.formset_factory(
    VariantForm, formset=BaseVariantFormSet, extra=2, can_delete=True, max_num=20
)
