from django import forms
from django.utils.translation import gettext_lazy as _

from search.database import SORT_CHOICES


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(forms.Form):
    """The search box in the header and the refine form on result pages.

    Every field is optional and bad values fall back to defaults, so a
    hand-edited URL never errors.
    """

    q = forms.CharField(
        required=False,
        max_length=200,
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
    sort_by = forms.ChoiceField(
        required=False,
        label=_("Sort by"),
        choices=SORT_CHOICES,
        widget=forms.Select(attrs={"class": "form-control", "onchange": "this.form.submit()"}),
    )

    def cleaned(self) -> dict:
        """Valid values, with invalid ones dropped instead of raising."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": (data.get("q") or "").strip(),
            "category": data.get("category") or "",
            "sort_by": data.get("sort_by") or "",
        }


# Oscar's catalogue views ask the search app for these by name.
BrowseCategoryForm = SearchForm
CategoryForm = SearchForm
