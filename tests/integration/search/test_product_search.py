"""``search.services.product_search`` on both adapters.

Every test runs on the database adapter and on a real OpenSearch node
(scripts/opensearch/start.sh); tests of what only an engine does (typos,
synonyms, alias swaps) are marked ``engine_only``, and run on OpenSearch alone.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.test.factories import OrderLineFactory

from marketplace.models import Vendor
from search.engine import index_alias
from search.facets import SearchFilters
from search.indexing import engine_index_rebuild, product_documents_rebuild
from search.queries import BEST_SELLING, NEWEST, PRICE_ASC, PRICE_DESC, TOP_RATED
from search.services import product_search
from tests.factories import category_create, commune_create, product_create, vendor_create

pytestmark = pytest.mark.django_db


OPENSEARCH = pytest.param("opensearch", marks=pytest.mark.service("search"))
engine_only = pytest.mark.parametrize("backend", [OPENSEARCH], indirect=True)


@pytest.fixture(params=["database", OPENSEARCH])
def backend(request):
    if request.param == "opensearch":
        request.getfixturevalue("engine")
        return request.getfixturevalue("refresh")
    return lambda: None


def titles(result):
    return [p.title for p in result.products[0 : len(result.products)]]


def counts(result, name):
    return {f.label: f.count for f in result.facets[name]}


def values(result, name):
    return {f.value: f.count for f in result.facets[name]}


@pytest.fixture
def catalogue(backend):
    refresh = backend
    snacks = category_create("Thực phẩm > Cơm cháy")
    goat = category_create("Thực phẩm > Dê núi")
    crafts = category_create("Cói và thủ công > Chiếu cói")
    dong_son = vendor_create(
        "Hợp tác xã Đông Sơn", commune=commune_create("Ninh Hải", district="Hoa Lư")
    )
    kim_son = vendor_create(
        "Tổ hợp tác Cói Kim Sơn",
        kind=Vendor.Kind.COOPERATIVE_GROUP,
        commune=commune_create("Kim Chính", district="Kim Sơn"),
    )
    products = {
        "com_chay": product_create(
            "Cơm cháy chà bông", price=45000, category=snacks, vendor=dong_son
        ),
        "com_chay_mo_hanh": product_create(
            "Cơm cháy mỡ hành", price=40000, category=snacks, vendor=dong_son, stock=0
        ),
        "dac_san": product_create(
            "Dê núi khô",
            price=350000,
            category=goat,
            vendor=dong_son,
            description="<p>Đặc sản vùng núi đá Hoa Lư.</p>",
        ),
        "chieu": product_create("Chiếu cói Kim Sơn", price=250000, category=crafts, vendor=kim_son),
    }
    refresh()
    return products


@engine_only
def test_answers_come_from_the_engine(catalogue):
    assert product_search(query="com chay").answered_by == "opensearch"


def test_query_without_diacritics_finds_accented_titles(catalogue):
    assert set(titles(product_search(query="com chay"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }


def test_d_and_d_stroke_match_both_ways(catalogue):
    assert titles(product_search(query="dac san")) == ["Dê núi khô"]
    assert titles(product_search(query="ĐẶC SẢN")) == ["Dê núi khô"]
    assert titles(product_search(query="đê núi")) == ["Dê núi khô"]


@engine_only
def test_a_typo_on_a_longer_word_is_forgiven(catalogue):
    assert set(titles(product_search(query="com chai"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }


def test_short_words_are_not_fuzzy(catalogue):
    assert titles(product_search(query="cam chay")) == []


def test_exact_diacritic_form_ranks_first(catalogue, backend):
    refresh = backend
    product_create("Com chay gia re")  # the same words without marks
    refresh()
    assert titles(product_search(query="Cơm cháy mỡ"))[0] == "Cơm cháy mỡ hành"
    assert titles(product_search(query="Com chay gia"))[0] == "Com chay gia re"


def test_words_spread_over_fields_match(catalogue):
    assert titles(product_search(query="chieu kim son")) == ["Chiếu cói Kim Sơn"]
    assert set(titles(product_search(query="com chay dong son"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }


@engine_only
def test_synonyms_from_the_data_file(catalogue, refresh):
    product_create("Trà sen Tây Hồ")
    refresh()
    assert titles(product_search(query="che sen")) == ["Trà sen Tây Hồ"]


def test_facet_counts_reflect_the_other_filters(catalogue):
    everything = product_search()
    assert counts(everything, "category") == {"Cơm cháy": 2, "Dê núi": 1, "Chiếu cói": 1}
    assert counts(everything, "district") == {"Hoa Lư": 3, "Kim Sơn": 1}
    assert counts(everything, "kind") == {
        str(Vendor.Kind.COOPERATIVE.label): 3,
        str(Vendor.Kind.COOPERATIVE_GROUP.label): 1,
    }
    assert values(everything, "in_stock") == {"true": 3}
    assert [f.count for f in everything.facets["price"]] == [2, 2]

    hoa_lu = catalogue["com_chay"].stockrecords.get().partner.vendor.commune.parent
    in_hoa_lu = product_search(filters=SearchFilters(district=str(hoa_lu.pk)))
    assert set(titles(in_hoa_lu)) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành", "Dê núi khô"}
    # The district facet ignores its own filter so the shopper can switch...
    assert counts(in_hoa_lu, "district") == {"Hoa Lư": 3, "Kim Sơn": 1}
    assert [f.label for f in in_hoa_lu.facets["district"] if f.selected] == ["Hoa Lư"]
    # ...while every other facet counts within it.
    assert counts(in_hoa_lu, "category") == {"Cơm cháy": 2, "Dê núi": 1}

    combined = product_search(filters=SearchFilters(district=str(hoa_lu.pk), in_stock=True))
    assert set(titles(combined)) == {"Cơm cháy chà bông", "Dê núi khô"}
    assert counts(combined, "category") == {"Cơm cháy": 1, "Dê núi": 1}
    assert values(combined, "in_stock") == {"true": 2}


def test_price_band_and_category_filters(catalogue):
    cheap = product_search(filters=SearchFilters(price="under-50000"))
    assert set(titles(cheap)) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}
    food = catalogue["dac_san"].categories.get().get_parent()
    assert set(titles(product_search(category=food))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
        "Dê núi khô",
    }


def test_unknown_facet_values_give_an_empty_normal_result(catalogue):
    assert titles(product_search(filters=SearchFilters(kind="nope", price="x"))) == []
    result = product_search(filters=SearchFilters(district="999999"))
    assert titles(result) == []
    assert counts(result, "district") == {"Hoa Lư": 3, "Kim Sơn": 1}


def test_sorting(catalogue):
    assert titles(product_search(sort_by=PRICE_ASC))[0] == "Cơm cháy mỡ hành"
    assert titles(product_search(sort_by=PRICE_DESC))[0] == "Dê núi khô"
    assert titles(product_search(sort_by=NEWEST))[0] == "Chiếu cói Kim Sơn"


@engine_only
def test_pages_come_from_the_engine_one_at_a_time(catalogue):
    result = product_search(sort_by=PRICE_ASC, page=2, per_page=3)
    assert len(result.products) == 4
    assert [p.title for p in result.products[3:4]] == ["Dê núi khô"]
    assert [p.title for p in result.products[0:3]][0] == "Cơm cháy mỡ hành"


def test_hiding_a_product_removes_it_from_the_index(catalogue, backend):
    refresh = backend
    product = catalogue["com_chay"]
    product.is_public = False
    product.save()
    product_documents_rebuild(product_ids=[product.pk])
    refresh()
    assert titles(product_search(query="com chay")) == ["Cơm cháy mỡ hành"]


def test_saving_refreshes_the_index_after_commit(
    catalogue, backend, django_capture_on_commit_callbacks
):
    refresh = backend
    product = catalogue["chieu"]
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Thảm cói in hoa"
        product.save()
    refresh()
    assert titles(product_search(query="tham coi")) == ["Thảm cói in hoa"]


@engine_only
def test_rebuild_swaps_the_alias_and_drops_the_old_index(catalogue, engine):
    alias = index_alias()
    before = engine.alias_indices(alias=alias)
    seen = []
    report = engine_index_rebuild(
        engine=engine,
        # While the new index fills, the alias still answers from the old one.
        progress=lambda done, total: seen.append(len(titles(product_search(query="com chay")))),
    )
    assert seen and all(count == 2 for count in seen)
    assert report["indexed"] == 4 and report["removed"] == before
    assert engine.alias_indices(alias=alias) == [report["index"]]
    assert set(titles(product_search(query="com chay"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }


@engine_only
def test_searches_running_throughout_a_rebuild_never_see_zero_results(
    catalogue, engine, refresh, monkeypatch
):
    """A second thread searches in a bounded loop while the index is rebuilt twice."""
    import threading

    from search import indexing
    from search.queries import parse_ids, product_search_body

    for n in range(20):
        product_create(f"Cơm cháy số {n}")
    refresh()
    monkeypatch.setattr(indexing, "BATCH_SIZE", 1)  # one bulk request per product: a slow rebuild
    body = product_search_body(
        query="com chay", filters=SearchFilters(), sort_by="", offset=0, size=1
    )
    alias = index_alias()
    totals: list[int] = []
    rebuilding = threading.Event()
    rebuilding.set()

    def search_continuously() -> None:
        for _ in range(5_000):  # bounded, whatever happens to the rebuild
            totals.append(parse_ids(engine.search(index=alias, body=body))[1])
            if not rebuilding.is_set():
                return

    searcher = threading.Thread(target=search_continuously)
    searcher.start()
    try:
        flushes = []
        for _ in range(2):
            engine_index_rebuild(engine=engine, progress=lambda done, total: flushes.append(done))
    finally:
        rebuilding.clear()
        searcher.join(timeout=60)
    assert not searcher.is_alive()
    assert len(flushes) >= 40 and len(totals) >= 10  # the searches overlapped the rebuilds
    assert set(totals) == {22}  # every answer complete: never zero, never half an index


def test_changing_a_vendor_kind_moves_its_products_between_facets(
    catalogue, backend, django_capture_on_commit_callbacks
):
    refresh = backend
    vendor = catalogue["chieu"].stockrecords.get().partner.vendor
    with django_capture_on_commit_callbacks(execute=True):
        vendor.kind = Vendor.Kind.COOPERATIVE
        vendor.save()
    refresh()
    assert counts(product_search(), "kind") == {str(Vendor.Kind.COOPERATIVE.label): 4}


def test_renaming_a_commune_makes_the_new_name_searchable(
    catalogue, backend, django_capture_on_commit_callbacks
):
    refresh = backend
    commune = catalogue["chieu"].stockrecords.get().partner.vendor.commune
    with django_capture_on_commit_callbacks(execute=True):
        commune.name = "Xã Lai Thành"
        commune.save()
    refresh()
    assert titles(product_search(query="lai thanh")) == ["Chiếu cói Kim Sơn"]


def test_commune_and_district_names_are_searchable_words(catalogue, backend):
    refresh = backend
    yen_khanh = vendor_create(
        "Hợp tác xã Bánh đa Khánh Thiện",
        commune=commune_create("Khánh Thiện", district="Yên Khánh"),
    )
    product_create("Bánh đa vừng", vendor=yen_khanh)
    refresh()
    assert titles(product_search(query="yen khanh")) == ["Bánh đa vừng"]
    assert titles(product_search(query="banh khanh thien")) == ["Bánh đa vừng"]
    assert set(titles(product_search(query="ninh hai com"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }


# --- OCOP stars, rating, popularity ---------------------------------------------------


def _certify(product, stars, *, issued=None, expires=None):
    product.ocop_stars = stars
    product.ocop_issued_on = issued
    product.ocop_expires_on = expires
    product.save()
    product_documents_rebuild(product_ids=[product.pk])


def test_ocop_facet_counts_only_certificates_valid_today(catalogue, backend):
    refresh = backend
    today = timezone.localdate()
    _certify(catalogue["com_chay"], 4, issued=today - timedelta(days=30), expires=today)
    _certify(catalogue["dac_san"], 5, expires=today - timedelta(days=1))  # expired
    _certify(catalogue["chieu"], 3)  # no dates: valid
    _certify(catalogue["com_chay_mo_hanh"], 5, issued=today + timedelta(days=1))  # not yet
    refresh()
    everything = product_search()
    assert counts(everything, "ocop") == {"OCOP 4 sao": 1, "OCOP 3 sao": 1}
    assert [f.value for f in everything.facets["ocop"]] == ["4", "3"]
    four = product_search(filters=SearchFilters(ocop="4"))
    assert titles(four) == ["Cơm cháy chà bông"]
    assert counts(four, "ocop") == {"OCOP 4 sao": 1, "OCOP 3 sao": 1}  # ignores its own filter
    assert counts(four, "category") == {"Cơm cháy": 1}
    assert titles(product_search(filters=SearchFilters(ocop="5"))) == []
    assert titles(product_search(filters=SearchFilters(ocop="7"))) == []
    # Combined with the text query and another facet.
    assert titles(product_search(query="com chay", filters=SearchFilters(ocop="3"))) == []
    assert counts(product_search(query="chieu"), "ocop") == {"OCOP 3 sao": 1}


@engine_only
def test_a_certificate_running_out_after_indexing_stops_counting(catalogue, refresh, monkeypatch):
    today = timezone.localdate()
    _certify(catalogue["com_chay"], 4, expires=today)
    refresh()
    assert titles(product_search(filters=SearchFilters(ocop="4"))) == ["Cơm cháy chà bông"]
    # The next morning, before any rebuild:
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + timedelta(days=1))
    assert titles(product_search(filters=SearchFilters(ocop="4"))) == []
    assert counts(product_search(), "ocop") == {}


def _sell(product, quantity):
    record = product.stockrecords.first()
    OrderLineFactory(
        product=product, stockrecord=record, partner_sku=record.partner_sku, quantity=quantity
    )


def test_best_selling_sort_counts_ordered_units(
    catalogue, backend, django_capture_on_commit_callbacks
):
    refresh = backend
    with django_capture_on_commit_callbacks(execute=True):
        _sell(catalogue["chieu"], 2)
        _sell(catalogue["chieu"], 3)
        _sell(catalogue["dac_san"], 4)
    refresh()
    assert titles(product_search(sort_by=BEST_SELLING))[:2] == ["Chiếu cói Kim Sơn", "Dê núi khô"]
    assert titles(product_search(query="com chay", sort_by=BEST_SELLING)) == [
        "Cơm cháy mỡ hành",  # neither sold: newest first
        "Cơm cháy chà bông",
    ]


def test_top_rated_sort_uses_the_review_rating(catalogue, backend):
    refresh = backend
    for key, rating in (("dac_san", 4.5), ("com_chay", 3.0)):
        product = catalogue[key]
        product.rating = rating
        product.save()
        product_documents_rebuild(product_ids=[product.pk])
    refresh()
    assert titles(product_search(sort_by=TOP_RATED))[:2] == ["Dê núi khô", "Cơm cháy chà bông"]


@engine_only
def test_a_repeated_search_is_answered_from_the_engines_request_cache(catalogue, engine):
    def cache_hits() -> int:
        stats = engine.client.indices.stats(index=index_alias(), metric="request_cache")
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    first = titles(product_search(query="com chay", filters=SearchFilters(in_stock=True)))
    before = cache_hits()
    again = titles(product_search(query="com chay", filters=SearchFilters(in_stock=True)))
    assert again == first == ["Cơm cháy chà bông"]
    assert cache_hits() == before + 1


@engine_only
def test_the_rebuilt_index_refreshes_by_itself_again(catalogue, engine):
    """The index fills without refreshing; once live it must show new saves within a second."""
    report = engine_index_rebuild(engine=engine)
    settings = engine.client.indices.get_settings(index=report["index"])
    assert settings[report["index"]]["settings"]["index"]["refresh_interval"] == "1s"


@engine_only
def test_the_rebuild_reads_products_in_queries_that_do_not_grow_with_them(
    catalogue, engine, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rebuild_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            engine_index_rebuild(engine=engine)
        return len(captured.captured_queries)

    before = rebuild_queries()
    vendor = catalogue["chieu"].stockrecords.get().partner.vendor
    for n in range(12):
        product_create(f"Chiếu cói số {n}", vendor=vendor)
    assert rebuild_queries() == before
    assert len(titles(product_search(query="chieu coi"))) == 13


@engine_only
def test_the_rebuild_counts_popularity_in_one_query(catalogue, engine):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _sell(catalogue["chieu"], 2)
    with CaptureQueriesContext(connection) as captured:
        engine_index_rebuild(engine=engine)
    line_queries = [q for q in captured.captured_queries if '"order_line"' in q["sql"]]
    assert len(line_queries) == 1


# --- Variants -------------------------------------------------------------------------


@pytest.fixture
def variants(catalogue, backend):
    from oscar.test.factories import create_product

    from marketplace.models import Listing

    refresh = backend
    vendor = catalogue["chieu"].stockrecords.get().partner.vendor
    parent = create_product(title="Túi cói thêu hoa", structure="parent")
    Listing.objects.create(product=parent, status="approved")
    for title, price, stock in (("Túi cói thêu hoa, cỡ nhỏ", 45000, 0), ("cỡ lớn", 90000, 5)):
        create_product(
            title=title,
            parent=parent,
            price=Decimal(price),
            num_in_stock=stock,
            partner_name=vendor.partner.name,
        )
    product_documents_rebuild(product_ids=[parent.pk])
    refresh()
    return parent


def test_variants_roll_up_into_their_parent(variants):
    assert titles(product_search(query="tui coi")) == ["Túi cói thêu hoa"]
    assert titles(product_search(query="tui coi", filters=SearchFilters(price="under-50000"))) == [
        "Túi cói thêu hoa"
    ]  # the cheapest variant's price
    assert titles(product_search(query="tui coi", filters=SearchFilters(in_stock=True))) == [
        "Túi cói thêu hoa"
    ]  # one variant is in stock
    result = product_search(query="tui coi")
    assert counts(result, "district") == {"Kim Sơn": 1}
    assert values(result, "in_stock") == {"true": 1}
    assert "Túi cói thêu hoa" in titles(product_search(query="kim son tui"))  # vendor and place


def test_a_variant_change_refreshes_its_parent(
    variants, backend, django_capture_on_commit_callbacks
):
    refresh = backend
    child = variants.children.get(title="cỡ lớn")
    with django_capture_on_commit_callbacks(execute=True):
        record = child.stockrecords.get()
        record.num_in_stock = 0
        record.save()
    refresh()
    assert titles(product_search(query="tui coi", filters=SearchFilters(in_stock=True))) == []
    with django_capture_on_commit_callbacks(execute=True):
        _sell(child, 7)
    refresh()
    assert titles(product_search(sort_by=BEST_SELLING))[0] == "Túi cói thêu hoa"
