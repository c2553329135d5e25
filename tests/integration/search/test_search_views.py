"""The search and listing pages with hostile input, on the database and on the engine."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import category_create, product_create

pytestmark = pytest.mark.django_db

BACKENDS = ["database", pytest.param("engine", marks=pytest.mark.service("search"))]

BAD_QUERIES = [
    "",
    "x" * 10_000,
    "!!! ??? ... ---",
    'title:(com OR chay) AND NOT "x" ~2 ^9 * ? [a TO z] {1 TO 2} /re.*/ \\',
    '{"script": {"source": "System.exit(0)"}}',
    "<script>alert(1)</script>",
    "'; DROP TABLE catalogue_product; --",
    "\x00\x01 com",
    "title:(a OR b)",
    "*",
    '"',
    "\\",
    'com" OR "1"="1',
    "com~ chay^10",
    "<img src=x onerror=alert(1)>",
    "${jndi:ldap://x}",
    "{{7*7}}",
]


@pytest.fixture(params=BACKENDS)
def backend(request):
    if request.param == "engine":
        request.getfixturevalue("engine")
        return request.getfixturevalue("refresh")
    return lambda: None


@pytest.fixture
def products(backend):
    category = category_create("Thực phẩm > Cơm cháy")
    made = [
        product_create(f"Cơm cháy số {n}", price=40000 + n * 1000, category=category)
        for n in range(30)
    ]
    backend()
    return made


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_normal_page(client, products, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html  # escaped, never markup
    assert client.get("/catalogue/", {"q": query}).status_code == 200
    suggestions = client.get("/search/suggest/", {"q": query})
    assert suggestions.status_code == 200
    assert set(suggestions.json()) == {"products", "vendors", "stories"}


@pytest.mark.parametrize(
    "query, found",
    [
        ("title:(xyz OR abc)", 0),  # "or" is a word every product would need, not an operator
        ('"com chay" AND NOT xyz', 0),
        ("com*", 30),  # the star is dropped, "com" is searched
        ("*", 30),  # no word at all: the same as an empty search
        ("!!! ???", 30),
    ],
)
def test_lucene_syntax_is_searched_as_plain_words(client, products, query, found):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["paginator"].count == found


@pytest.mark.parametrize(
    "params",
    [
        {"district": "999999"},
        {"commune": "abc"},
        {"kind": "no-such-kind"},
        {"price": "free"},
        {"in_stock": "maybe"},
        {"category": "no-such-category"},
        {"sort_by": "_script"},
        {"ocop": "6"},
        {"ocop": "<b>"},
        {"sort_by": "best-selling", "ocop": "4"},
        {"q": "com", "district": "1", "commune": "2", "kind": "cooperative", "price": "500000-up"},
    ],
)
def test_unknown_facet_values_give_a_normal_page(client, products, params):
    assert client.get("/search/", params).status_code == 200
    assert client.get("/catalogue/", params).status_code == 200


@pytest.mark.parametrize("page", ["999", "0", "-1", "abc", "9" * 40, "420", "417", "1e3", " 2"])
def test_out_of_range_pages_redirect_to_the_first_page(client, products, page):
    response = client.get("/search/", {"q": "com chay", "page": page})
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert "page=" not in response["Location"]


def test_the_second_page_shows_the_rest(client, products):
    response = client.get("/search/", {"q": "com chay", "page": "2", "sort_by": "price-asc"})
    assert response.status_code == 200
    assert [p.title for p in response.context["products"]] == [
        f"Cơm cháy số {n}" for n in range(24, 30)
    ]


def test_results_pages_make_a_constant_number_of_queries(client, products, settings):
    """A page of 24 products costs as many queries as a page of 2."""

    def queries(per_page: int) -> int:
        from search.views import ProductSearchView

        original = ProductSearchView.paginate_by
        ProductSearchView.paginate_by = per_page
        try:
            with CaptureQueriesContext(connection) as captured:
                assert client.get("/search/", {"q": "com chay"}).status_code == 200
        finally:
            ProductSearchView.paginate_by = original
        return len(captured.captured_queries)

    queries(2)  # warm caches shared by every page (site, categories, session)
    assert queries(24) == queries(2)


def test_an_over_long_query_searches_for_its_start(client, products):
    response = client.get("/search/", {"q": "com chay " + "x" * 10_000})
    assert response.status_code == 200
    assert response.context["query"].startswith("com chay x")
    assert len(response.context["query"]) == 200
    assert 'maxlength="200"' in response.content.decode()


def test_facet_links_toggle_one_filter_and_keep_the_rest(client, products):
    response = client.get("/search/", {"q": "com chay", "in_stock": "true", "page": "2"})
    groups = {group["name"]: group["links"] for group in response.context["facet_groups"]}
    assert set(groups) >= {"category", "district", "commune", "kind", "price", "in_stock"}
    district = groups["district"][0]
    assert "q=com+chay" in district["url"] and "in_stock=true" in district["url"]
    assert "district=" in district["url"] and "page=" not in district["url"]
    (in_stock,) = groups["in_stock"]
    assert in_stock["facet"].selected
    assert "in_stock" not in in_stock["url"]  # clicking a selected value removes it


def test_every_facet_is_shown_as_links(client, products):
    response = client.get("/search/", {"q": "com chay"})
    html = response.content.decode()
    for group in response.context["facet_groups"]:
        assert f'id="facet-{group["name"]}"' in html
        assert str(group["title"]) in html
        for link in group["links"]:
            assert link["url"].replace("&", "&amp;") in html
