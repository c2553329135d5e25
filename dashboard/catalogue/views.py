"""Oscar's product editor, with members' changes to approved products held for review.

Named like Oscar's views, they answer Oscar's URLs with Oscar's permission
checks (dashboard/catalogue/apps.py).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateRedirectView as OscarProductCreateRedirectView,
)
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateUpdateView as OscarProductCreateUpdateView,
)
from oscar.apps.dashboard.catalogue.views import ProductLookupView as OscarProductLookupView
from oscar.core.loading import get_class, get_model

from catalog.models import LOCAL_PRODUCT_FIELDS
from catalog.qr import trace_qr_png
from core.uploads import CleanImageField
from dashboard.access import is_dashboard_member
from dashboard.product_images import CleanProductImageFormSet
from marketplace.models import AdministrativeArea
from marketplace.permissions import member_vendor
from marketplace.selectors import product_vendor, vendor_products_all
from marketplace.services.listings import (
    listing_create_on_behalf,
    listing_hold_changes,
    listing_needs_review,
    listing_public_snapshot,
)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
OscarProductForm = get_class("dashboard.catalogue.forms", "ProductForm")

LOCAL_FIELDS = list(LOCAL_PRODUCT_FIELDS)


class DateInput(forms.DateInput):
    """The browser's date picker; it posts ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class LocalProductForm(OscarProductForm):
    """Oscar's product form with the facts a buyer of local products asks about.

    The OCOP certificate rules are the model's (``Product.clean``): the form
    shows their messages beside the fields, like any model validation.
    """

    class Meta(OscarProductForm.Meta):
        fields = [*OscarProductForm.Meta.fields, *LOCAL_FIELDS]
        widgets = {
            **OscarProductForm.Meta.widgets,
            "materials": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
            "ocop_issued_on": DateInput(),
            "ocop_expires_on": DateInput(),
        }
        field_classes = {"ocop_certificate_image": CleanImageField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "origin_commune" in self.fields:
            self.fields["origin_commune"].queryset = AdministrativeArea.objects.filter(
                level=AdministrativeArea.Level.COMMUNE, is_active=True
            ).select_related("parent")
            self.fields["origin_commune"].label_from_instance = _commune_label

    def delete_non_child_fields(self):
        # A variant shares its parent's origin, maker and certificate.
        super().delete_non_child_fields()
        for name in LOCAL_FIELDS:
            self.fields.pop(name, None)


def _commune_label(area: AdministrativeArea) -> str:
    return f"{area.name} ({area.parent.name})" if area.parent_id else area.name


class ProductCreateUpdateView(OscarProductCreateUpdateView):
    """Oscar's editor: a member's changes to an approved product wait for review."""

    form_class = LocalProductForm
    image_formset = CleanProductImageFormSet

    def dispatch(self, request, *args, **kwargs):
        # A member opening Oscar's editor gets her own form (dashboard/member_products.py).
        if request.method == "GET" and is_dashboard_member(request.user):
            return redirect(self.member_form_url())
        # Oscar's "Upselling" picker lists every cooperative's products (through
        # the product lookup, which is staff's) and links them unreviewed: not hers.
        if is_dashboard_member(request.user):
            self.formsets = {
                name: formset
                for name, formset in self.formsets.items()
                if name != "recommended_formset"
            }
        return super().dispatch(request, *args, **kwargs)

    def member_form_url(self) -> str:
        """Her form for her product at this address (its parent's for a variant), or a new one.

        Another cooperative's product, or none, is the 404 her form would answer.
        """
        pk = self.kwargs.get("pk")
        if pk is None:
            get_object_or_404(ProductClass, slug=self.kwargs.get("product_class_slug"))
            return reverse("marketplace:dashboard-member-product-create")
        product = Product.objects.filter(pk=pk).only("parent_id").first()
        target = (product.parent_id or product.pk) if product else None
        vendor = member_vendor(self.request.user)
        if vendor is None or not vendor_products_all(vendor).filter(pk=target).exists():
            raise Http404
        return reverse("marketplace:dashboard-member-product-update", kwargs={"pk": target})

    def get_success_url(self):
        """After "Save", a member goes back to her listings, where she sends it for review."""
        url = super().get_success_url()
        saved_and_left = self.request.POST.get("action") not in {
            "continue",
            "create-child",
            "create-another-child",
        }
        user = self.request.user
        if saved_and_left and not user.is_staff and member_vendor(user) is not None:
            return reverse("marketplace:dashboard-member-listings")
        return url

    def forms_valid(self, form, formsets):
        user = self.request.user
        if self.creating:
            response = super().forms_valid(form, formsets)
            if user.has_perm("marketplace.change_listing") and product_vendor(self.object):
                listing_create_on_behalf(product=self.object, actor=user)
            return response
        # A variant is sold under its parent's listing: its edit waits with the parent's.
        listed = self.object.parent if self.object.is_child else self.object
        if not listing_needs_review(product=listed, user=user):
            return super().forms_valid(form, formsets)
        before = listing_public_snapshot(product=listed)
        response = super().forms_valid(form, formsets)
        if listing_hold_changes(product=listed, before=before, actor=user):
            messages.info(
                self.request,
                _(
                    "Your changes wait for the Union's review. Shoppers see the approved "
                    "version until then."
                ),
            )
        return response


class ProductCreateRedirectView(OscarProductCreateRedirectView):
    """Oscar's "choose a product type" step; a member has no type to choose: her own form."""

    def get_redirect_url(self, *args, **kwargs):
        if is_dashboard_member(self.request.user):
            return reverse("marketplace:dashboard-member-product-create")
        return super().get_redirect_url(*args, **kwargs)


def _positive_int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else default


class ProductLookupView(OscarProductLookupView):
    """Oscar's product lookup (staff only, see dashboard/access.py) without its 500s.

    Oscar's ``int()`` of ``?page=abc`` and its ``?initial=abc`` filter failed with
    a server error; a page that is not a positive number is the first page, and
    ids that are not numbers are ignored.
    """

    max_page_limit = 100

    def get_args(self):
        query = self.request.GET
        return (
            query.get("initial"),
            query.get("q"),
            _positive_int(query.get("page"), 1),
            min(_positive_int(query.get("page_limit"), 20), self.max_page_limit),
        )

    def initial_filter(self, qs, value):
        return qs.filter(pk__in=[pk for pk in value.split(",") if pk.isdigit()])


class ProductQrDownloadView(View):
    """The PNG of a product's traceability QR code, for her labels: her vendor's products only."""

    def get(self, request, pk: int):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        vendor = member_vendor(request.user)
        if vendor is None:
            raise PermissionDenied
        product = get_object_or_404(
            Product.objects.filter(stockrecords__partner=vendor.partner_id).distinct(), pk=pk
        )
        response = HttpResponse(trace_qr_png(product), content_type="image/png")
        response["Content-Disposition"] = f'attachment; filename="qr-{product.trace_code}.png"'
        return response
