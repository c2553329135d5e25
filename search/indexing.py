"""Keeps the database adapter's folded product documents fresh."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from search.models import ProductSearchDocument
from search.text import fold

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

BATCH_SIZE = 500


def _category_paths() -> dict[int, str]:
    """Every category's folded path ("dac san thuc pham com chay"), in one query."""
    rows = list(Category.objects.values_list("pk", "path", "name"))
    name_by_path = {path: name for _, path, name in rows}
    steplen = Category.steplen
    return {
        pk: fold(
            " ".join(
                name_by_path.get(path[:end], "") for end in range(steplen, len(path) + 1, steplen)
            )
        )
        for pk, path, _ in rows
    }


def _document_for(product, category_paths: dict[int, str]) -> ProductSearchDocument:
    title = fold(product.title)
    parts = [
        title,
        fold(strip_tags(product.description or "")),
        " ".join(category_paths.get(c.pk, "") for c in product.categories.all()),
        fold(" ".join(sr.partner.name for sr in product.stockrecords.all())),
    ]
    text = " ".join(part for part in parts if part)
    return ProductSearchDocument(product_id=product.pk, title=f" {title} ", text=f" {text} ")


def product_documents_rebuild(*, product_ids: Iterable[int] | None = None) -> int:
    """Rewrite the documents of the given products (all when ``None``).

    Returns the number of documents written. A deleted product loses its
    document with it (cascade), so only live products are written.
    """
    queryset = Product.objects.order_by("pk").prefetch_related(
        "categories", "stockrecords__partner"
    )
    if product_ids is not None:
        queryset = queryset.filter(pk__in=list(product_ids))
    category_paths = _category_paths()
    written = 0
    batch: list[ProductSearchDocument] = []

    def flush() -> None:
        nonlocal written
        with transaction.atomic():
            ProductSearchDocument.objects.filter(
                product_id__in=[doc.product_id for doc in batch]
            ).delete()
            ProductSearchDocument.objects.bulk_create(batch)
        written += len(batch)
        batch.clear()

    for product in queryset.iterator(chunk_size=BATCH_SIZE):
        batch.append(_document_for(product, category_paths))
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    return written
