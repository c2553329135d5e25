"""A malformed Union account stops start-up naming the variable, not a shopper's checkout."""

import pytest

from tests.utils import django_start

BASE = {"DJANGO_SECRET_KEY": "x" * 60, "DATABASE_URL": "sqlite:///var/settings-check.sqlite3"}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VIETQR_BANK_BIN", "97043"),
        ("VIETQR_ACCOUNT_NUMBER", "0123-456"),
        ("VIETQR_ACCOUNT_NAME", "Hội Liên hiệp Phụ nữ"),
        ("VIETQR_REFERENCE_PREFIX", "cpn-"),
        ("STRIPE_API_BASE", "127.0.0.1:8420"),
    ],
)
def test_malformed_payment_variable_is_named(name, value):
    result = django_start("config.settings.test", **BASE, **{name: value})
    assert result.returncode != 0
    assert f"{name} is malformed" in result.stderr


def test_a_valid_union_account_starts():
    result = django_start(
        "config.settings.test",
        **BASE,
        VIETQR_BANK_BIN="970405",
        VIETQR_ACCOUNT_NUMBER="3600205123456",
        VIETQR_ACCOUNT_NAME="HOI LHPN TINH NINH BINH",
        STRIPE_API_BASE="http://127.0.0.1:8420",
    )
    assert result.returncode == 0, result.stderr
