"""Product listings and search, answered by ``search.services`` (engine or database).

``CatalogueView`` and ``ProductCategoryView`` are the names Oscar's catalogue
app loads from the search app; ``ProductSearchView`` serves ``/search/``.
"""

from __future__ import annotations

import hashlib
from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.db import transaction
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalog.cards import CardPage
from core.page_cache import HIT_TIMING, versioned_cached
from search.database import SORT_CHOICES
from search.engine import engine_get, engine_timer
from search.forms import SearchForm
from search.services import (
    category_by_slug,
    product_search,
    product_suggestions,
    products_by_ids,
)
from search.text import fold

Category = get_model("catalogue", "Category")

FACET_TITLES = [
    ("category", _("Category")),
    ("district", _("District")),
    ("commune", _("Commune")),
    ("kind", _("Seller type")),
    ("ocop", _("OCOP stars")),
    ("price", _("Price")),
    ("in_stock", _("Availability")),
]


def card_page(object_list) -> CardPage:
    """A page of results by id: the cards in the cache need no product loaded (catalog.cards)."""
    if isinstance(object_list, CardPage):
        return object_list
    return CardPage(
        object_list.prefetch_related(None).values_list("pk", flat=True), products_by_ids
    )


class EngineTimingMixin:
    """Says in a ``Server-Timing`` header how long the page waited on the search engine.

    A page the database answered because the engine failed is marked
    ``never_cache``: the page cache must not keep the stand-in answer once
    the engine is back. Listings and searches only read: they run without a
    transaction (no BEGIN and COMMIT round trips).
    """

    stand_in = False

    @method_decorator(transaction.non_atomic_requests)
    def dispatch(self, request, *args, **kwargs):
        with engine_timer() as spent:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # engine calls made while rendering count too
        response["Server-Timing"] = spent.server_timing()
        if self.stand_in:
            add_never_cache_headers(response)
        return response


class ProductListMixin(EngineTimingMixin):
    """Paginates a ``SearchResult`` and builds facet links that keep the query."""

    paginate_by = 24
    template_name = "oscar/catalogue/browse.html"
    sort_choices = SORT_CHOICES

    def get_search_params(self) -> dict:
        self.form = SearchForm(self.request.GET or None)
        return self.form.cleaned()

    def page_number(self) -> int:
        """The requested page for the engine; a bad value is left to the paginator."""
        raw = self.request.GET.get("page") or "1"
        return int(raw) if raw.isdigit() and len(raw) < 7 else 1

    def search_category(self, params: dict):
        """The category searched in: the filter's (a category page has its own)."""
        return category_by_slug(params["category"])

    def search(self, params: dict, **options):
        return product_search(
            query=params["query"],
            category=self.search_category(params),
            sort_by=params["sort_by"],
            filters=params["filters"],
            page=self.page_number(),
            per_page=self.paginate_by,
            **options,
        )

    def paginate(self, products):
        paginator = Paginator(products, self.paginate_by)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404(_("That page does not exist.")) from None
        return paginator, page

    def facet_links(self, result, params: dict, name: str = "category") -> list[dict]:
        """A link per facet value that toggles it, keeping the query and the other filters."""
        links = []
        base = {k: v for k, v in self.request.GET.items() if k not in {"page", name}}
        for facet in result.facets.get(name, []):
            query = dict(base)
            if not facet.selected:
                query[name] = facet.value
            links.append({"facet": facet, "url": f"?{urlencode(query)}" if query else "?"})
        return links

    def facet_groups(self, result, params: dict) -> list[dict]:
        return [
            {"name": name, "title": title, "links": self.facet_links(result, params, name)}
            for name, title in FACET_TITLES
            if result.facets.get(name)
        ]

    def kept_filters(self) -> list[tuple[str, str]]:
        """The query and every valid filter, as the sort form's hidden fields.

        Choosing an order sends only that form, with or without JavaScript;
        without these the shopper's query and filters would be dropped.
        """
        data = getattr(self.form, "cleaned_data", {})
        kept = []
        for name in self.form.fields:
            if name == "sort_by" or not data.get(name):
                continue
            kept.append((name, data[name] if name == "q" else self.request.GET[name]))
        return kept

    def listing_context(self, params: dict) -> dict:
        result = self.search(params)
        self.stand_in = engine_get() is not None and result.answered_by == "database"
        paginator, page = self.paginate(result.products)
        page.object_list = card_page(page.object_list)
        query_without_page = {k: v for k, v in self.request.GET.items() if k != "page"}
        kept = self.kept_filters()
        unfiltered = {k: v for k, v in kept if k == "q"}
        if params["sort_by"]:
            unfiltered["sort_by"] = params["sort_by"]
        return {
            "form": self.form,
            "query": params["query"],
            "result": result,
            "products": page.object_list,
            "paginator": paginator,
            "page_obj": page,
            "page": page,
            "facet_groups": self.facet_groups(result, params),
            "pager_query": urlencode(query_without_page),
            "kept_filters": kept,
            "active_filter_count": len(kept) - ("q" in unfiltered),
            "unfiltered_url": f"?{urlencode(unfiltered)}" if unfiltered else self.request.path,
        }

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if request.GET.get("page"):
                messages.error(request, _("The given page number was invalid."))
                query = {k: v for k, v in request.GET.items() if k != "page"}
                return redirect(f"{request.path}?{urlencode(query)}" if query else request.path)
            raise


class ProductSearchView(ProductListMixin, TemplateView):
    template_name = "oscar/search/results.html"

    def search(self, params: dict, **options):
        """The products, and on the first page the stories and articles (one engine round trip)."""
        return super().search(params, with_pages=self.page_number() == 1, **options)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.get_search_params()
        context.update(self.listing_context(params))
        first = context["page_obj"].number == 1
        context["pages"] = (context["result"].pages or []) if first else []
        return context


class CatalogueView(ProductListMixin, TemplateView):
    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.listing_context(self.get_search_params()))
        context["summary"] = _("All products")
        return context


class ProductCategoryView(ProductListMixin, TemplateView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def search_category(self, params: dict):
        return self.category

    def facet_groups(self, result, params: dict) -> list[dict]:
        """The category is the page's own, so its facet is left out (subcategories link instead)."""
        return [g for g in super().facet_groups(result, params) if g["name"] != "category"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.listing_context(self.get_search_params()))
        context["category"] = self.category
        context["summary"] = self.category.display_name
        return context


@transaction.non_atomic_requests  # it only reads: no transaction, no savepoint
@require_GET
def product_suggestions_view(request):
    """JSON suggestions for the search box; the box itself is a plain form without JavaScript.

    The same few prefixes come from every shopper typing ("c", "co", "com c"),
    so answers are kept in the cache until the catalogue changes, like
    anonymous pages (``core.page_cache``): there is nothing
    personal in them.
    """
    params = SearchForm(request.GET or None).cleaned()
    digest = hashlib.sha256(fold(params["query"]).encode()).hexdigest()[:32]
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    with engine_timer() as spent:
        data, hit = versioned_cached(
            f"suggest:{language}:{digest}", lambda: product_suggestions(query=params["query"])
        )
    timing = HIT_TIMING if hit else spent.server_timing()
    response = JsonResponse(data)
    response["Cache-Control"] = "public, max-age=60"
    response["Server-Timing"] = timing
    return response
