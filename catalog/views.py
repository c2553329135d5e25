from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from catalog.qr import trace_qr_svg, trace_url
from cms.selectors import vendor_story
from marketplace.permissions import can_preview_product
from marketplace.selectors import (
    product_cards,
    product_related,
    product_vendor_public,
    products_for_sale,
)

GALLERY_SIZE = 8  # pictures on a product page: enough to see it, light on a phone


class ProductDetailView(OscarProductDetailView):
    """A product page exists only for products for sale.

    Union staff and the selling vendor's members may preview the others
    (a waiting or rejected listing, a suspended vendor). Anyone else gets the
    same 404 as for a product that does not exist, whatever the address.
    """

    def is_viewable(self, product, request):
        if getattr(self, "_viewable", None) is None:  # asked twice per request: one query
            canonical = product.parent if product.is_child else product
            self._for_sale = (
                product.is_public and products_for_sale().filter(pk=canonical.pk).exists()
            )
            self._viewable = self._for_sale or can_preview_product(request.user, canonical)
        return self._viewable

    def redirect_if_necessary(self, current_path, product):
        # Oscar sends any slug to the product's own address before asking who may
        # see it: a made-up slug revealed a hidden product's name. Only its own slug
        # opens a product page.
        if not self.is_viewable(product, self.request):
            raise Http404
        if self.kwargs.get("product_slug") != product.slug:
            raise Http404
        return super().redirect_if_necessary(current_path, product)

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        queryset = (queryset or self.get_queryset()).select_related(
            "product_class", "parent", "origin_commune__parent"
        )
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        canonical = product.parent if product.is_child else product
        vendor = product_vendor_public(canonical)
        context.update(
            vendor=vendor,
            variants=product_cards(canonical.children.public()) if canonical.is_parent else [],
            images=list(product.get_all_images()[:GALLERY_SIZE]),
            related_products=product_cards(product_related(canonical, vendor=vendor))[:8],
            trace_url=trace_url(canonical),
            trace_qr=trace_qr_svg(canonical, title=_("QR code of the traceability page")),
            # Its member or Union staff previewing a product shoppers cannot see.
            preview=self.is_viewable(product, self.request) and not self._for_sale,
        )
        return context


class TraceView(TemplateView):
    """The public traceability page a label's QR code opens: who made it, where, certified how."""

    template_name = "catalog/trace.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = (
            products_for_sale()
            .select_related("origin_commune__parent")
            .filter(trace_code=self.kwargs["code"].upper())
            .first()
        )
        if product is None:
            raise Http404(_("No product for sale has this traceability code."))
        vendor = product_vendor_public(product)
        context.update(
            product=product,
            vendor=vendor,
            story=vendor_story(vendor) if vendor else None,
            ocop_stars=product.ocop_stars_current,
            trace_crumbs=[
                (product.get_absolute_url(), product.get_title()),
                ("", _("Traceability")),
            ],
        )
        return context
