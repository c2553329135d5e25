import pytest
from django.core.exceptions import ValidationError

from core.validators import (
    format_phone,
    normalise_mobile,
    normalise_phone,
    validate_bank_account,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0229 3871 234", "02293871234"),  # Ninh Bình landline
    ],
)
def test_vietnamese_phones_are_normalised(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["", "12345", "091234567", "+1 650 253 0000", "abc", "0" * 30])
def test_bad_phones_are_refused_with_a_message(typed):
    with pytest.raises(ValidationError) as error:
        normalise_phone(typed)
    assert error.value.code == "invalid_phone"


def test_phones_are_shown_in_local_format():
    assert format_phone("0912345678") == "0912 345 678"
    assert format_phone("02293871234") == "0229 3871 234"


@pytest.mark.parametrize("number", ["123456", "0123456789012", "1234567890123456789"])
def test_bank_accounts(number):
    validate_bank_account(number)


@pytest.mark.parametrize("number", ["12345", "12345678901234567890", "1234 5678", "12a456789"])
def test_bad_bank_accounts(number):
    with pytest.raises(ValidationError):
        validate_bank_account(number)


@pytest.mark.parametrize("typed", ["0912 345 678", "+84 862 123 456", "0386.000.111"])
def test_mobile_numbers_are_accepted_for_deliveries(typed):
    assert normalise_mobile(typed).startswith("0") and len(normalise_mobile(typed)) == 10


@pytest.mark.parametrize("typed", ["0229 3871 234", "024 3825 1234", "12345", ""])
def test_a_landline_or_junk_is_not_a_mobile(typed):
    with pytest.raises(ValidationError) as error:
        normalise_mobile(typed)
    assert error.value.code == "invalid_mobile"
