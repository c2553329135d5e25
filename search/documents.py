"""What a product looks like in the search engine, and the index that holds it.

Vietnamese shoppers type without marks ("com chay" for "cơm cháy"), so text is
indexed twice: folded with the original kept (``asciifolding`` with
``preserve_original``, plus an explicit đ→d mapping) for matching, and in an
``exact`` sub-field that keeps the marks, so a query typed with the right
diacritics ranks the exact forms first. Synonyms apply at search time only,
so editing ``search/data/synonyms.txt`` needs no reindex of the text itself.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.utils.html import strip_tags
from elasticsearch.dsl import (
    Boolean,
    Date,
    Float,
    Index,
    Integer,
    Keyword,
    Long,
    Mapping,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.facts import Lookups, ProductFacts, ProductImage
from search.text import fold, text_plain

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.txt"

vi_d = char_filter("vi_d", "mapping", mappings=["đ => d", "Đ => D"])
vi_fold = token_filter("vi_fold", "asciifolding", preserve_original=True)
vi_edge = token_filter("vi_edge", "edge_ngram", min_gram=1, max_gram=20)


def synonyms() -> list[str]:
    """The synonym groups kept as data, without comments and blank lines."""
    lines = SYNONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _analyzers():
    vi_synonyms = token_filter("vi_synonyms", "synonym_graph", synonyms=synonyms(), lenient=True)
    folded = analyzer(
        "vi_folded", tokenizer="standard", char_filter=[vi_d], filter=["lowercase", vi_fold]
    )
    folded_search = analyzer(
        "vi_folded_search",
        tokenizer="standard",
        filter=["lowercase", vi_synonyms, vi_fold],
        char_filter=[vi_d],
    )
    exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
    # Word starts for the search box's suggestions: "com ch" finds "cơm cháy".
    prefix = analyzer(
        "vi_prefix",
        tokenizer="standard",
        char_filter=[vi_d],
        filter=["lowercase", vi_fold, vi_edge],
    )
    return folded, folded_search, exact, prefix


def _text(folded, folded_search, exact, prefix=None) -> Text:
    fields = {"exact": Text(analyzer=exact)}
    if prefix is not None:
        fields["prefix"] = Text(analyzer=prefix, search_analyzer=folded)
    return Text(analyzer=folded, search_analyzer=folded_search, fields=fields)


def product_index(*, name: str) -> Index:
    """The product index: one shard (a province's catalogue is small), no replicas."""
    folded, folded_search, exact, prefix = _analyzers()
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10000)
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.field("title", _text(folded, folded_search, exact, prefix))
    mapping.field("description", _text(folded, folded_search, exact))
    mapping.field("category_path", _text(folded, folded_search, exact))
    mapping.field("vendor_name", _text(folded, folded_search, exact, prefix))
    mapping.field("vendor", Keyword())
    mapping.field("place", _text(folded, folded_search, exact))
    mapping.field("title_sort", Keyword())
    mapping.field("categories", Keyword())
    mapping.field("category_tree", Keyword())
    mapping.field("vendor_kind", Keyword())
    mapping.field("district", Keyword())
    mapping.field("commune", Keyword())
    mapping.field("price", Long())
    mapping.field("in_stock", Boolean())
    # Stars valid on the day of indexing, and the last day they stay valid: the
    # queries also drop stars past that day, so an expired certificate stops
    # counting even before the nightly rebuild.
    mapping.field("ocop_stars", Integer())
    mapping.field("ocop_until", Date())
    mapping.field("rating", Float())
    mapping.field("popularity", Long())
    mapping.field("created", Date())
    mapping.field("image_url", Keyword(index=False))
    index.mapping(mapping)
    return index


def page_index(*, name: str) -> Index:
    """Stories and articles: the same Vietnamese analysis as products."""
    folded, folded_search, exact, prefix = _analyzers()
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.field("title", _text(folded, folded_search, exact, prefix))
    mapping.field("intro", _text(folded, folded_search, exact))
    mapping.field("body", _text(folded, folded_search, exact))
    mapping.field("vendor_name", _text(folded, folded_search, exact))
    mapping.field("place", _text(folded, folded_search, exact))
    mapping.field("kind", Keyword())
    mapping.field("published", Date())
    index.mapping(mapping)
    return index


def page_document(page) -> dict:
    """A live story or article (specific page, ``vendor__commune__parent`` selected)."""
    vendor = getattr(page, "vendor", None)
    commune = vendor.commune if vendor else None
    district = commune.parent if commune else None
    return {
        "title": page.title,
        "intro": strip_tags(page.intro or ""),
        "body": strip_tags(str(page.body or "")),
        "vendor_name": vendor.name if vendor else "",
        "place": " ".join(area.name for area in (commune, district) if area is not None),
        "kind": page._meta.model_name,
        "published": page.first_published_at.isoformat() if page.first_published_at else None,
    }


def image_url(name: str) -> str:
    """The public address of a product picture stored under ``name``."""
    return ProductImage._meta.get_field("original").storage.url(name)


def product_document(facts: ProductFacts, *, lookups: Lookups, today: datetime.date) -> dict:
    """The engine document of a product (see ``search.facts`` for how facts are read)."""
    vendor = lookups.vendor(facts.offers)
    commune_id = vendor.commune_id if vendor else None
    district_id = lookups.areas[commune_id][1] if commune_id in lookups.areas else None
    prices = [int(offer.price) for offer in facts.offers if offer.price is not None]
    tree: list[str] = []
    path_names: list[str] = []
    slugs_direct: list[str] = []
    for category_id in facts.category_ids:
        slugs, names = lookups.categories.get(category_id, ([], []))
        tree.extend(slug for slug in slugs if slug not in tree)
        path_names.append(" ".join(names))
        if slugs:
            slugs_direct.append(slugs[-1])
    stars = facts.ocop_stars_on(today)
    partner_names = {lookups.partner_names.get(offer.partner_id, "") for offer in facts.offers}
    return {
        "title": facts.title,
        "title_sort": fold(facts.title),
        "description": text_plain(facts.description),
        "category_path": " ".join(path_names),
        "vendor_name": ", ".join(sorted(partner_names - {""})),
        "place": " ".join(lookups.places(vendor)),
        "categories": slugs_direct,
        "category_tree": tree,
        "vendor": vendor.slug if vendor else None,
        "vendor_kind": vendor.kind if vendor else None,
        # Area ids, not slugs: a commune's slug is unique only within its district.
        "district": str(district_id) if district_id else None,
        "commune": str(commune_id) if commune_id else None,
        "price": min(prices) if prices else None,
        "in_stock": any(offer.in_stock for offer in facts.offers),
        "ocop_stars": stars,
        "ocop_until": facts.ocop_expires_on.isoformat()
        if stars and facts.ocop_expires_on
        else None,
        "rating": facts.rating,
        "popularity": lookups.popularity.get(facts.pk, 0),
        "created": facts.created.isoformat(),
        "image_url": image_url(facts.image) if facts.image else None,
    }
