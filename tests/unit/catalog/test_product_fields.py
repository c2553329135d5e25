import datetime

import pytest

from catalog.models import TRACE_CODE_ALPHABET, TRACE_CODE_LENGTH, Product, trace_code_new
from tests.factories import product_create

DAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("issued", "expires", "shown"),
    [
        (None, None, 4),
        (datetime.date(2025, 1, 1), datetime.date(2028, 1, 1), 4),
        (datetime.date(2025, 1, 1), datetime.date(2026, 6, 1), 4),  # last valid day
        (datetime.date(2025, 1, 1), datetime.date(2026, 5, 31), None),  # expired
        (datetime.date(2026, 6, 2), None, None),  # not yet issued
    ],
)
def test_ocop_stars_show_only_while_the_certificate_is_valid(issued, expires, shown):
    product = Product(ocop_stars=4, ocop_issued_on=issued, ocop_expires_on=expires)
    assert product.ocop_stars_on(DAY) == shown


def test_a_product_without_a_rating_shows_no_stars():
    assert Product().ocop_stars_on(DAY) is None


def test_trace_codes_avoid_misreadable_characters():
    code = trace_code_new()
    assert len(code) == TRACE_CODE_LENGTH
    assert set(code) <= set(TRACE_CODE_ALPHABET)
    assert not set(code) & set("01IO")


@pytest.mark.django_db
def test_every_saved_product_gets_its_own_trace_code():
    first, second = product_create(), product_create()
    assert first.trace_code and second.trace_code
    assert first.trace_code != second.trace_code
