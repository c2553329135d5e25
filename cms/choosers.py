"""Admin choosers: editors pick products and cooperatives the public can actually see.

Products come from ``products_for_sale()`` so an unapproved listing or a
suspended vendor's product cannot be placed in a story or a collection; what
was chosen earlier and later hidden still drops out when the page renders.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.text import folded_filter
from marketplace.selectors import products_for_sale, vendors_public


class TitleSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )
    search_field = "title"

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            # Editors type without marks: "hop coi dung tra" finds "Hộp cói đựng trà".
            objects = folded_filter(objects, query, self.search_field)
            self.is_searching = True
            self.search_query = query
        return objects


class VendorSearchForm(TitleSearchForm):
    search_field = "partner__name"


class FilteredChooserViewSet(ChooserViewSet):
    filter_form_class = TitleSearchForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(filter_form_class=self.filter_form_class, **kwargs)


class ProductChooserViewSet(FilteredChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit product")
    per_page = 20

    def get_object_list(self):
        return products_for_sale().order_by("title", "pk")


class VendorChooserViewSet(FilteredChooserViewSet):
    filter_form_class = VendorSearchForm
    model = "marketplace.Vendor"
    icon = "group"
    choose_one_text = _("Choose a cooperative")
    choose_another_text = _("Choose another cooperative")
    edit_item_text = _("Edit cooperative")
    per_page = 20

    def get_object_list(self):
        return vendors_public()


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="choose/product")
vendor_chooser_viewset = VendorChooserViewSet("vendor_chooser", url_prefix="choose/vendor")
ProductChooserWidget = product_chooser_viewset.widget_class
VendorChooserWidget = vendor_chooser_viewset.widget_class
