from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from marketplace.permissions import can_preview_product
from marketplace.selectors import products_for_sale


class ProductDetailView(OscarProductDetailView):
    """A product page exists only for products for sale.

    Union staff and the selling vendor's members may preview the others
    (a waiting or rejected listing, a suspended vendor).
    """

    def is_viewable(self, product, request):
        canonical = product.parent if product.is_child else product
        if product.is_public and products_for_sale().filter(pk=canonical.pk).exists():
            return True
        return can_preview_product(request.user, canonical)
