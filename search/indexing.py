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
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.selectors import products_for_sale
from search.documents import product_document, product_index
from search.engine import EngineError, SearchEngine, engine_get, index_alias, index_name_new
from search.facts import Lookups, ProductFacts, lookups_load, product_facts_chunks
from search.models import ProductSearchDocument
from search.text import fold, text_plain

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")

BATCH_SIZE = 1000


def _database_document(facts: ProductFacts, lookups: Lookups) -> ProductSearchDocument:
    """The folded text the database adapter matches: title, description, categories,
    sellers and the sellers' communes and districts."""
    title = fold(facts.title)
    places: list[str] = []
    for offer in facts.offers:
        vendor = lookups.vendors.get(offer.partner_id)
        places.extend(name for name in lookups.places(vendor) if name not in places)
    parts = [
        title,
        fold(text_plain(facts.description)),
        " ".join(
            fold(" ".join(lookups.categories.get(pk, ([], []))[1])) for pk in facts.category_ids
        ),
        fold(
            " ".join(
                dict.fromkeys(lookups.partner_names.get(o.partner_id, "") for o in facts.offers)
            )
        ),
        fold(" ".join(places)),
    ]
    text = " ".join(part for part in parts if part)
    return ProductSearchDocument(product_id=facts.pk, title=f" {title} ", text=f" {text} ")


def product_documents_rebuild(*, product_ids: Iterable[int] | None = None) -> int:
    """Rewrite the documents of the given products (all when ``None``), then the engine's.

    Returns the number of database documents written. A deleted product loses
    its document with it (cascade), so only live products are written. An
    engine that is down is logged and skipped: the save that triggered this
    has committed already, and ``search_index status`` shows the drift.
    A variant stands for its parent, whose document carries the variants'
    prices and stock. The facts of the given products are read once for both
    indexes.
    """
    engine = engine_get()
    if product_ids is None:
        written = _database_documents_write(
            Product.objects.values_list("pk", flat=True), lookups_load(with_popularity=False)
        )
        if engine is not None:
            try:
                engine_index_rebuild(engine=engine)
            except EngineError as exc:
                logger.warning("Search index not rebuilt, the engine failed: %s", exc)
        return written
    ids = set(product_ids)
    ids |= set(
        Product.objects.filter(pk__in=list(ids), parent__isnull=False).values_list(
            "parent_id", flat=True
        )
    )
    visible = set(_visible_ids(ids)) if engine is not None else set()
    lookups = lookups_load(product_ids=visible, with_popularity=engine is not None)
    operations: list[dict] = []

    def engine_chunk(chunk: list[ProductFacts]) -> None:
        if engine is not None:
            operations.extend(_operations([f for f in chunk if f.pk in visible], lookups))

    written = _database_documents_write(ids, lookups, each_chunk=engine_chunk)
    if engine is not None:
        operations += [{"delete": {"_id": str(pk)}} for pk in sorted(ids - visible)]
        try:
            engine.bulk(index=index_ensure(engine=engine), operations=operations)
        except EngineError as exc:
            logger.warning("Search index not updated, the engine failed: %s", exc)
    return written


def _database_documents_write(
    ids: Iterable[int],
    lookups: Lookups,
    *,
    each_chunk: Callable[[list[ProductFacts]], None] | None = None,
) -> int:
    """The folded documents of these products, a chunk at a time; ``each_chunk`` sees the facts."""
    written = 0
    for chunk in product_facts_chunks(ids, size=BATCH_SIZE):
        batch = [_database_document(facts, lookups) for facts in chunk]
        with transaction.atomic():
            ProductSearchDocument.objects.filter(
                product_id__in=[doc.product_id for doc in batch]
            ).delete()
            ProductSearchDocument.objects.bulk_create(batch)
        written += len(batch)
        if each_chunk is not None:
            each_chunk(chunk)
    return written


# --- The engine's index ---------------------------------------------------------------


def _visible_ids(product_ids: Iterable[int] | None = None) -> list[int]:
    queryset = products_for_sale()
    if product_ids is not None:
        queryset = queryset.filter(pk__in=list(product_ids))
    return list(queryset.order_by("pk").values_list("pk", flat=True).distinct())


def _operations(chunk: list[ProductFacts], lookups: Lookups) -> list[dict]:
    today = timezone.localdate()
    operations: list[dict] = []
    for facts in chunk:
        operations.append({"index": {"_id": str(facts.pk)}})
        operations.append(product_document(facts, lookups=lookups, today=today))
    return operations


def index_ensure(*, engine: SearchEngine) -> str:
    """The alias, created over a fresh empty index when it does not exist yet."""
    alias = index_alias()
    if not engine.alias_indices(alias=alias):
        name = index_name_new(alias)
        engine.index_create(name=name, body=product_index(name=name).to_dict())
        engine.alias_swap(alias=alias, index=name)
    return alias


def engine_index_rebuild(
    *, engine: SearchEngine, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Build a new index beside the live one, then swap the alias and drop the old one.

    Searches keep answering from the old index until the swap, which is one
    atomic alias update, so there is no moment without results. While it
    fills, the new index does not refresh, and one bulk request is in flight
    on a second thread while the next chunk is read, so the database, Python
    and the engine work at the same time.
    """
    alias = index_alias()
    name = index_name_new(alias)
    body = product_index(name=name).to_dict()
    body.setdefault("settings", {})["refresh_interval"] = "-1"
    engine.index_create(name=name, body=body)
    ids = _visible_ids()
    lookups = lookups_load()
    total = len(ids)
    done = failed = 0
    pending: tuple[Future, int] | None = None

    def settle() -> None:
        nonlocal done, failed, pending
        if pending is None:
            return
        future, count = pending
        pending = None
        failed += future.result()
        done += count
        if progress is not None:
            progress(done, total)

    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-bulk") as sender:
            try:
                for chunk in product_facts_chunks(ids, size=BATCH_SIZE):
                    operations = _operations(chunk, lookups)
                    settle()
                    pending = (
                        sender.submit(engine.bulk, index=name, operations=operations),
                        len(chunk),
                    )
                settle()
            finally:
                if pending is not None:
                    pending[0].cancel()
        if progress is not None and not total:
            progress(0, 0)
        engine.index_settings(name=name, settings={"refresh_interval": "1s"})
        engine.refresh(index=name)
        old = engine.alias_swap(alias=alias, index=name)
    except EngineError:
        engine.index_delete(name=name)
        raise
    for old_name in old:
        engine.index_delete(name=old_name)
    return {"index": name, "indexed": done, "failed": failed, "removed": old}
