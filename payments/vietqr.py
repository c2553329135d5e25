"""VietQR bank-transfer codes (NAPAS 24/7, EMVCo merchant-presented mode).

A shopper who pays by transfer scans a code with any Vietnamese banking app;
the app fills in the Union's account, the amount and our short reference, so
staff can match the transfer to the order. The payload is a string of EMVCo
ID-length-value objects closed by a CRC-16/CCITT-FALSE checksum:

    00 payload format "01"          01 "12" (dynamic: one amount, one use)
    38 merchant account: 00 GUID "A000000727", 01 (00 bank BIN, 01 account),
       02 service "QRIBFTTA" (transfer to an account)
    53 currency "704" (VND)         54 amount in whole dong
    58 country "VN"                 62 additional data: 08 purpose (reference)
    63 CRC over everything before it, "6304" included

https://vietqr.net (NAPAS VietQR specification); EMVCo QR Code Specification
for Payment Systems, Merchant-Presented Mode.
"""

from __future__ import annotations

import binascii
import io
import re
from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils.translation import gettext as _

from core.text import strip_marks

NAPAS_GUID = "A000000727"
SERVICE_TRANSFER_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
REFERENCE_MAX_LENGTH = 19  # what banks keep of a transfer's description, safely
PURPOSE_MAX_LENGTH = 25  # EMVCo/NAPAS limit of tag 62.08
AMOUNT_MAX_LENGTH = 13  # EMVCo limit of tag 54

_BIN = re.compile(r"\d{6}")
_ACCOUNT = re.compile(r"\d{1,19}")
_PRINTABLE_ASCII = re.compile(r"[ -~]+")
_REFERENCE_CHARS = re.compile(r"[^A-Z0-9]")
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class VietQRError(ValueError):
    """Input that cannot make a valid VietQR code; the message says why."""


@dataclass(frozen=True)
class UnionAccount:
    bank_bin: str
    account_number: str
    account_name: str


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR."""
    # binascii's crc_hqx is this CRC (XModem); seeded with 0xFFFF it is the FALSE variant.
    return binascii.crc_hqx(data, 0xFFFF)


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise VietQRError(_("A VietQR field is longer than 99 characters."))
    return f"{tag}{len(value):02d}{value}"


def vietqr_payload(*, bank_bin: str, account_number: str, amount: int, reference: str) -> str:
    """The EMVCo payload of a one-time transfer of ``amount`` dong to the account."""
    bank_bin = (bank_bin or "").strip()
    account_number = (account_number or "").strip()
    if not _BIN.fullmatch(bank_bin):
        raise VietQRError(_("The bank BIN must be exactly 6 digits."))
    if not _ACCOUNT.fullmatch(account_number):
        raise VietQRError(_("The account number must be 1 to 19 digits."))
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise VietQRError(_("The amount must be a whole number of dong."))
    if amount <= 0:
        raise VietQRError(_("The amount must be more than 0 dong."))
    if len(str(amount)) > AMOUNT_MAX_LENGTH:
        raise VietQRError(_("The amount is too large for a VietQR code."))
    if not reference or not _PRINTABLE_ASCII.fullmatch(reference):
        raise VietQRError(_("The transfer reference must be plain ASCII text, without diacritics."))
    if len(reference) > PURPOSE_MAX_LENGTH:
        raise VietQRError(_("The transfer reference must be at most 25 characters."))

    beneficiary = _tlv("00", bank_bin) + _tlv("01", account_number)
    merchant = (
        _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", SERVICE_TRANSFER_TO_ACCOUNT)
    )
    body = (
        _tlv("00", "01")
        + _tlv("01", "12")
        + _tlv("38", merchant)
        + _tlv("53", CURRENCY_VND)
        + _tlv("54", str(amount))
        + _tlv("58", COUNTRY_VN)
        + _tlv("62", _tlv("08", reference))
        + "6304"
    )
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def emv_tlv_parse(data: str) -> list[tuple[str, str]]:
    """Split an EMVCo string into (tag, value) pairs, in order; nested values stay strings."""
    items: list[tuple[str, str]] = []
    position = 0
    while position < len(data):
        header = data[position : position + 4]
        if len(header) < 4 or not header.isdigit():
            raise VietQRError(_("The VietQR data is malformed."))
        length = int(header[2:])
        value = data[position + 4 : position + 4 + length]
        if len(value) != length:
            raise VietQRError(_("The VietQR data is malformed."))
        items.append((header[:2], value))
        position += 4 + length
    return items


def vietqr_payload_check(payload: str) -> bool:
    """Whether the payload ends in tag 63 holding the right CRC of what precedes it."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        return False
    expected = f"{crc16_ccitt_false(payload[:-4].encode('ascii', 'replace')):04X}"
    return payload[-4:].upper() == expected


