"""The benchmark dataset file: checked whole, each fault named."""

import json
from decimal import Decimal

import pytest

from bench.dataset import FORMAT, DatasetError, dataset_parse, dataset_read


def document(**changes):
    doc = {
        "format": FORMAT,
        "categories": [
            {"slug": "thuc-pham", "name": "Thực phẩm", "description": "", "parent": ""},
            {"slug": "com-chay", "name": "Cơm cháy", "description": "Giòn", "parent": "thuc-pham"},
        ],
        "products": [
            {
                "upc": "NB000001",
                "title": "Cơm cháy chà bông",
                "slug": "com-chay-cha-bong",
                "description": "<p>Giòn</p>",
                "category": "com-chay",
                "partner": "HTX Ninh Hải",
                "partner_code": "htx-ninh-hai",
                "price": "45000.00",
                "currency": "VND",
                "stock": 12,
                "image": "images/products/demo/nb000001.jpg",
            }
        ],
    }
    doc.update(changes)
    return doc


def product_with(**fields):
    return document(products=[{**document()["products"][0], **fields}])


def test_a_good_document_parses_into_records():
    categories, products = dataset_parse(document())
    assert [c.slug for c in categories] == ["thuc-pham", "com-chay"]
    assert categories[1].parent == "thuc-pham"
    assert products[0].price == Decimal("45000.00")
    assert products[0].stock == 12


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"format": "other/1"}, "Not a benchmark dataset"),
        ({"products": "x"}, "must be lists"),
        (
            {"categories": [{"slug": "a", "name": "A", "parent": "missing"}]},
            "must come before it",
        ),
        (
            {"categories": [{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}]},
            "appears twice",
        ),
    ],
)
def test_bad_documents_are_refused_with_a_reason(bad, message):
    with pytest.raises(DatasetError, match=message):
        dataset_parse(document(**bad))


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"price": "free"}, "price must be a number"),
        ({"price": "-1"}, "at least 0"),
        ({"stock": -2}, "stock must be a whole number"),
        ({"stock": True}, "stock must be a whole number"),
        ({"category": "nowhere"}, "unknown category"),
        ({"title": ""}, "title is missing"),
        ({"title": 5}, "title must be text"),
        ({"image": "/etc/passwd"}, "inside the media folder"),
        ({"image": "images/../../secret.jpg"}, "inside the media folder"),
    ],
)
def test_bad_products_are_refused_naming_the_product(fields, message):
    with pytest.raises(DatasetError, match=f"product 1: .*{message}"):
        dataset_parse(product_with(**fields))


def test_a_upc_twice_is_refused():
    doc = document()
    doc["products"].append(dict(doc["products"][0]))
    with pytest.raises(DatasetError, match="product 2: UPC 'NB000001' appears twice"):
        dataset_parse(doc)


def test_reading_a_file_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "dataset.json"
    path.write_text("{oops")
    with pytest.raises(DatasetError, match="Cannot read"):
        dataset_read(path)
    path.write_text(json.dumps(document(), ensure_ascii=False))
    assert len(dataset_read(path)[1]) == 1
