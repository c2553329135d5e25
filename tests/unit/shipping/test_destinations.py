"""Vietnam's units for delivery addresses: type-ahead without accents, zones."""

import pytest

from marketplace.models import Vendor
from shipping import destinations


def _names(units):
    return [unit.name for unit in units]


def test_there_are_34_provinces_and_ninh_binh_is_home():
    assert len(destinations.provinces()) == 34
    assert destinations.home_province().name == "Ninh Bình"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ha noi", "Thành phố Hà Nội"),
        ("HÀ NỘI", "Thành phố Hà Nội"),
        ("ho chi", "Thành phố Hồ Chí Minh"),
    ],
)
def test_provinces_are_found_without_accents(query, expected):
    assert _names(destinations.units_matching(destinations.provinces(), query)) == [expected]


def test_wards_are_found_without_accents_by_the_start_of_their_words():
    found = _names(destinations.units_matching(destinations.wards(1), "phuong ba dinh"))
    assert found == ["Phường Ba Đình"]
    assert "Phường Ba Đình" in _names(destinations.units_matching(destinations.wards(1), "ba d"))
    assert destinations.units_matching(destinations.wards(1), "zzz") == []


def test_a_ward_belongs_to_its_province_only():
    assert destinations.ward_get(1, 4).name == "Phường Ba Đình"
    assert destinations.ward_get(37, 4) is None
    assert destinations.ward_get("x", 4) is None and destinations.wards("x") == ()


@pytest.mark.parametrize(
    ("province", "zone"),
    [
        ("Ninh Bình", Vendor.DeliveryZone.PROVINCE),
        ("Thành phố Hà Nội", Vendor.DeliveryZone.ELSEWHERE),
        ("Tỉnh Hà Nam", Vendor.DeliveryZone.ELSEWHERE),  # merged away in 2025
        ("", None),
    ],
)
def test_the_zone_of_an_address_is_read_from_its_province_name(province, zone):
    assert destinations.delivery_zone(province) == zone
