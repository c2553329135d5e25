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