def payment_reference_new(*, number: str | int, prefix: str | None = None) -> str:
    """A short transfer reference for a checkout, e.g. ``CPN100042K``.

    Upper-case ASCII letters and digits only (banking apps drop or mangle
    marks, spaces and punctuation), at most 19 characters: the prefix, the
    checkout's number and one check character (ISO 7064 mod 37,36 style), so
    a mistyped reference in a bank statement is caught by
    ``payment_reference_is_valid``. A number too long is refused, never cut.
    """
    if prefix is None:
        prefix = getattr(settings, "VIETQR_REFERENCE_PREFIX", "CPN")
    prefix = _reference_clean(prefix)
    core = _reference_clean(str(number))
    if not core:
        raise VietQRError(_("The payment reference needs a number of letters or digits."))
    body = prefix + core
    if len(body) + 1 > REFERENCE_MAX_LENGTH:
        raise VietQRError(_("The payment reference would be longer than 19 characters."))
    return body + _check_character(body)


def payment_reference_is_valid(reference: str) -> bool:
    """Whether a reference (as typed in a bank statement) carries its own check character."""
    cleaned = _reference_clean(reference or "")
    if len(cleaned) < 2 or len(cleaned) > REFERENCE_MAX_LENGTH:
        return False
    return _check_character(cleaned[:-1]) == cleaned[-1]


def _reference_clean(text: str) -> str:
    return _REFERENCE_CHARS.sub("", strip_marks(text).upper())


def _check_character(body: str) -> str:
    # ISO 7064 MOD 37,36 over the 36 letters and digits.
    product = 36
    for char in body:
        total = (product + _ALPHABET.index(char)) % 36 or 36
        product = (total * 2) % 37
    return _ALPHABET[(37 - product) % 36]


def union_account() -> UnionAccount:
    """The Union's receiving account from settings; refuses an unset or invalid one."""
    account = UnionAccount(
        bank_bin=settings.VIETQR_BANK_BIN,
        account_number=settings.VIETQR_ACCOUNT_NUMBER,
        account_name=settings.VIETQR_ACCOUNT_NAME,
    )
    if not (account.bank_bin and account.account_number and account.account_name):
        raise VietQRError(_("Bank transfer is not set up: the Union's account is missing."))
    return account


def union_vietqr_payload(*, amount: int, reference: str) -> str:
    """The payload of a transfer of ``amount`` dong to the Union's account."""
    account = union_account()
    return vietqr_payload(
        bank_bin=account.bank_bin,
        account_number=account.account_number,
        amount=amount,
        reference=reference,
    )


def vietqr_svg(payload: str, *, scale: int = 4, title: str = "") -> str:
    """The QR code as inline SVG markup for a page (no XML declaration)."""
    return _qr(payload).svg_inline(scale=scale, border=4, title=title or None)


def vietqr_png(payload: str, *, scale: int = 6) -> bytes:
    """The QR code as a PNG image, for e-mails and downloads."""
    buffer = io.BytesIO()
    _qr(payload).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def _qr(payload: str) -> segno.QRCode:
    if not vietqr_payload_check(payload):
        raise VietQRError(_("The VietQR data is malformed."))
    # Error correction M, as banking apps expect; byte mode keeps the string as is.
    return segno.make_qr(payload, error="m", boost_error=False)


__all__ = [
    "UnionAccount",
    "VietQRError",
    "crc16_ccitt_false",
    "emv_tlv_parse",
    "payment_reference_is_valid",
    "payment_reference_new",
    "union_account",
    "union_vietqr_payload",
    "vietqr_payload",
    "vietqr_payload_check",
    "vietqr_png",
    "vietqr_svg",
]
