"""Fixtures the functional tests share: the people every isolation test needs (two vendors
in Ninh Hải, Hoa Lư, their owners, Union staff of the province and of another district, a
shopper)."""

import pytest
from django.contrib.auth import get_user_model

from marketplace.models import StaffArea
from marketplace.services.roles import roles_sync
from marketplace.services.vendors import vendor_member_add
from tests.factories import commune_create, vendor_create


@pytest.fixture
def people(db) -> dict:
    User = get_user_model()
    vendor_a, vendor_b = vendor_create("Hợp tác xã A"), vendor_create("Hợp tác xã B")
    member_a = User.objects.create_user("a@example.vn", "a@example.vn", "x")
    member_b = User.objects.create_user("b@example.vn", "b@example.vn", "x")
    vendor_member_add(vendor=vendor_a, user=member_a, role="owner")
    vendor_member_add(vendor=vendor_b, user=member_b, role="owner")
    staff = User.objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    elsewhere = User.objects.create_user("canbo-kimson", "ks@example.vn", "x", is_staff=True)
    elsewhere.groups.add(roles_sync())
    StaffArea.objects.create(user=elsewhere, area=commune_create("Kim Đông", "Kim Sơn").parent)
    return {
        "vendor A": vendor_a,
        "vendor B": vendor_b,
        "anonymous": None,
        "shopper": User.objects.create_user("khach", "khach@example.vn", "x"),
        "member of vendor A": member_a,
        "member of vendor B": member_b,
        "Union staff": staff,
        "Union staff of another district": elsewhere,
    }
