"""sitemap.xml: the Union's pages, the products for sale and the public vendor pages.

Languages: this site negotiates Vietnamese or English on the same address
(cookie or browser), so each address is listed once and serves both.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from marketplace.selectors import products_for_sale, vendors_public


class _RequestSitemap(Sitemap):
    """Absolute addresses on the host that was asked, like Wagtail's page sitemap."""

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host() if self.request is not None else super().get_domain(site)

    def get_protocol(self, protocol=None):
        if self.request is not None:
            return self.request.scheme
        return super().get_protocol(protocol)


class ProductSitemap(_RequestSitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return products_for_sale().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class VendorSitemap(_RequestSitemap):
    changefreq = "monthly"

    def items(self):
        return vendors_public().order_by("pk")


def sitemaps_for(request) -> dict:
    return {
        "pages": PageSitemap(request),
        "products": ProductSitemap(request),
        "vendors": VendorSitemap(request),
    }
