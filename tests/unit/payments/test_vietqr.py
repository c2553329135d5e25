"""VietQR payloads checked against published examples and parsed back field by field."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from django.test import override_settings
from PIL import Image

from payments.vietqr import (
    VietQRError,
    crc16_ccitt_false,
    emv_tlv_parse,
    payment_reference_is_valid,
    payment_reference_new,
    union_vietqr_payload,
    vietqr_payload,
    vietqr_payload_check,
    vietqr_png,
    vietqr_svg,
)

# Published payloads from the open-source VietQR generator subiz/vietqr
# (github.com/subiz/vietqr, vietqr_test.go and README.md), built to the NAPAS
# VietQR specification; the last four characters are their CRC.
SUBIZ_DYNAMIC = (
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA"
    "53037045405401235802VN62200816test text string6304D9C6"
)
SUBIZ_README = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)
SUBIZ_STATIC = (
    "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"
)


def test_crc_matches_the_catalogued_check_value():
    # The CRC catalogue's check value of CRC-16/CCITT-FALSE over "123456789".
    assert crc16_ccitt_false(b"123456789") == 0x29B1


@pytest.mark.parametrize("published", [SUBIZ_DYNAMIC, SUBIZ_README, SUBIZ_STATIC])
def test_crc_matches_published_payloads(published):
    assert f"{crc16_ccitt_false(published[:-4].encode()):04X}" == published[-4:]
    assert vietqr_payload_check(published)


@pytest.mark.parametrize(
    ("bank_bin", "account", "amount", "reference", "published"),
    [
        ("970422", "0023457923442", 40123, "test text string", SUBIZ_DYNAMIC),
        ("970415", "0011001932418", 120000, "ung ho lu lut", SUBIZ_README),
    ],
)
def test_payload_equals_published_examples(bank_bin, account, amount, reference, published):
    payload = vietqr_payload(
        bank_bin=bank_bin, account_number=account, amount=amount, reference=reference
    )
    assert payload == published


def test_payload_parses_back_field_by_field():
    payload = vietqr_payload(
        bank_bin="970436", account_number="1234567890", amount=125000, reference="CPN100042K"
    )
    fields = emv_tlv_parse(payload)
    assert [tag for tag, _ in fields] == ["00", "01", "38", "53", "54", "58", "62", "63"]
    top = dict(fields)
    assert top["00"] == "01"
    assert top["01"] == "12"
    assert top["53"] == "704"
    assert top["54"] == "125000"
    assert top["58"] == "VN"
    merchant = dict(emv_tlv_parse(top["38"]))
    assert merchant["00"] == "A000000727"
    assert merchant["02"] == "QRIBFTTA"
    assert dict(emv_tlv_parse(merchant["01"])) == {"00": "970436", "01": "1234567890"}
    assert dict(emv_tlv_parse(top["62"])) == {"08": "CPN100042K"}
    assert top["63"] == f"{crc16_ccitt_false(payload[:-4].encode()):04X}"
    assert payload.endswith("6304" + top["63"])


def test_a_changed_character_breaks_the_crc():
    payload = vietqr_payload(
        bank_bin="970436", account_number="1234567890", amount=125000, reference="CPN1"
    )
    tampered = payload.replace("125000", "925000")
    assert not vietqr_payload_check(tampered)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bank_bin": "97043"}, "6 digits"),
        ({"bank_bin": "97043A"}, "6 digits"),
        ({"account_number": ""}, "1 to 19 digits"),
        ({"account_number": "12345678901234567890"}, "1 to 19 digits"),
        ({"account_number": "12-34"}, "1 to 19 digits"),
        ({"amount": 0}, "more than 0"),
        ({"amount": -5000}, "more than 0"),
        ({"amount": 125000.5}, "whole number"),
        ({"amount": True}, "whole number"),
        ({"amount": "125000"}, "whole number"),
        ({"amount": 10**13}, "too large"),
        ({"reference": "Đơn hàng 12"}, "without diacritics"),
        ({"reference": ""}, "without diacritics"),
        ({"reference": "X" * 26}, "at most 25"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(kwargs, message, settings):
    from django.utils import translation

    good = {"bank_bin": "970436", "account_number": "1234567890", "amount": 1, "reference": "A1"}
    with translation.override("en"), pytest.raises(VietQRError, match=message):
        vietqr_payload(**{**good, **kwargs})


def test_messages_are_in_vietnamese_by_default():
    with pytest.raises(VietQRError, match="6 chữ số"):
        vietqr_payload(bank_bin="1", account_number="1", amount=1, reference="A")


def test_reference_is_short_ascii_and_self_checking():
    reference = payment_reference_new(number="Đơn-100042", prefix="cpn")
    assert reference.startswith("CPNDON100042")
    assert reference.isascii() and reference.isalnum() and reference.isupper()
    assert len(reference) <= 19
    assert payment_reference_is_valid(reference)
    assert payment_reference_is_valid(reference.lower())  # as a bank statement may show it
    # Any one character mistyped is caught.
    for index, char in enumerate(reference):
        for other in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if other != char:
                typo = reference[:index] + other + reference[index + 1 :]
                assert not payment_reference_is_valid(typo), typo


def test_reference_uses_the_configured_prefix(settings):
    settings.VIETQR_REFERENCE_PREFIX = "HPN"
    assert payment_reference_new(number=42).startswith("HPN42")


def test_reference_too_long_is_refused_not_cut():
    assert len(payment_reference_new(number="1" * 15, prefix="CPN")) == 19
    with pytest.raises(VietQRError):
        payment_reference_new(number="1" * 16, prefix="CPN")
    with pytest.raises(VietQRError):
        payment_reference_new(number="---", prefix="CPN")


@override_settings(
    VIETQR_BANK_BIN="970405", VIETQR_ACCOUNT_NUMBER="3600205123456", VIETQR_ACCOUNT_NAME="HOI LHPN"
)
def test_union_payload_uses_the_account_from_settings():
    payload = union_vietqr_payload(amount=250000, reference="CPN7X")
    merchant = dict(emv_tlv_parse(dict(emv_tlv_parse(payload))["38"]))
    assert dict(emv_tlv_parse(merchant["01"])) == {"00": "970405", "01": "3600205123456"}


@override_settings(VIETQR_BANK_BIN="", VIETQR_ACCOUNT_NUMBER="", VIETQR_ACCOUNT_NAME="")
def test_union_payload_without_an_account_is_refused():
    with pytest.raises(VietQRError):
        union_vietqr_payload(amount=250000, reference="CPN7X")


def test_svg_and_png_render_the_code():
    payload = vietqr_payload(
        bank_bin="970436", account_number="1234567890", amount=125000, reference="CPN100042K"
    )
    svg = vietqr_svg(payload, title="VietQR")
    assert svg.startswith("<svg") and "<path" in svg and "<title>VietQR</title>" in svg
    image = Image.open(io.BytesIO(vietqr_png(payload)))
    assert image.format == "PNG"
    assert image.width == image.height and image.width >= 6 * (21 + 8)


@pytest.mark.parametrize("amount", [1, 125000, 99_999_999_999])
def test_the_png_reads_back_as_the_payload(amount):
    # What a banking app's camera does: decode the picture, get the exact payload.
    payload = vietqr_payload(
        bank_bin="970405", account_number="3600205123456", amount=amount, reference="CPN100042K"
    )
    codes = zxingcpp.read_barcodes(Image.open(io.BytesIO(vietqr_png(payload))))
    assert [(code.format.name, code.text) for code in codes] == [("QRCode", payload)]
    assert codes[0].ec_level == "M"


def test_rendering_refuses_a_payload_with_a_bad_crc():
    with pytest.raises(VietQRError):
        vietqr_svg(SUBIZ_DYNAMIC[:-4] + "0000")
