"""What the search indexes know about products, read as plain rows.

Both indexes (the engine's documents and the database's folded text) are
projections of the same facts. A rebuild reads every product for sale, and
model instances with five nested prefetches cost several times what the
engine spends indexing them, so facts are read in flat ``values_list``
queries: four per chunk of products (products, categories, first images,
stock records; a fifth for variants' records when the chunk has parents),
plus the small tables once per rebuild (``Lookups``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

from catalog.models import ocop_stars_valid
from marketplace.models import AdministrativeArea, Vendor

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
Line = get_model("order", "Line")

CHUNK_SIZE = 500


@dataclass(slots=True)
class Offer:
    """One stock record: who sells, at what price, how many are left."""

    partner_id: int
    price: Decimal | None
    num_in_stock: int | None
    num_allocated: int | None

    @property
    def in_stock(self) -> bool:
        if self.num_in_stock is None:
            return True
        return self.num_in_stock - (self.num_allocated or 0) > 0


@dataclass(slots=True)
class ProductFacts:
    """A product as the indexes see it. A parent's offers are its variants' offers."""

    pk: int
    title: str
    description: str
    rating: float | None
    created: datetime.datetime
    ocop_stars: int | None
    ocop_issued_on: datetime.date | None
    ocop_expires_on: datetime.date | None
    category_ids: list[int] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    image: str = ""

    def ocop_stars_on(self, day: datetime.date) -> int | None:
        return ocop_stars_valid(self.ocop_stars, self.ocop_issued_on, self.ocop_expires_on, day)


@dataclass(frozen=True, slots=True)
class VendorRow:
    slug: str
    kind: str
    commune_id: int | None


@dataclass
class Lookups:
    """The small tables every document refers to, read once per rebuild or update."""

    partner_names: dict[int, str]
    vendors: dict[int, VendorRow]  # by partner id
    areas: dict[int, tuple[str, int | None]]  # id -> (name, parent id)
    categories: dict[int, tuple[list[str], list[str]]]  # id -> (ancestor slugs, names)
    popularity: dict[int, int]

    def vendor(self, offers: list[Offer]) -> VendorRow | None:
        """The first marketplace vendor among the sellers (each product has one here)."""
        return next(
            (self.vendors[o.partner_id] for o in offers if o.partner_id in self.vendors), None
        )

    def places(self, vendor: VendorRow | None) -> list[str]:
        """The vendor's commune and district names."""
        names: list[str] = []
        area_id = vendor.commune_id if vendor else None
        for _ in range(2):
            if area_id is None or area_id not in self.areas:
                break
            name, area_id = self.areas[area_id]
            names.append(name)
        return names


def category_trees() -> dict[int, tuple[list[str], list[str]]]:
    """Every category's ancestor slugs and names (itself last), in one query."""
    rows = list(Category.objects.values_list("pk", "path", "slug", "name"))
    by_path = {path: (slug, name) for _, path, slug, name in rows}
    steplen = Category.steplen
    trees = {}
    for pk, path, _, _ in rows:
        chain = [by_path[path[:end]] for end in range(steplen, len(path) + 1, steplen)]
        trees[pk] = ([slug for slug, _ in chain], [name for _, name in chain])
    return trees


def product_popularity(*, product_ids: Iterable[int] | None = None) -> dict[int, int]:
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


def lookups_load(
    *, product_ids: Iterable[int] | None = None, with_popularity: bool = True
) -> Lookups:
    """Partners, vendors, areas, categories and popularity (of ``product_ids``, or all)."""
    return Lookups(
        partner_names=dict(Partner.objects.values_list("pk", "name")),
        vendors={
            partner_id: VendorRow(slug=slug, kind=kind, commune_id=commune_id)
            for partner_id, slug, kind, commune_id in Vendor.objects.values_list(
                "partner_id", "slug", "kind", "commune_id"
            )
        },
        areas={
            pk: (name, parent_id)
            for pk, name, parent_id in AdministrativeArea.objects.values_list(
                "pk", "name", "parent_id"
            )
        },
        categories=category_trees(),
        popularity=product_popularity(product_ids=product_ids) if with_popularity else {},
    )


def _offers(rows) -> dict[int, list[Offer]]:
    offers: dict[int, list[Offer]] = {}
    for owner, partner_id, price, num_in_stock, num_allocated in rows:
        offers.setdefault(owner, []).append(Offer(partner_id, price, num_in_stock, num_allocated))
    return offers


def product_facts(product_ids: Iterable[int]) -> list[ProductFacts]:
    """The facts of the given products (those that exist), in id order."""
    ids = sorted(set(product_ids))
    if not ids:
        return []
    facts: dict[int, ProductFacts] = {}
    parents = []
    for row in (
        Product.objects.filter(pk__in=ids)
        .order_by("pk")
        .values_list(
            "pk",
            "structure",
            "title",
            "description",
            "rating",
            "date_created",
            "ocop_stars",
            "ocop_issued_on",
            "ocop_expires_on",
        )
    ):
        pk, structure, *rest = row
        facts[pk] = ProductFacts(pk, *rest)
        if structure == Product.PARENT:
            parents.append(pk)
    for product_id, category_id in ProductCategory.objects.filter(product_id__in=ids).values_list(
        "product_id", "category_id"
    ):
        facts[product_id].category_ids.append(category_id)
    for product_id, original in (
        ProductImage.objects.filter(product_id__in=ids)
        .order_by("product_id", "display_order", "pk")
        .values_list("product_id", "original")
    ):
        if not facts[product_id].image:
            facts[product_id].image = original or ""
    columns = ("partner_id", "price", "num_in_stock", "num_allocated")
    own = StockRecord.objects.filter(product_id__in=ids).order_by("pk")
    offers = _offers(own.values_list("product_id", *columns))
    if parents:
        variants = StockRecord.objects.filter(product__parent_id__in=parents).order_by("pk")
        for parent_id, parent_offers in _offers(
            variants.values_list("product__parent_id", *columns)
        ).items():
            offers.setdefault(parent_id, []).extend(parent_offers)
    for pk, product_offers in offers.items():
        facts[pk].offers = product_offers
    return list(facts.values())


def product_facts_chunks(
    product_ids: Iterable[int], *, size: int = CHUNK_SIZE
) -> Iterator[list[ProductFacts]]:
    """``product_facts`` a chunk at a time, so memory stays flat for any catalogue."""
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), size):
        yield product_facts(ids[start : start + size])
