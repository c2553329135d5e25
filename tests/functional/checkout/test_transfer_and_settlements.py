"""A VietQR checkout, the Union matching the transfer, and what each cooperative is owed."""

import csv
import datetime
import importlib
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from marketplace.models import CommissionRate, OrderGroup, Payout, Refund
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.functional.checkout.conftest import basket_add, checkout_as_guest

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    user.groups.add(roles_sync())
    return user


@pytest.fixture
def transfer(client, three_products):
    CommissionRate.objects.create(percent=Decimal(10), valid_from=datetime.date(2020, 1, 1))
    basket_add(client, three_products[0])
    basket_add(client, three_products[1])
    response = checkout_as_guest(client, method="vietqr")
    assert response.status_code == 302
    return OrderGroup.objects.get()


def test_the_confirmation_shows_the_transfer_to_make(client, transfer):
    page = client.get("/checkout/thank-you/").content.decode()
    assert transfer.payment_reference in page
    assert "3100205123456" in page  # the Union's account
    assert "220.000" in page  # 120.000 + 45.000 + 30.000 + 25.000 delivery
    parts = list(transfer.parts.select_related("order"))
    assert all(part.order.status == "Awaiting payment" for part in parts)


def test_staff_mark_the_transfer_received_and_the_cooperatives_may_prepare(client, transfer, staff):
    client.force_login(staff)
    url = f"/dashboard/checkouts/{transfer.number}/"
    assert transfer.payment_reference in client.get(url).content.decode()
    client.post(url, {"action": "transfer_received"})
    transfer.refresh_from_db()
    assert transfer.payment_status == "paid" and transfer.paid_at
    assert {p.order.status for p in transfer.parts.select_related("order")} == {"Pending"}
    # a second click changes nothing
    client.post(url, {"action": "transfer_received"})
    assert OrderGroup.objects.get().paid_at == transfer.paid_at


def test_a_shopper_or_member_cannot_open_the_union_checkout_pages(client, transfer, three_vendors):
    user = get_user_model().objects.create_user("m", "m@example.vn", "x")
    vendor_member_add(vendor=three_vendors[0], user=user, role="owner")
    client.force_login(user)
    assert client.get("/dashboard/checkouts/").status_code == 403
    response = client.post(
        f"/dashboard/checkouts/{transfer.number}/", {"action": "transfer_received"}
    )
    assert response.status_code == 403
    assert OrderGroup.objects.get().payment_status == "awaiting"
    assert client.get("/dashboard/settlements/").status_code == 403
    assert client.get(f"/dashboard/settlements/{three_vendors[1].pk}/").status_code == 403


