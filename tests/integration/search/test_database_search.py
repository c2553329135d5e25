import pytest

from search.database import NEWEST, PRICE_ASC, PRICE_DESC, product_search
from search.models import ProductSearchDocument
from tests.factories import category_create, product_create, vendor_create

pytestmark = pytest.mark.django_db


def titles(result):
    return [p.title for p in result.products]


@pytest.fixture
def catalogue():
    snacks = category_create("Thực phẩm > Cơm cháy")
    goat = category_create("Thực phẩm > Dê núi")
    crafts = category_create("Cói và thủ công > Chiếu cói")
    coop = vendor_create("Hợp tác xã Đông Sơn")
    return {
        "com_chay": product_create("Cơm cháy chà bông", price=45000, category=snacks, vendor=coop),
        "com_chay_mo_hanh": product_create(
            "Cơm cháy mỡ hành", price=40000, category=snacks, vendor=coop
        ),
        "dac_san": product_create(
            "Dê núi khô",
            price=350000,
            category=goat,
            vendor=coop,
            description="<p>Đặc sản vùng núi đá Hoa Lư.</p>",
        ),
        "chieu": product_create(
            "Chiếu cói Kim Sơn",
            price=250000,
            category=crafts,
            vendor=vendor_create("Hợp tác xã Cói Kim Sơn"),
        ),
    }


def test_query_without_diacritics_finds_accented_titles(catalogue):
    result = product_search(query="com chay")
    assert set(titles(result)) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}


def test_dac_san_finds_d_stroke_in_description(catalogue):
    assert titles(product_search(query="dac san")) == ["Dê núi khô"]
    assert titles(product_search(query="ĐẶC SẢN")) == ["Dê núi khô"]


def test_vendor_and_category_names_are_searchable(catalogue):
    assert titles(product_search(query="dong son")) != []
    assert set(titles(product_search(query="dong son"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
        "Dê núi khô",
    }
    assert titles(product_search(query="thu cong")) == ["Chiếu cói Kim Sơn"]


def test_words_match_word_starts_not_the_middle_of_words(catalogue):
    assert titles(product_search(query="hay")) == []  # not the end of "cháy"
    assert titles(product_search(query="cha")) != []  # "chà", "cháy" start with it


def test_every_word_must_match(catalogue):
    assert titles(product_search(query="com chay mo hanh")) == ["Cơm cháy mỡ hành"]
    assert titles(product_search(query="com kim son")) == []


def test_exact_diacritic_form_ranks_first(catalogue):
    result = product_search(query="Cơm cháy mỡ")
    assert titles(result)[0] == "Cơm cháy mỡ hành"


def test_title_matches_rank_above_description_matches(catalogue):
    product_create("Bánh đa", description="<p>Ăn kèm cơm cháy rất ngon.</p>")
    assert titles(product_search(query="com chay"))[-1] == "Bánh đa"


def test_category_facet_counts_and_filter(catalogue):
    snacks = catalogue["com_chay"].categories.get()
    result = product_search(query="")
    counts = {f.label: f.count for f in result.facets["category"]}
    assert counts == {"Cơm cháy": 2, "Dê núi": 1, "Chiếu cói": 1}

    filtered = product_search(query="", category=snacks)
    assert set(titles(filtered)) == {"Cơm cháy chà bông", "Cơm cháy mỡ hành"}
    # Counts ignore the category filter itself so the shopper can switch.
    assert {f.label: f.count for f in filtered.facets["category"]} == counts
    assert [f.label for f in filtered.facets["category"] if f.selected] == ["Cơm cháy"]


def test_parent_category_includes_its_children(catalogue):
    food = catalogue["dac_san"].categories.get().get_parent()
    assert set(titles(product_search(category=food))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
        "Dê núi khô",
    }


def test_sorting(catalogue):
    assert titles(product_search(sort_by=PRICE_ASC))[0] == "Cơm cháy mỡ hành"
    assert titles(product_search(sort_by=PRICE_DESC))[0] == "Dê núi khô"
    assert titles(product_search(sort_by=NEWEST))[0] == "Chiếu cói Kim Sơn"


def test_hidden_products_are_not_found(catalogue):
    product = catalogue["com_chay"]
    product.is_public = False
    product.save()
    assert titles(product_search(query="com chay")) == ["Cơm cháy mỡ hành"]


def test_saving_a_product_refreshes_its_document(catalogue, django_capture_on_commit_callbacks):
    product = catalogue["chieu"]
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Thảm cói in hoa"
        product.save()
    assert ProductSearchDocument.objects.get(product=product).title == " tham coi in hoa "
    assert titles(product_search(query="tham coi")) == ["Thảm cói in hoa"]


def test_renaming_a_vendor_refreshes_its_products(catalogue, django_capture_on_commit_callbacks):
    partner = catalogue["chieu"].stockrecords.get().partner
    with django_capture_on_commit_callbacks(execute=True):
        partner.name = "Tổ hợp tác Lai Thành"
        partner.save()
    assert titles(product_search(query="lai thanh")) == ["Chiếu cói Kim Sơn"]


@pytest.mark.service("postgres")
def test_folding_search_on_postgresql(catalogue):
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert set(titles(product_search(query="COM CHAY"))) == {
        "Cơm cháy chà bông",
        "Cơm cháy mỡ hành",
    }
