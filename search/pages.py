"""Stories and articles found by the same folded words as products (database adapter).

Documents are written when a page is published and removed when it is
unpublished; ``page_search`` answers the results page's second section.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils.html import strip_tags
from wagtail.models import Page

from search.models import PageSearchDocument
from search.text import fold, tokens

SEARCHED_TYPES = ("cms.StoryPage", "cms.ArticlePage")


def _searched_pages() -> QuerySet:
    from cms.models import ArticlePage, StoryPage

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
    ]
    text = " ".join(part for part in parts if part)
    return PageSearchDocument(page_id=page.pk, title=f" {fold(page.title)} ", text=f" {text} ")


@transaction.atomic
def page_documents_rebuild(*, page_ids: Iterable[int] | None = None) -> int:
    """Rewrite the documents of the given pages (all when ``None``); drop the unpublished."""
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


def page_search(query: str, *, limit: int = 6) -> list:
    """Live stories and articles whose words start with every query word; titles first."""
    words = tokens(query)
    if not words:
        return []
    matching = _searched_pages()
    in_title = Q()
    for word in words:
        matching = matching.filter(search_document__text__contains=f" {word}")
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
