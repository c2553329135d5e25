"""The engine requests built from a shopper's input (no engine needed)."""

from __future__ import annotations

import json

import pytest

from search.facets import SearchFilters
from search.queries import MAX_WINDOW, PRICE_ASC, parse_counts, product_search_body


def body(query="", filters=None, sort_by="", offset=0, size=24):
    return product_search_body(
        query=query, filters=filters or SearchFilters(), sort_by=sort_by, offset=offset, size=size
    )


@pytest.mark.parametrize(
    "query",
    ["title:x OR 1=1", '{"script": "System.exit(0)"}', "*:*", "a" * 10_000, "/.*/ ~ ^ \\"],
)
def test_user_text_only_reaches_analysed_match_queries(query):
    sent = json.dumps(body(query=query))
    assert "query_string" not in sent and "script" not in json.dumps(
        {k: v for k, v in body(query=query).items() if k != "query"}
    )
    matching = body(query=query)["query"]["bool"]["must"][0]["bool"]["should"]
    assert {clause["multi_match"]["type"] for clause in matching} == {"best_fields", "cross_fields"}
    assert len(matching[0]["multi_match"]["query"]) <= 200


def test_fuzziness_spares_short_words():
    fuzzy = body(query="com chai")["query"]["bool"]["must"][0]["bool"]["should"][0]
    assert fuzzy["multi_match"]["fuzziness"] == "AUTO:4,7"


def test_filters_go_to_the_post_filter_and_each_facet_ignores_its_own():
    sent = body(filters=SearchFilters(district="3", in_stock=True, price="under-50000"))
    assert len(sent["post_filter"]["bool"]["filter"]) == 3
    district = sent["aggs"]["district"]["filter"]["bool"]["filter"]
    assert {"term": {"district": "3"}} not in district
    assert {"term": {"in_stock": True}} in district
    assert {"range": {"price": {"lt": 50000}}} in district
    assert len(sent["aggs"]["category"]["filter"]["bool"]["filter"]) == 3


def test_unknown_price_band_is_ignored():
    assert "post_filter" not in body(filters=SearchFilters(price="free"))


def test_sort_and_window():
    assert body(sort_by=PRICE_ASC)["sort"][0] == {"price": {"order": "asc", "missing": "_last"}}
    far = body(offset=10**9, size=24)
    assert far["from"] + far["size"] <= MAX_WINDOW


def test_range_buckets_and_boolean_terms_are_parsed():
    counts = parse_counts(
        {
            "aggregations": {
                "price": {"values": {"buckets": [{"key": "under-50000", "doc_count": 4}]}},
                "in_stock": {
                    "values": {"buckets": [{"key": 0, "key_as_string": "false", "doc_count": 1}]}
                },
            }
        }
    )
    assert counts["price"] == {"under-50000": 4}
    assert counts["in_stock"] == {"false": 1}
    assert counts["district"] == {}
