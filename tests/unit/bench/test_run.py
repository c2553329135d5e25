"""The bench chooses the same pages in both shops and never touches the configured database."""

import pytest

from bench import dataset, run


def product(upc, category, partner, stock=5):
    return {"upc": upc, "category": category, "partner_code": partner, "stock": stock}


def test_pages_are_chosen_from_the_largest_category_in_stock():
    document = {
        "products": [
            product("A1", "mat-ong", "p1"),
            product("B1", "com-chay", "p1", stock=0),
            product("B2", "com-chay", "p2"),
            product("B3", "com-chay", "p2"),
            product("C1", "gao", "p3"),
        ]
    }
    spec = run.pages_choose(document)
    assert spec["category"] == "com-chay"
    assert spec["product"] == "B2"  # B1 is out of stock
    assert spec["basket"] == ["A1", "B2", "C1"]  # three sellers
    assert spec["common_term"] and spec["rare_term"]


def test_an_empty_dataset_is_refused():
    with pytest.raises(ValueError):
        run.pages_choose({"products": []})


def test_postgres_bench_databases_sit_beside_the_configured_one():
    ours, peer = run.database_urls("postgres://u:p@127.0.0.1:5433/chophunu")
    assert ours == "postgres://u:p@127.0.0.1:5433/chophunu_bench"
    assert peer == "postgres://u:p@127.0.0.1:5433/chophunu_bench_peer"


def test_without_postgres_the_bench_uses_sqlite_files_in_its_folder():
    ours, peer = run.database_urls("")
    assert ours == f"sqlite:///{run.WORK / 'marketplace.sqlite3'}"
    assert peer == f"sqlite:///{run.WORK / 'peer.sqlite3'}"
    assert run.database_urls("sqlite:///db.sqlite3") == (ours, peer)


def test_the_csrf_secret_has_the_shape_django_accepts():
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

    assert len(run.CSRF_SECRET) == CSRF_SECRET_LENGTH
    assert set(run.CSRF_SECRET) <= set(CSRF_ALLOWED_CHARS)


def test_the_dataset_module_imports_no_marketplace_code():
    """The peer's virtualenv imports bench.dataset: nothing of ours at module level."""
    source = (run.BENCH / "dataset.py").read_text()
    header = source.split("def dataset_document", 1)[0]
    assert "from marketplace" not in header and "import django" not in header
    assert dataset.FORMAT.startswith("chophunu-bench-dataset/")


