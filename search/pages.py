"""Stories and articles found by the same words as products, in the engine or the database.

Documents are written when a page is published and removed when it is
unpublished, in the database (folded text) and in the engine's own pages
index (``<prefix>-pages``, beside the products'); ``page_search`` answers the
results page's second section and falls back to the database like products.
Wagtail's admin search keeps its own backend and never sees these indexes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.html import strip_tags
from wagtail.models import Page

from cms.models import ArticlePage, StoryPage
from search.documents import page_document, page_index
from search.engine import EngineError, SearchEngine, engine_get, index_alias, index_name_new
from search.models import PageSearchDocument
from search.queries import page_search_body, page_suggest_body, parse_ids
from search.text import fold, tokens

logger = logging.getLogger(__name__)
PAGES = "pages"

SEARCHED_TYPES = ("cms.StoryPage", "cms.ArticlePage")


def _searched_pages() -> QuerySet:
    return Page.objects.live().public().type(StoryPage, ArticlePage)


def _body_text(body) -> str:
    """Rich text as is; a StreamField through its blocks' searchable text (never rendered,
    so an embed block does not call out to its provider while indexing)."""
    stream_block = getattr(body, "stream_block", None)
    if stream_block is not None:
        return " ".join(str(part) for part in stream_block.get_searchable_content(body))
    return str(body)


def _document_for(page) -> PageSearchDocument:
    vendor = getattr(page, "vendor", None)
    parts = [
        fold(page.title),
        fold(page.intro),
        fold(strip_tags(_body_text(page.body))),
        fold(vendor.name) if vendor else "",
        fold(page_document(page)["place"]),
    ]
    text = " ".join(part for part in parts if part)
    return PageSearchDocument(page_id=page.pk, title=f" {fold(page.title)} ", text=f" {text} ")


def page_documents_rebuild(*, page_ids: Iterable[int] | None = None) -> int:
    """Rewrite the documents of the given pages (all when ``None``); drop the unpublished.

    The engine follows after the database; an engine that is down is logged
    and skipped, as for products.
    """
    if page_ids is not None:
        page_ids = list(page_ids)
    written = _database_documents_rebuild(page_ids=page_ids)
    engine = engine_get()
    if engine is not None:
        try:
            if page_ids is None:
                engine_pages_rebuild(engine=engine)
            else:
                engine_pages_sync(engine=engine, page_ids=set(page_ids))
        except EngineError as exc:
            logger.warning("Pages index not updated, the engine failed: %s", exc)
    return written


@transaction.atomic
def _database_documents_rebuild(*, page_ids: list[int] | None) -> int:
    pages = _searched_pages()
    stale = PageSearchDocument.objects.all()
    if page_ids is not None:
        page_ids = list(page_ids)
        pages = pages.filter(pk__in=page_ids)
        stale = stale.filter(page_id__in=page_ids)
    documents = [_document_for(page) for page in pages.specific()]
    stale.delete()
    PageSearchDocument.objects.bulk_create(documents)
    return len(documents)


def indexed_pages(page_ids: set[int] | None = None) -> list:
    """Live stories and articles, specific, with what their documents need selected."""
    found = []
    for model, related in ((StoryPage, ("vendor__commune__parent",)), (ArticlePage, ())):
        queryset = model.objects.live().public().select_related(*related).order_by("pk")
        if page_ids is not None:
            queryset = queryset.filter(pk__in=page_ids)
        found.extend(queryset)
    return found


def _pages_index_ensure(engine: SearchEngine) -> str:
    alias = index_alias(name=PAGES)
    if not engine.alias_indices(alias=alias):
        name = index_name_new(alias)
        engine.index_create(name=name, body=page_index(name=name).to_dict())
        engine.alias_swap(alias=alias, index=name)
    return alias


def _operations(pages: list) -> list[dict]:
    operations: list[dict] = []
    for page in pages:
        operations += [{"index": {"_id": str(page.pk)}}, page_document(page)]
    return operations


def engine_pages_sync(*, engine: SearchEngine, page_ids: set[int]) -> int:
    """Index the given pages that are live and delete the others; return failures."""
    alias = _pages_index_ensure(engine)
    pages = indexed_pages(page_ids)
    operations = _operations(pages)
    for pk in page_ids - {page.pk for page in pages}:
        operations.append({"delete": {"_id": str(pk)}})
    return engine.bulk(index=alias, operations=operations)


def engine_pages_rebuild(
    *, engine: SearchEngine, progress: Callable[[int, int], None] | None = None
) -> dict:
    """A new pages index, filled, then swapped in under the alias (as for products)."""
    alias = index_alias(name=PAGES)
    name = index_name_new(alias)
    engine.index_create(name=name, body=page_index(name=name).to_dict())
    pages = indexed_pages()
    try:
        failed = engine.bulk(index=name, operations=_operations(pages))
        if progress is not None:
            progress(len(pages), len(pages))
        engine.refresh(index=name)
        old = engine.alias_swap(alias=alias, index=name)
    except EngineError:
        engine.index_delete(name=name)
        raise
    for old_name in old:
        engine.index_delete(name=old_name)
    return {"index": name, "indexed": len(pages), "failed": failed, "removed": old}


def _pages_by_ids(ids: list[int]) -> list:
    if not ids:
        return []
    position = {pk: index for index, pk in enumerate(ids)}
    pages = _searched_pages().filter(pk__in=ids).specific()
    return sorted(pages, key=lambda page: position[page.pk])


def _engine_pages(body: dict) -> list:
    """Pages the engine finds for ``body``; ``EngineError`` when it fails."""
    engine = engine_get()
    ids, _ = parse_ids(engine.search(index=index_alias(name=PAGES), body=body, missing_ok=True))
    return _pages_by_ids(ids)


def page_search_request(query: str, *, limit: int = 6) -> tuple[str, dict, bool] | None:
    """``page_search``'s engine request, to send with another (``SearchEngine.search_many``);
    None when the query has no words."""
    if not tokens(query):
        return None
    return index_alias(name=PAGES), page_search_body(query=query, size=limit), True


def page_search_answer(response: dict) -> list:
    """The pages of an engine answer to ``page_search_request``."""
    return _pages_by_ids(parse_ids(response)[0])


def page_search(query: str, *, limit: int = 6) -> list:
    """Live stories and articles matching every query word; the engine when it answers."""
    if not tokens(query):
        return []
    if engine_get() is not None:
        try:
            return _engine_pages(page_search_body(query=query, size=limit))
        except EngineError as exc:
            logger.warning("Search engine failed, the database finds the pages: %s", exc)
    return _database_page_search(query, limit=limit)


def page_suggestions(query: str, *, limit: int = 3) -> list:
    """Stories and articles for the search box: title word starts, engine or database."""
    if not tokens(query):
        return []
    if engine_get() is not None:
        try:
            return _engine_pages(page_suggest_body(query=query, size=limit))
        except EngineError as exc:
            logger.warning("Search engine failed, the database suggests pages: %s", exc)
    return _database_page_search(query, limit=limit, titles_only=True)


def _database_page_search(query: str, *, limit: int, titles_only: bool = False) -> list:
    """Live stories and articles whose words start with every query word; titles first."""
    words = tokens(query)
    matching = _searched_pages()
    in_title = Q()
    for word in words:
        field = "title" if titles_only else "text"
        matching = matching.filter(**{f"search_document__{field}__contains": f" {word}"})
        in_title &= Q(search_document__title__contains=f" {word}")
    ranked = matching.annotate(
        rank=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by("-rank", "-first_published_at")
    return list(ranked.specific()[:limit])


def page_documents_complete() -> int:
    """Write documents only for searched pages that have none (idempotent)."""
    missing = list(
        _searched_pages().filter(search_document__isnull=True).values_list("pk", flat=True)
    )
    return page_documents_rebuild(page_ids=missing) if missing else 0
