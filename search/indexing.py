"""Keeps the product documents fresh: the database's folded ones and the engine's.

``product_documents_rebuild`` is the single entry point for "these products
may have changed" (signals call it after commit; vendor moderation calls it
when visibility changes). The engine mirrors exactly what
``marketplace.selectors.products_for_sale`` returns: products it no longer
returns are deleted from the index.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from marketplace.selectors import products_for_sale
from search.documents import product_document, product_index, product_records, record_vendor
from search.engine import EngineError, SearchEngine, engine_get, index_alias, index_name_new
from search.models import ProductSearchDocument
from search.text import fold

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Line = get_model("order", "Line")

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


def _places(records) -> str:
    """The commune and district names of the vendors selling through ``records``."""
    names: list[str] = []
    for record in records:
        vendor = record_vendor(record.partner)
        commune = vendor.commune if vendor else None
        for area in (commune, commune.parent if commune else None):
            if area is not None and area.name not in names:
                names.append(area.name)
    return " ".join(names)


def _document_for(product, category_paths: dict[int, str]) -> ProductSearchDocument:
    title = fold(product.title)
    records = product_records(product)
    parts = [
        title,
        fold(strip_tags(product.description or "")),
        " ".join(category_paths.get(c.pk, "") for c in product.categories.all()),
        fold(" ".join(dict.fromkeys(record.partner.name for record in records))),
        fold(_places(records)),
    ]
    text = " ".join(part for part in parts if part)
    return ProductSearchDocument(product_id=product.pk, title=f" {title} ", text=f" {text} ")


def product_documents_rebuild(*, product_ids: Iterable[int] | None = None) -> int:
    """Rewrite the documents of the given products (all when ``None``), then the engine's.

    Returns the number of database documents written. A deleted product loses
    its document with it (cascade), so only live products are written. An
    engine that is down is logged and skipped: the save that triggered this
    has committed already, and ``search_index status`` shows the drift.
    A variant stands for its parent, whose document carries the variants'
    prices and stock.
    """
    if product_ids is not None:
        product_ids = set(product_ids)
        product_ids |= set(
            Product.objects.filter(pk__in=list(product_ids), parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
    written = _database_documents_rebuild(product_ids=product_ids)
    engine = engine_get()
    if engine is not None:
        try:
            if product_ids is None:
                engine_index_rebuild(engine=engine)
            else:
                engine_documents_sync(engine=engine, product_ids=product_ids)
        except EngineError as exc:
            logger.warning("Search index not updated, the engine failed: %s", exc)
    return written


def _database_documents_rebuild(*, product_ids: set[int] | None) -> int:
    queryset = Product.objects.order_by("pk").prefetch_related("categories", *_RECORDS_PREFETCH)
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


# --- The engine's index ---------------------------------------------------------------

_RECORDS_PREFETCH = (
    "stockrecords__partner__vendor__commune__parent",
    "children__stockrecords__partner__vendor__commune__parent",
)
PRODUCT_PREFETCH = ("categories", "images", *_RECORDS_PREFETCH)


def product_popularity(*, product_ids: set[int] | None = None) -> dict[int, int]:
    """Units ordered per product, a variant's counted for its parent, in one query.

    Every order line counts: a province's shop has no returns flow yet to
    subtract. ``None`` counts every product (the rebuild).
    """
    lines = Line.objects.filter(product__isnull=False)
    if product_ids is not None:
        ids = list(product_ids)
        lines = lines.filter(Q(product_id__in=ids) | Q(product__parent_id__in=ids))
    rows = (
        lines.annotate(root=Coalesce("product__parent_id", "product_id"))
        .values("root")
        .annotate(units=Sum("quantity"))
        .order_by()
    )
    return {row["root"]: int(row["units"] or 0) for row in rows}


def _category_trees() -> dict[int, tuple[list[str], list[str]]]:
    """Every category's ancestor slugs and names (itself last), in one query."""
    rows = list(Category.objects.values_list("pk", "path", "slug", "name"))
    by_path = {path: (slug, name) for _, path, slug, name in rows}
    steplen = Category.steplen
    trees = {}
    for pk, path, _, _ in rows:
        chain = [by_path[path[:end]] for end in range(steplen, len(path) + 1, steplen)]
        trees[pk] = ([slug for slug, _ in chain], [name for _, name in chain])
    return trees


def _visible_products(product_ids: set[int] | None = None):
    queryset = products_for_sale().order_by("pk").prefetch_related(*PRODUCT_PREFETCH)
    if product_ids is not None:
        queryset = queryset.filter(pk__in=product_ids)
    return queryset


def index_ensure(*, engine: SearchEngine) -> str:
    """The alias, created over a fresh empty index when it does not exist yet."""
    alias = index_alias()
    if not engine.alias_indices(alias=alias):
        name = index_name_new(alias)
        engine.index_create(name=name, body=product_index(name=name).to_dict())
        engine.alias_swap(alias=alias, index=name)
    return alias


def engine_documents_sync(*, engine: SearchEngine, product_ids: set[int]) -> int:
    """Index the given products that are for sale and delete the others; return failures."""
    alias = index_ensure(engine=engine)
    trees = _category_trees()
    popularity = product_popularity(product_ids=product_ids)
    today = timezone.localdate()
    operations: list[dict] = []
    visible = set()
    for product in _visible_products(product_ids):
        visible.add(product.pk)
        operations += [
            {"index": {"_id": str(product.pk)}},
            product_document(product, categories=trees, popularity=popularity, today=today),
        ]
    for pk in product_ids - visible:
        operations.append({"delete": {"_id": str(pk)}})
    return engine.bulk(index=alias, operations=operations)


def engine_index_rebuild(
    *, engine: SearchEngine, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Build a new index beside the live one, then swap the alias and drop the old one.

    Searches keep answering from the old index until the swap, which is one
    atomic alias update, so there is no moment without results.
    """
    alias = index_alias()
    name = index_name_new(alias)
    engine.index_create(name=name, body=product_index(name=name).to_dict())
    trees = _category_trees()
    popularity = product_popularity()
    today = timezone.localdate()
    queryset = _visible_products()
    total = queryset.count()
    done = failed = 0
    operations: list[dict] = []

    def flush() -> None:
        nonlocal done, failed
        failed += engine.bulk(index=name, operations=operations)
        done += len(operations) // 2
        operations.clear()
        if progress is not None:
            progress(done, total)

    try:
        for product in queryset.iterator(chunk_size=BATCH_SIZE):
            operations += [
                {"index": {"_id": str(product.pk)}},
                product_document(product, categories=trees, popularity=popularity, today=today),
            ]
            if len(operations) >= 2 * BATCH_SIZE:
                flush()
        if operations or progress is not None:
            flush()
        engine.refresh(index=name)
        old = engine.alias_swap(alias=alias, index=name)
    except EngineError:
        engine.index_delete(name=name)
        raise
    for old_name in old:
        engine.index_delete(name=old_name)
    return {"index": name, "indexed": done, "failed": failed, "removed": old}
