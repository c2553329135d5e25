"""The bank-transfer box a confirmation page includes."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from payments.vietqr import emv_tlv_parse

ACCOUNT = {
    "VIETQR_BANK_BIN": "970405",
    "VIETQR_ACCOUNT_NUMBER": "3600205123456",
    "VIETQR_ACCOUNT_NAME": "HOI LHPN TINH NINH BINH",
    "VIETQR_BANK_NAME": "Agribank Ninh Bình",
}


def render(amount, reference) -> str:
    template = Template("{% load vietqr %}{% vietqr_transfer amount reference %}")
    return template.render(Context({"amount": amount, "reference": reference}))


@pytest.fixture
def union_account(settings):
    for name, value in ACCOUNT.items():
        setattr(settings, name, value)


def test_the_box_shows_the_code_account_amount_and_reference(union_account):
    html = render(125000, "CPN100042K")
    assert html.count("<svg") == 1 and "<title>Mã chuyển khoản VietQR</title>" in html
    assert "Chuyển khoản ngân hàng (VietQR)" in html
    for text in ["HOI LHPN TINH NINH BINH", "3600205123456", "Agribank Ninh Bình", "CPN100042K"]:
        assert text in html
    assert "125.000\u00a0₫" in html


def test_the_box_in_english(union_account):
    with translation.override("en"):
        html = render(125000, "CPN100042K")
    assert "Pay by bank transfer (VietQR)" in html
    assert "Transfer reference" in html


def test_without_an_account_the_box_says_transfer_is_unavailable(settings):
    settings.VIETQR_BANK_BIN = ""
    html = render(125000, "CPN100042K")
    assert "<svg" not in html
    assert "Hiện chưa thể chuyển khoản ngân hàng" in html


@pytest.mark.parametrize(("amount", "reference"), [(0, "CPN1"), (125000, "Đơn 1")])
def test_unusable_input_shows_no_code(union_account, amount, reference):
    html = render(amount, reference)
    assert "<svg" not in html


def test_the_code_carries_the_amount_shown(union_account):
    from payments.templatetags.vietqr import vietqr_transfer

    context = vietqr_transfer(125000, "CPN100042K")
    assert dict(emv_tlv_parse(context["payload"]))["54"] == "125000"
