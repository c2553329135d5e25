"""Validators for what Vietnamese sellers type: phones, bank accounts."""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ACCOUNT = re.compile(r"^\d{6,19}$")


def normalise_phone(value: str) -> str:
    """``+84 912 345 678`` or ``0912.345.678`` → ``0912345678``; invalid raises."""
    try:
        number = phonenumbers.parse(value or "", "VN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 84 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Enter a Vietnamese phone number, such as 0912 345 678 or 0229 3871 234."),
            code="invalid_phone",
        )
    return "0" + str(number.national_number)


def normalise_mobile(value: str) -> str:
    """A Vietnamese mobile number (the courier calls or texts it) → ``0912345678``."""
    try:
        number = phonenumbers.parse(value or "", "VN")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or number.country_code != 84
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    ):
        raise ValidationError(
            _("Enter a Vietnamese mobile number, such as 0912 345 678."), code="invalid_mobile"
        )
    return "0" + str(number.national_number)


def format_phone(value: str) -> str:
    """A stored phone shown the way Vietnamese write it: 0912 345 678."""
    try:
        number = phonenumbers.parse(value or "", "VN")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def validate_phone(value: str) -> None:
    normalise_phone(value)


def validate_bank_account(value: str) -> None:
    if not _ACCOUNT.match(value or ""):
        raise ValidationError(
            _("A bank account number has 6 to 19 digits, without spaces or letters."),
            code="invalid_account",
        )
