"""English pages say "basket" and "voucher" (Oscar's words), never en_US's "cart" and "coupon"."""

import importlib.util
import re

from django.utils import translation

from tests.unit.test_locale import ROOT

spec = importlib.util.spec_from_file_location(
    "oscar_en_us_undo", ROOT / "scripts" / "i18n" / "oscar_en_us_undo.py"
)
undo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(undo)


def test_every_en_us_rewrite_is_undone():
    assert undo.not_undone(undo.load(undo.OSCAR_EN_US_PO), undo.load(undo.SUPPLEMENT_PO)) == []


def test_no_english_message_says_cart_or_coupon():
    oscar_en_us = undo.load(undo.OSCAR_EN_US_PO)
    with translation.override("en"):
        found = {
            message.id: translation.gettext(message.id)
            for message in oscar_en_us
            if message.id and not isinstance(message.id, tuple) and not message.context
        }
    american = {k: v for k, v in found.items() if re.search(r"\b(carts?|coupons?)\b", v, re.I)}
    assert american == {}
    assert found["View basket"] == "View basket"


def test_the_shoppers_delivery_is_called_delivery():
    with translation.override("en"):
        assert translation.gettext("Shipping address") == "Delivery address"
        assert translation.gettext("2. Shipping method") == "2. Delivery method"
    with translation.override("vi"):
        assert translation.gettext("Shipping address") == "Địa chỉ giao hàng"
