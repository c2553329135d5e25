"""The engine's results follow deletions and the Union's decisions at the commit.

The marketplace does not know the search app: a listing decided, a vendor
suspended or a product deleted is a save or delete that ``search/signals.py``
receives. These run on a real OpenSearch node (scripts/opensearch/start.sh),
where a stale document would stay until the nightly rebuild; the database
adapter reads ``products_for_sale`` directly and would hide the problem.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from marketplace.models import Listing, ModerationEvent
from marketplace.services.listings import listing_decide
from marketplace.services.vendors import vendor_decide
from search.services import product_search
from tests.factories import product_create, vendor_create

pytestmark = [pytest.mark.django_db, pytest.mark.service("search")]


@pytest.fixture
def search(engine, refresh):
    """What a shopper's search answers now: the engine's total and titles, and who answered."""

    def search(query: str) -> tuple[str, int, list[str]]:
        refresh()
        result = product_search(query=query)
        return result.answered_by, len(result.products), [p.title for p in result.products]

    return search


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)


def test_a_deleted_product_leaves_the_engine_at_the_commit(
    search, django_capture_on_commit_callbacks
):
    product = product_create("Chiếu cói Kim Sơn")
    product_create("Cơm cháy chà bông")
    assert search("chieu coi") == ("opensearch", 1, ["Chiếu cói Kim Sơn"])

    with django_capture_on_commit_callbacks(execute=True):
        product.delete()

    # Not "1 result" with an empty page: the engine no longer has it.
    assert search("chieu coi") == ("opensearch", 0, [])
    assert search("com chay") == ("opensearch", 1, ["Cơm cháy chà bông"])


def test_an_approved_listing_appears_in_the_results(
    search, staff, django_capture_on_commit_callbacks
):
    product = product_create("Chiếu cói Kim Sơn", listing_status=Listing.Status.PENDING)
    assert search("chieu coi") == ("opensearch", 0, [])

    with django_capture_on_commit_callbacks(execute=True):
        listing_decide(listing=product.listing, actor=staff, approve=True)

    assert search("chieu coi") == ("opensearch", 1, ["Chiếu cói Kim Sơn"])


def test_a_refused_listing_leaves_the_results(search, staff, django_capture_on_commit_callbacks):
    """No service takes back an approved listing; any save of the row (a data fix, an
    admin form) is what the search receiver sees, as it sees the service's decisions."""
    product = product_create("Chiếu cói Kim Sơn")
    assert search("chieu coi") == ("opensearch", 1, ["Chiếu cói Kim Sơn"])

    with django_capture_on_commit_callbacks(execute=True):
        listing = product.listing
        listing.status = Listing.Status.REJECTED
        listing.reason = "Ảnh chưa đúng sản phẩm"
        listing.decided_by = staff
        listing.save()

    assert search("chieu coi") == ("opensearch", 0, [])


def test_a_suspended_vendors_products_leave_the_results(
    search, staff, django_capture_on_commit_callbacks
):
    vendor = vendor_create("Tổ hợp tác Cói Kim Sơn")
    product_create("Chiếu cói Kim Sơn", vendor=vendor)
    product_create("Làn cói Kim Sơn", vendor=vendor)
    product_create("Cơm cháy chà bông", vendor=vendor_create("Hợp tác xã Đông Sơn"))
    assert search("coi kim son")[:2] == ("opensearch", 2)

    with django_capture_on_commit_callbacks(execute=True):
        vendor_decide(
            vendor=vendor,
            actor=staff,
            action=ModerationEvent.Action.VENDOR_SUSPENDED,
            reason="Kiểm tra an toàn thực phẩm",
        )

    assert search("coi kim son") == ("opensearch", 0, [])
    assert search("com chay") == ("opensearch", 1, ["Cơm cháy chà bông"])
