"""Union staff read Oscar's dashboard in Vietnamese, even the strings Oscar left untranslated."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.test.factories import ConditionalOfferFactory

from marketplace.services.roles import roles_sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def union_staff(db):
    staff = get_user_model().objects.create_user("canbo", "canbo@example.vn", "x", is_staff=True)
    staff.groups.add(roles_sync())
    return staff


@pytest.fixture
def running_offer(db):
    return ConditionalOfferFactory(end_datetime=timezone.now() + timedelta(days=7))


def test_the_dashboard_index_reads_in_vietnamese(client, union_staff, running_offer):
    client.force_login(union_staff)
    html = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    # Both strings are empty in Oscar 4.2.1's own Vietnamese catalogue.
    assert "Ưu đãi, phiếu giảm giá" in html
    assert "Ưu đãi <em>Site</em> đang hoạt động" in html
    assert "Offers, vouchers" not in html
    assert "Active <em>Site</em> Offers" not in html


def test_the_same_page_stays_english_in_english(client, union_staff, running_offer):
    client.force_login(union_staff)
    html = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Offers, vouchers" in html
    assert "Active <em>Site</em> Offers" in html
    assert "Ưu đãi, phiếu giảm giá" not in html
