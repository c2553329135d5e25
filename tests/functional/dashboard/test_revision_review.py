"""The Union's reviewer reads a member's proposed change in words, not in stored data."""

import pytest
from bs4 import BeautifulSoup

from marketplace.models import ListingRevision
from marketplace.services.listings import listing_public_snapshot
from tests.factories import category_create, commune_create, product_create

pytestmark = pytest.mark.django_db


def review(client, staff, product, **proposed):
    data = {**listing_public_snapshot(product=product), **proposed}
    revision = ListingRevision.objects.create(listing=product.listing, data=data)
    client.force_login(staff)
    page = client.get(f"/dashboard/listings/changes/{revision.pk}/")
    assert page.status_code == 200
    rows = BeautifulSoup(page.content.decode(), "html.parser").select("table tbody tr")
    return {
        row.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in row("td")]
        for row in rows
        if row.th
    }


def test_prices_descriptions_and_names_read_as_words(client, people):
    product = product_create(
        "Làn cói",
        vendor=people["vendor A"],
        price=344000,
        description="<p>Làn cói đan tay.</p>",
        category=category_create("Cói và mây tre đan > Túi"),
    )
    record = product.stockrecords.get()
    commune = commune_create("Kim Tân", "Kim Sơn")
    rows = review(
        client,
        people["Union staff"],
        product,
        prices={str(record.pk): "360000.00"},
        description="<p>Làn cói <strong>đan tay</strong>, bền.</p>",
        origin_commune_id=commune.pk,
        ocop_stars=4,
        ocop_issued_on="2024-03-01",
    )
    assert rows["Giá"] == ["344.000\xa0₫", "360.000\xa0₫"]
    assert rows["Mô tả"] == ["Làn cói đan tay.", "Làn cói đan tay , bền."]
    assert rows["Làm ở xã nào"][1] == "Kim Sơn – Kim Tân"
    assert rows["Số sao OCOP"][1] == "4 sao"
    assert rows["Ngày cấp chứng nhận OCOP"][1] == "01/03/2024"
    page = client.get(
        f"/dashboard/listings/changes/{ListingRevision.objects.get().pk}/"
    ).content.decode()
    assert "{&#x27;" not in page and "360000.00" not in page and "origin_commune_id" not in page


def test_whitespace_only_changes_are_not_shown(client, people):
    product = product_create(
        "Làn cói", vendor=people["vendor A"], description="<p>Làn cói đan tay.</p>"
    )
    rows = review(
        client,
        people["Union staff"],
        product,
        title="Làn cói ",
        description="<p>Làn cói   đan tay.</p>\n",
        maker="Chị Lan",
    )
    assert list(rows) == ["Người làm"]
