import functools

from django.db import transaction
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from catalog.qr import trace_qr_svg, trace_url
from cms.selectors import vendor_story
from marketplace.permissions import can_preview_product
from marketplace.selectors import (
    product_and_variant_ids,
    product_cards,
    product_is_for_sale,
    product_related,
    product_vendor_public,
    products_for_sale,
)

StockRecord = get_model("partner", "StockRecord")

GALLERY_SIZE = 8  # pictures on a product page: enough to see it, light on a phone


# It only reads (its view counts are written after the page, catalog/analytics.py):
# no transaction, so no BEGIN and COMMIT round trips on every product page.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class ProductDetailView(OscarProductDetailView):
    """A product page exists only for products for sale.

    Union staff and the selling vendor's members may preview the others
    (a waiting or rejected listing, a suspended vendor). Anyone else gets the
    same 404 as for a product that does not exist, whatever the address.
    """

    def is_viewable(self, product, request):
        if getattr(self, "_viewable", None) is None:  # asked twice per request: one query
            canonical = product.parent if product.is_child else product
            self._for_sale = product.is_public and product_is_for_sale(canonical.pk)
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
        """The page's parts are read only when drawn: a page whose content is kept
        (``{% kept %}``, catalog.fragments) reads none of them."""
        context = super().get_context_data(**kwargs)
        product = self.object
        canonical = product.parent if product.is_child else product
        vendor = functools.cache(lambda: product_vendor_public(canonical))

        def variants():
            return list(product_cards(canonical.children.public())) if canonical.is_parent else []

        def related():
            return list(product_cards(product_related(canonical, vendor=vendor()))[:8])

        preview = self.is_viewable(product, self.request) and not self._for_sale
        context.update(
            vendor=SimpleLazyObject(vendor),
            variants=SimpleLazyObject(variants),
            images=SimpleLazyObject(lambda: list(product.get_all_images()[:GALLERY_SIZE])),
            related_products=SimpleLazyObject(related),
            trace_url=SimpleLazyObject(lambda: trace_url(canonical)),
            trace_qr=SimpleLazyObject(
                lambda: trace_qr_svg(canonical, title=_("QR code of the traceability page"))
            ),
            stock_state=self.stock_state(canonical),
            # Its member or Union staff previewing a product shoppers cannot see:
            # drawn for her alone, never kept.
            preview=preview,
            keep_fragment=not preview
            and not self.request.session.get(f"add_to_basket_form_post_data_{product.pk}"),
        )
        return context

    @staticmethod
    def stock_state(canonical) -> tuple:
        """What the page prints of its stock records ("5 available"), for the kept content's key:
        a sale changes it without bumping the catalogue version."""
        return tuple(
            StockRecord.objects.filter(product__in=product_and_variant_ids(canonical))
            .order_by("pk")
            .values_list("pk", "price", "num_in_stock", "num_allocated")
        )


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
