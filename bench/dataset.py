"""The benchmark dataset, moved from the marketplace's database into the peer's.

One JSON document: categories (a tree, parents before children) and the
products a shopper can buy in the marketplace (``products_for_sale``), each
with title, description, category, seller, price, stock and picture path
(relative to the shared media folder). ``dataset_export`` runs inside the
marketplace; ``dataset_read`` runs in the peer's virtualenv too, so this
module imports nothing from Django at module level.

    python -m bench.dataset export OUT.json    (marketplace settings in the environment)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

FORMAT = "chophunu-bench-dataset/1"


class DatasetError(ValueError):
    """The file is not a benchmark dataset this code can import."""


@dataclass(frozen=True)
class CategoryRecord:
    slug: str
    name: str
    description: str
    parent: str  # parent's slug, "" for a top-level category


@dataclass(frozen=True)
class ProductRecord:
    upc: str
    title: str
    slug: str
    description: str
    category: str  # category slug
    partner: str  # seller's name
    partner_code: str
    price: Decimal
    currency: str
    stock: int
    image: str  # path under MEDIA_ROOT, "" for none


def _text(item: dict, key: str, where: str, *, required: bool = True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise DatasetError(f"{where}: {key} must be text, got {type(value).__name__}.")
    if required and not value.strip():
        raise DatasetError(f"{where}: {key} is missing.")
    return value


def dataset_parse(document: dict) -> tuple[list[CategoryRecord], list[ProductRecord]]:
    """Validate a whole document before anything is written; raise DatasetError naming the item."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DatasetError(f"Not a benchmark dataset: expected format {FORMAT!r}.")
    raw_categories = document.get("categories")
    raw_products = document.get("products")
    if not isinstance(raw_categories, list) or not isinstance(raw_products, list):
        raise DatasetError("categories and products must be lists.")
    categories: list[CategoryRecord] = []
    seen: set[str] = set()
    for n, item in enumerate(raw_categories):
        where = f"category {n + 1}"
        if not isinstance(item, dict):
            raise DatasetError(f"{where}: expected an object.")
        record = CategoryRecord(
            slug=_text(item, "slug", where),
            name=_text(item, "name", where),
            description=_text(item, "description", where, required=False),
            parent=_text(item, "parent", where, required=False),
        )
        if record.slug in seen:
            raise DatasetError(f"{where}: slug {record.slug!r} appears twice.")
        if record.parent and record.parent not in seen:
            raise DatasetError(f"{where}: parent {record.parent!r} must come before it.")
        seen.add(record.slug)
        categories.append(record)
    products: list[ProductRecord] = []
    upcs: set[str] = set()
    for n, item in enumerate(raw_products):
        where = f"product {n + 1}"
        if not isinstance(item, dict):
            raise DatasetError(f"{where}: expected an object.")
        try:
            price = Decimal(str(item.get("price")))
        except InvalidOperation:
            raise DatasetError(f"{where}: price must be a number.") from None
        if not price.is_finite() or price < 0:
            raise DatasetError(f"{where}: price must be a number of at least 0.")
        stock = item.get("stock")
        if not isinstance(stock, int) or isinstance(stock, bool) or stock < 0:
            raise DatasetError(f"{where}: stock must be a whole number of at least 0.")
        record = ProductRecord(
            upc=_text(item, "upc", where),
            title=_text(item, "title", where),
            slug=_text(item, "slug", where),
            description=_text(item, "description", where, required=False),
            category=_text(item, "category", where),
            partner=_text(item, "partner", where),
            partner_code=_text(item, "partner_code", where),
            price=price,
            currency=_text(item, "currency", where),
            stock=stock,
            image=_text(item, "image", where, required=False),
        )
        if record.category not in seen:
            raise DatasetError(f"{where}: unknown category {record.category!r}.")
        if record.upc in upcs:
            raise DatasetError(f"{where}: UPC {record.upc!r} appears twice.")
        if record.image and (record.image.startswith("/") or ".." in Path(record.image).parts):
            raise DatasetError(f"{where}: image must be a path inside the media folder.")
        upcs.add(record.upc)
        products.append(record)
    return categories, products


def dataset_read(path: Path | str) -> tuple[list[CategoryRecord], list[ProductRecord]]:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DatasetError(f"Cannot read {path}: {exc}") from None
    return dataset_parse(document)


def dataset_document() -> dict:
    """The marketplace's categories and products for sale (run inside the marketplace)."""
    from oscar.core.loading import get_model

    from marketplace.selectors import products_for_sale

    Category = get_model("catalogue", "Category")
    categories = []
    slugs: dict[int, str] = {}
    for category in Category.objects.order_by("path"):  # treebeard path: parents first
        parent = category.get_parent()
        slugs[category.pk] = category.slug
        categories.append(
            {
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "parent": slugs[parent.pk] if parent else "",
            }
        )
    products = []
    queryset = (
        products_for_sale()
        .order_by("upc")
        .prefetch_related("categories", "images", "stockrecords__partner")
    )
    for product in queryset.iterator(chunk_size=2000):
        stockrecord = next(iter(product.stockrecords.all()), None)
        category = next(iter(product.categories.all()), None)
        image = next(iter(product.images.all()), None)
        if stockrecord is None or category is None:
            continue
        products.append(
            {
                "upc": product.upc or f"pk-{product.pk}",
                "title": product.title,
                "slug": product.slug,
                "description": product.description,
                "category": category.slug,
                "partner": stockrecord.partner.name,
                "partner_code": stockrecord.partner.code,
                "price": str(stockrecord.price),
                "currency": stockrecord.price_currency,
                "stock": stockrecord.num_in_stock or 0,
                "image": image.original.name if image else "",
            }
        )
    return {"format": FORMAT, "categories": categories, "products": products}


def dataset_export(path: Path | str) -> int:
    document = dataset_document()
    dataset_parse(document)  # never hand the peer a file it would refuse
    Path(path).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return len(document["products"])


if __name__ == "__main__":  # pragma: no cover - exercised by bench/run.py
    if len(sys.argv) != 3 or sys.argv[1] != "export":
        sys.exit("usage: python -m bench.dataset export OUT.json")
    import django

    django.setup()
    print(f"exported {dataset_export(sys.argv[2])} products to {sys.argv[2]}")
