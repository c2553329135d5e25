from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("125000"), "125.000\u00a0₫"),
        (Decimal("125000.00"), "125.000\u00a0₫"),
        (Decimal("1250000"), "1.250.000\u00a0₫"),
        (Decimal("0"), "0\u00a0₫"),
        (Decimal("999.6"), "1.000\u00a0₫"),
    ],
)
def test_vnd_has_no_decimals_and_vietnamese_grouping(language, amount, shown):
    with translation.override(language):
        rendered = Template("{% load currency_filters %}{{ amount|currency }}").render(
            Context({"amount": amount})
        )
    assert rendered == shown