def test_cold_queries_are_one_and_two_words_of_titles_each_distinct_once_folded():
    document = {
        "products": [
            {"title": "Cơm cháy chà bông – quà Tết (2)"},
            {"title": "Cơm cháy Ninh Bình"},
            {"title": "Mật ong hoa nhãn Đồng Giao"},
        ]
    }
    queries = run.search_queries_build(document)
    assert queries[:6] == ["cơm cháy", "cơm", "chay cha", "chay", "chà bông", "chà"]
    assert "bông quà" not in queries and "bong qua" not in queries  # across the dash
    assert not any(ch.isdigit() for q in queries for ch in q)
    folded = [run.fold(q) for q in queries]
    assert len(folded) == len(set(folded))  # "Cơm cháy" of the second title is not sent again
    assert {len(q.split()) for q in queries} == {1, 2}
    # Half of the pairs and half of the single words are typed without marks.
    assert all(q == run.fold(q) for n, q in enumerate(queries) if n // 2 % 2)
    assert sum(q != run.fold(q) for q in queries) >= len(queries) // 2 - 3
    assert "đồng giao" in queries or "dong giao" in queries
    assert run.fold("Đồng Giao") == "dong giao"


def test_cold_queries_file_has_one_query_a_line(tmp_path):
    path = tmp_path / "queries.txt"
    count = run.search_queries_write({"products": [{"title": "Mật ong rừng"}]}, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 5
    assert lines == ["mật ong", "mật", "ong rung", "ong", "rừng"]
    assert run.search_queries_build({"products": []}) == []


def test_the_rebuild_throughput_line_is_read_into_figures():
    output = (
        "\r[#####.....] 5000/10000\r[##########] 10000/10000\n"
        "Indexed 10000 products into chophunu-bench-products-1 (0 failed); alias swapped.\n"
        "Throughput: 2345 products/s (10000 in 4.26 s).\n"
        "Indexed 12 stories and articles into chophunu-bench-pages-1 (0 failed).\n"
    )
    assert run.rebuild_throughput_parse(output) == {
        "products_per_s": 2345,
        "products": 10000,
        "seconds": 4.26,
    }
    with pytest.raises(ValueError, match="Throughput"):
        run.rebuild_throughput_parse("Indexed 0 products\n")


def test_bench_search_0_skips_search_even_with_an_engine(monkeypatch):
    engine = run.BenchEngine({"BENCH_SEARCH": "0", "SEARCH_URL": "http://127.0.0.1:9200"})
    engine.start()
    assert engine.skipped == "BENCH_SEARCH=0" and engine.url == "" and not engine.own


def test_a_given_search_url_is_used_and_never_stopped(monkeypatch):
    calls = []
    monkeypatch.setattr(run.subprocess, "run", lambda *a, **k: calls.append(a))
    with run.BenchEngine(
        {"SEARCH_URL": "http://127.0.0.1:9200", "SEARCH_ENGINE": "opensearch"}
    ) as engine:
        engine.start()
        assert (engine.url, engine.engine, engine.own) == (
            "http://127.0.0.1:9200",
            "opensearch",
            False,
        )
    assert calls == []  # neither start.sh start nor stop


def test_without_java_or_maven_search_is_skipped_with_the_reason(monkeypatch):
    monkeypatch.setattr(
        run.shutil, "which", lambda tool: None if tool == "mvn" else "/usr/bin/java"
    )
    engine = run.BenchEngine({})
    engine.start()
    assert engine.url == "" and "mvn missing" in engine.skipped


def test_the_node_count_is_read_from_the_cluster_health():
    import http.server
    import threading

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b'{"cluster_name": "chophunu-test-9251", "number_of_nodes": 2}'
            self.send_response(200 if self.path == "/_cluster/health" else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert run.cluster_nodes(f"http://127.0.0.1:{server.server_port}/") == 2
    finally:
        server.shutdown()
        server.server_close()
    assert run.cluster_nodes(f"http://127.0.0.1:{run.free_port()}") is None


def test_new_search_terms_are_never_the_search_benchs_nor_shared_by_probe_and_load():
    document = {
        "products": [
            {"title": f"Mật ong rừng số{chr(97 + n)} Tràng An{chr(97 + n)}"} for n in range(20)
        ]
    }
    every = run.search_queries_build(document)
    probe, load = run.new_search_terms(document, reserved=10)
    assert probe and load
    assert not set(probe) & set(load)
    assert not (set(probe) | set(load)) & set(every[:10])
    assert len(probe) == min(run.NEW_TERMS_PROBE, len(every) - 10)


@pytest.mark.parametrize(("raw", "seconds"), [(None, 0), ("", 0), ("0", 0), ("60", 60)])
def test_stock_oscar_opens_a_connection_per_request_unless_asked(monkeypatch, raw, seconds):
    if raw is None:
        monkeypatch.delenv("BENCH_PEER_CONN_MAX_AGE", raising=False)
    else:
        monkeypatch.setenv("BENCH_PEER_CONN_MAX_AGE", raw)
    assert run.peer_conn_max_age() == seconds


def test_a_bad_peer_connection_age_stops_the_bench(monkeypatch):
    monkeypatch.setenv("BENCH_PEER_CONN_MAX_AGE", "a minute")
    with pytest.raises(SystemExit):
        run.peer_conn_max_age()
