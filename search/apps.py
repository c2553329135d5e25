from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig
from oscar.core.loading import get_class


class SearchConfig(OscarConfig):
    """Replaces Oscar's haystack-based search app (same label and namespace)."""

    label = "search"
    name = "search"
    verbose_name = _("Search")
    namespace = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signals  # noqa: F401

        self.search_view = get_class("search.views", "ProductSearchView")

    def get_urls(self):
        from search.views import product_suggestions_view

        return self.post_process_urls(
            [
                path("", self.search_view.as_view(), name="search"),
                path("suggest/", product_suggestions_view, name="suggest"),
            ]
        )
