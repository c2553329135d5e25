"""Export from the marketplace, import with the peer's command: the same products for sale."""

import importlib.util
import json
from decimal import Decimal

import pytest
from django.core.management.base import CommandError
from oscar.core.loading import get_model

from bench.dataset import dataset_document, dataset_export, dataset_parse
from bench.run import BENCH
from tests.factories import category_create, product_create, vendor_create

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def peer_import_command():
    """The peer project's command, run here against the same Oscar models."""
    path = BENCH / "peer" / "bench_import" / "management" / "commands" / "bench_import.py"
    spec = importlib.util.spec_from_file_location("peer_bench_import", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Command()


def test_export_holds_the_products_for_sale_only(tmp_path):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    sold = product_create("Cơm cháy chà bông", price=45000, stock=7, category=category)
    sold.upc = "NB000001"
    sold.save()
    product_create("Cơm cháy chờ duyệt", category=category, listing_status="pending")
    suspended = vendor_create("HTX tạm dừng", status="suspended")
    product_create("Mật ong tạm dừng", vendor=suspended, category=category)

    path = tmp_path / "dataset.json"
    assert dataset_export(path) == 1
    document = json.loads(path.read_text(encoding="utf-8"))
    categories, products = dataset_parse(document)
    assert [p.title for p in products] == ["Cơm cháy chà bông"]
    record = products[0]
    assert (record.upc, record.price, record.stock) == (sold.upc, Decimal("45000.00"), 7)
    assert record.category == category.slug
    assert [c.slug for c in categories][-1] == category.slug
    assert categories[-1].parent == category.get_parent().slug


def test_peer_import_writes_the_same_catalogue(tmp_path):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    product_create("Cơm cháy chà bông", price=45000, stock=7, category=category)
    product_create("Cơm cháy mỡ hành", price=52000, stock=0, category=category)
    document = dataset_document()
    # The peer starts from an empty catalogue.
    StockRecord.objects.all().delete()
    Product.objects.all().delete()
    Category.objects.all().delete()
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    peer_import_command().handle(path=str(path))

    imported = {p.title: p for p in Product.objects.prefetch_related("stockrecords", "categories")}
    assert set(imported) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}
    stock = imported["Cơm cháy mỡ hành"].stockrecords.get()
    assert (stock.price, stock.num_in_stock, stock.price_currency) == (Decimal(52000), 0, "VND")
    leaf = imported["Cơm cháy chà bông"].categories.get()
    assert leaf.name == "Cơm cháy" and leaf.get_parent().name == "Đặc sản thực phẩm"


def test_peer_import_refuses_a_bad_file_and_changes_nothing(tmp_path):
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(CommandError, match="Not a benchmark dataset"):
        peer_import_command().handle(path=str(path))
    assert not Product.objects.exists()


def test_peer_import_refuses_a_catalogue_that_is_not_empty(tmp_path):
    product_create("Cơm cháy chà bông")
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(dataset_document(), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError, match="not empty"):
        peer_import_command().handle(path=str(path))
    assert Product.objects.count() == 1
