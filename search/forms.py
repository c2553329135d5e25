from django import forms
from django.utils.translation import gettext_lazy as _

from search.database import SORT_CHOICES
from search.facets import OCOP_STARS, PRICE_BAND_KEYS, SearchFilters


class SearchInput(forms.TextInput):
    input_type = "search"


class QueryField(forms.CharField):
    """Keeps the first ``max_chars`` characters of an over-long query instead of rejecting it.

    A pasted paragraph still searches for its start, rather than silently
    showing every product.
    """

    def __init__(self, *, max_chars: int, **kwargs):
        self.max_chars = max_chars
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value)[: self.max_chars].strip()

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": str(self.max_chars)}


class SearchForm(forms.Form):
    """The search box in the header and the refine form on result pages.

    Every field is optional and bad values fall back to defaults, so a
    hand-edited URL never errors.
    """

    q = QueryField(
        required=False,
        max_chars=200,
        label=_("Search"),
        widget=SearchInput(
            attrs={
                "placeholder": _("Search local products, e.g. com chay"),
                "class": "form-control",
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
    )
    category = forms.SlugField(required=False, max_length=255, widget=forms.HiddenInput)
    district = forms.RegexField(regex=r"^\d{1,10}$", required=False, widget=forms.HiddenInput)
    commune = forms.RegexField(regex=r"^\d{1,10}$", required=False, widget=forms.HiddenInput)
    kind = forms.SlugField(required=False, max_length=20, widget=forms.HiddenInput)
    ocop = forms.ChoiceField(
        required=False, choices=[(stars, stars) for stars in OCOP_STARS], widget=forms.HiddenInput
    )
    price = forms.ChoiceField(
        required=False, choices=[(key, key) for key in PRICE_BAND_KEYS], widget=forms.HiddenInput
    )
    in_stock = forms.BooleanField(required=False, widget=forms.HiddenInput)
    sort_by = forms.ChoiceField(
        required=False,
        label=_("Sort by"),
        choices=SORT_CHOICES,
        widget=forms.Select(attrs={"class": "form-control", "data-autosubmit": ""}),
    )

    def cleaned(self) -> dict:
        """Valid values, with invalid ones dropped instead of raising."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": (data.get("q") or "").strip(),
            "category": data.get("category") or "",
            "sort_by": data.get("sort_by") or "",
            "filters": SearchFilters(
                district=data.get("district") or "",
                commune=data.get("commune") or "",
                kind=data.get("kind") or "",
                ocop=data.get("ocop") or "",
                price=data.get("price") or "",
                in_stock=bool(data.get("in_stock")),
            ),
        }


# Oscar's catalogue views ask the search app for these by name.
BrowseCategoryForm = SearchForm
CategoryForm = SearchForm
