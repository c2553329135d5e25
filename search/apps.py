from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig
from oscar.core.loading import get_class

from core.health import health_check_add


class SearchConfig(OscarConfig):
    """Replaces Oscar's haystack-based search app (same label and namespace)."""

    label = "search"
    name = "search"
    verbose_name = _("Search")
    namespace = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers and the engine import models: only once the app registry is ready.
        from search import signals  # noqa: F401
        from search.engine import engine_state

        health_check_add("search", engine_state)

        self.search_view = get_class("search.views", "ProductSearchView")
        self.suggest_view = get_class("search.views", "product_suggestions_view")

    def get_urls(self):
        return self.post_process_urls(
            [
                path("", self.search_view.as_view(), name="search"),
                path("suggest/", self.suggest_view, name="suggest"),
            ]
        )
