import importlib.util

from oscar.core.loading import get_class, get_model

import search.views


def test_haystack_is_not_installed():
    assert importlib.util.find_spec("haystack") is None


def test_catalogue_views_come_from_the_search_fork():
    """Oscar's catalogue app asks the search app for its listing views."""
    assert get_class("search.views", "CatalogueView") is search.views.CatalogueView
    assert get_class("catalogue.views", "CatalogueView") is search.views.CatalogueView
    assert get_class("catalogue.views", "ProductCategoryView") is search.views.ProductCategoryView


def test_forked_modules_win_and_others_still_load_from_oscar():
    assert get_class("catalogue.views", "ProductDetailView").__module__ == "catalog.views"
    assert get_class("basket.views", "BasketView").__module__ == "basket.views"
    assert get_class("basket.views", "VoucherAddView").__module__ == "oscar.apps.basket.views"
    form = get_class("dashboard.catalogue.forms", "ProductForm")
    assert form.__module__ == "oscar.apps.dashboard.catalogue.forms"


def test_forked_catalogue_keeps_its_label():
    assert get_model("catalogue", "Product")._meta.app_label == "catalogue"
    # the fork's own Product, with the local-product fields
    assert get_model("catalogue", "Product").__module__ == "catalog.models"
