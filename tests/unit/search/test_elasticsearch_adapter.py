"""The Elasticsearch 8 adapter, against a tiny fake server on 127.0.0.1.

Elasticsearch itself cannot run on the build machines, so this checks the
requests the official client sends for each port operation and that the
adapter parses the answers; the same operations run for real on OpenSearch.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from search.engine import ElasticsearchEngine, EngineError
from search.facets import SearchFilters
from search.queries import parse_counts, parse_ids, product_search_body


class FakeElasticsearch(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[dict] = []
        self.responses: dict[tuple[str, str], tuple[int, object]] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        path = self.path.split("?")[0]
        self.server.requests.append(
            {"method": self.command, "path": path, "query": self.path, "body": raw}
        )
        status, body = self.server.responses.get((self.command, path), (200, {}))
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


@pytest.fixture
def fake():
    server = FakeElasticsearch()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def engine(fake):
    return ElasticsearchEngine(url=fake.url, timeout=2)


def test_search_sends_the_dsl_body_and_parses_ids_and_facets(fake, engine):
    body = product_search_body(
        query="com chay", filters=SearchFilters(in_stock=True), sort_by="", offset=0, size=24
    )
    fake.responses[("POST", "/shop-products/_search")] = (
        200,
        {
            "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [{"_id": "7"}, {"_id": "3"}]},
            "aggregations": {
                "district": {"values": {"buckets": [{"key": "12", "doc_count": 2}]}},
                "in_stock": {
                    "values": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 2}]}
                },
            },
        },
    )
    response = engine.search(index="shop-products", body=body)
    request = fake.requests[-1]
    assert request["method"] == "POST" and request["path"] == "/shop-products/_search"
    assert "request_cache=true" in request["query"]  # popular searches answered from the cache
    sent = json.loads(request["body"])
    assert sent["query"] == body["query"]
    assert sent["post_filter"] == {"bool": {"filter": [{"term": {"in_stock": True}}]}}
    assert "query_string" not in request["body"]
    assert parse_ids(response) == ([7, 3], 2)
    counts = parse_counts(response)
    assert counts["district"] == {"12": 2}
    assert counts["in_stock"] == {"true": 2}


def test_search_many_sends_each_search_in_one_request_and_answers_each(fake, engine):
    fake.responses[("POST", "/_msearch")] = (
        200,
        {
            "took": 4,
            "responses": [
                {"hits": {"total": {"value": 1}, "hits": [{"_id": "5"}]}, "status": 200},
                {"error": {"type": "index_closed_exception"}, "status": 400},
            ],
        },
    )
    products, pages = engine.search_many(
        [("shop-products", {"query": {"match_all": {}}}, False), ("shop-pages", {"size": 6}, True)]
    )
    request = fake.requests[-1]
    assert request["path"] == "/_msearch"
    lines = [json.loads(line) for line in request["body"].strip().splitlines()]
    assert lines == [
        {"index": "shop-products", "request_cache": True},
        {"query": {"match_all": {}}},
        {"index": "shop-pages", "request_cache": True, "ignore_unavailable": True},
        {"size": 6},
    ]
    assert parse_ids(products) == ([5], 1)
    assert isinstance(pages, EngineError)  # one failed, the other still answered


def test_search_many_refuses_an_answer_that_lost_a_search(fake, engine):
    fake.responses[("POST", "/_msearch")] = (200, {"responses": [{"hits": {"hits": []}}]})
    with pytest.raises(EngineError):
        engine.search_many([("a", {}, False), ("b", {}, False)])


def test_index_create_alias_swap_bulk_and_refresh_requests(fake, engine):
    fake.responses[("HEAD", "/_alias/shop-products")] = (200, {})
    fake.responses[("GET", "/_alias/shop-products")] = (
        200,
        {"shop-products-1": {"aliases": {"shop-products": {}}}},
    )
    fake.responses[("PUT", "/shop-products-2/_bulk")] = (
        200,
        {
            "errors": True,
            "items": [
                {"index": {"_id": "1", "status": 201}},
                {"delete": {"_id": "2", "status": 404}},
                {"index": {"_id": "3", "status": 400}},
            ],
        },
    )
    engine.index_create(name="shop-products-2", body={"settings": {"number_of_shards": 1}})
    failed = engine.bulk(
        index="shop-products-2",
        operations=[
            {"index": {"_id": "1"}},
            {"title": "Cơm cháy"},
            {"delete": {"_id": "2"}},
            {"index": {"_id": "3"}},
            {"title": "x"},
        ],
    )
    engine.refresh(index="shop-products-2")
    old = engine.alias_swap(alias="shop-products", index="shop-products-2")

    by_path = {(r["method"], r["path"]): r for r in fake.requests}
    created = json.loads(by_path[("PUT", "/shop-products-2")]["body"])
    assert created == {"settings": {"number_of_shards": 1}}
    bulk_lines = by_path[("PUT", "/shop-products-2/_bulk")]["body"].strip().split("\n")
    assert [json.loads(line) for line in bulk_lines][1] == {"title": "Cơm cháy"}
    assert failed == 1  # the missing delete (404) is not a failure
    assert ("POST", "/shop-products-2/_refresh") in by_path
    assert old == ["shop-products-1"]
    assert json.loads(by_path[("POST", "/_aliases")]["body"]) == {
        "actions": [
            {"remove": {"index": "shop-products-1", "alias": "shop-products"}},
            {"add": {"index": "shop-products-2", "alias": "shop-products"}},
        ]
    }


def test_index_settings_are_put_under_index(fake, engine):
    engine.index_settings(name="shop-products-2", settings={"refresh_interval": "1s"})
    (request,) = fake.requests
    assert (request["method"], request["path"]) == ("PUT", "/shop-products-2/_settings")
    assert json.loads(request["body"]) == {"index": {"refresh_interval": "1s"}}


def test_errors_become_engine_errors(fake, engine):
    fake.responses[("POST", "/shop-products/_search")] = (
        400,
        {"error": {"type": "search_phase_execution_exception"}, "status": 400},
    )
    with pytest.raises(EngineError):
        engine.search(index="shop-products", body={"query": {"match_all": {}}})


def test_health_reads_the_cluster_status(fake, engine):
    fake.responses[("GET", "/_cluster/health")] = (200, {"status": "yellow"})
    assert engine.health() == "ok"
    fake.responses[("GET", "/_cluster/health")] = (200, {"status": "red"})
    assert engine.health() == "down"