def test_the_ledger_owes_sales_paid_online_less_commission_and_payouts(
    client, transfer, staff, three_vendors
):
    client.force_login(staff)
    client.post(f"/dashboard/checkouts/{transfer.number}/", {"action": "transfer_received"})
    coi = three_vendors[0]
    # Paid out today in Vietnam, after the sale (a fixed date fell before it from
    # 17:00 UTC on that day, when Vietnam's next day began).
    today = timezone.localdate()
    # 120.000 + 30.000 delivery = 150.000, less 10% = 135.000
    page = client.get(f"/dashboard/settlements/{coi.pk}/").content.decode()
    assert "135.000" in page

    refused = client.post(
        f"/dashboard/settlements/{coi.pk}/",
        {"amount": "200000", "paid_on": today.isoformat(), "reference": "UNC 1"},
    )
    assert refused.status_code == 200 and not Payout.objects.exists()
    client.post(
        f"/dashboard/settlements/{coi.pk}/",
        {"amount": "100000", "paid_on": today.isoformat(), "reference": "UNC 1"},
    )
    assert Payout.objects.get().amount == Decimal(100000)
    assert "35.000" in client.get(f"/dashboard/settlements/{coi.pk}/").content.decode()

    export = client.get("/dashboard/settlements/export.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    coi_rows = [row for row in rows[1:] if row[0] == coi.name]
    assert [int(row[4]) for row in coi_rows] == [150000, -15000, -100000]
    assert coi_rows[-1][1] == today.strftime("%d/%m/%Y")


def test_a_member_sees_only_her_cooperatives_ledger(client, transfer, staff, three_vendors):
    client.force_login(staff)
    client.post(f"/dashboard/checkouts/{transfer.number}/", {"action": "transfer_received"})
    user = get_user_model().objects.create_user("m", "m@example.vn", "x")
    vendor_member_add(vendor=three_vendors[1], user=user, role="staff")
    client.force_login(user)
    page = client.get("/dashboard/my-settlement/").content.decode()
    # 45.000 + 25.000 = 70.000 less 10% = 63.000
    assert "63.000" in page and "135.000" not in page
    assert transfer.parts.get(vendor=three_vendors[1]).order.number in page
    assert transfer.parts.get(vendor=three_vendors[0]).order.number not in page


def test_a_transfer_refund_is_recorded_at_once_and_the_cooperative_sees_it(
    client, transfer, staff, three_vendors
):
    client.force_login(staff)
    url = f"/dashboard/checkouts/{transfer.number}/"
    client.post(url, {"action": "transfer_received"})
    part = transfer.parts.select_related("order").get(vendor=three_vendors[0])
    page = client.post(
        url, {"action": "refund", "part": part.pk, "amount": "50000", "reason": "vỡ"}, follow=True
    )
    assert [str(m) for m in page.context["messages"]][-1] == (
        "Đã ghi nhận khoản hoàn 50.000\xa0₫: hãy chuyển khoản này từ tài khoản ngân hàng của Hội."
    )
    refund = Refund.objects.get()
    assert refund.status == Refund.Status.DONE and refund.reference == f"{part.order.number}-r1"
    part.refresh_from_db()
    assert part.refunded == 50000
    # 150.000 less the 50.000 refunded, less 10% of the 100.000 kept = 90.000
    assert "90.000" in client.get(f"/dashboard/settlements/{part.vendor.pk}/").content.decode()

    user = get_user_model().objects.create_user("m", "m@example.vn", "x")
    vendor_member_add(vendor=three_vendors[0], user=user, role="staff")
    client.force_login(user)
    mine = client.get(f"/dashboard/my-orders/{part.pk}/").content.decode()
    assert "Đã hoàn tiền" in mine and "refund-done" in mine and "vỡ" in mine


def test_a_refund_not_yet_confirmed_is_not_money_given_back(client, transfer, staff, three_vendors):
    client.force_login(staff)
    client.post(f"/dashboard/checkouts/{transfer.number}/", {"action": "transfer_received"})
    part = transfer.parts.get(vendor=three_vendors[0])
    Refund.objects.create(part=part, amount=50000, reference="R-1", status=Refund.Status.REQUESTED)
    Refund.objects.create(part=part, amount=20000, reference="R-2", status=Refund.Status.FAILED)
    # The sale less 10%, as if nothing were refunded: 135.000.
    page = client.get(f"/dashboard/settlements/{part.vendor.pk}/").content.decode()
    assert "135.000" in page and "ledger-refund" not in page


def test_refunds_made_before_refund_states_get_the_reference_their_key_was_built_from(
    transfer, three_vendors
):
    migration = importlib.import_module("marketplace.migrations.0011_refund_states")
    first, second = transfer.parts.select_related("order").order_by("pk")
    for part, amount in ((first, 1000), (second, 2000), (first, 3000)):
        Refund.objects.create(part=part, amount=amount)
    migration.references_fill(apps, None)
    assert [(r.part_id, r.reference) for r in Refund.objects.order_by("pk")] == [
        (first.pk, f"{first.order.number}-r1"),
        (second.pk, f"{second.order.number}-r1"),
        (first.pk, f"{first.order.number}-r2"),
    ]
