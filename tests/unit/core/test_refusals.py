"""A service's refusal reaches the person as a message or as form errors, never as a 500."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.refusals import Refusal, refusal_as_message, refusal_on_form


class PayoutForm(forms.Form):
    amount = forms.IntegerField()


def bound_form() -> PayoutForm:
    form = PayoutForm({"amount": "5"})
    assert form.is_valid()
    return form


def service_that_refuses():
    raise Refusal("Đơn này đã thanh toán.")


def request_with_messages():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_still_is_a_validation_error():
    with pytest.raises(ValidationError):
        raise Refusal("Không được.", code="closed")


def test_a_refusal_becomes_an_error_message_and_the_rest_of_the_block_is_skipped():
    request = request_with_messages()
    reached = []
    with refusal_as_message(request):
        service_that_refuses()
        reached.append("success message")
    assert not reached
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [
        ("error", "Đơn này đã thanh toán.")
    ]


def test_other_errors_are_not_swallowed():
    with pytest.raises(ValueError), refusal_as_message(request_with_messages()):
        raise ValueError("a bug")


def test_a_refusal_lands_on_the_field_given_and_the_form_is_no_longer_valid():
    form = bound_form()
    with refusal_on_form(form, "amount"):
        raise Refusal("Số tiền lớn hơn số còn nợ.")
    assert not form.is_valid()
    assert form.errors == {"amount": ["Số tiền lớn hơn số còn nợ."]}


def test_model_errors_go_beside_the_fields_the_form_has_and_labelled_above_it():
    form = bound_form()
    with refusal_on_form(form):
        raise Refusal(
            {"amount": ["Quá lớn."], "phone": ["Số điện thoại không hợp lệ."]},
            labels={"phone": "số điện thoại"},
        )
    assert form.errors["amount"] == ["Quá lớn."]
    assert form.non_field_errors() == ["Số điện thoại: Số điện thoại không hợp lệ."]


def test_the_text_of_a_refusal_by_field_names_each_field():
    refusal = Refusal(
        {"phone": ["Không hợp lệ."], "__all__": ["Thiếu dữ liệu."]}, labels={"phone": "điện thoại"}
    )
    assert refusal.text == "Điện thoại: Không hợp lệ. Thiếu dữ liệu."
