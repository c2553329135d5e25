"""One table of carriers and their public tracking addresses (marketplace/carriers.py)."""

from marketplace.carriers import CARRIER_CHOICES, carrier_label, tracking_url


def test_the_list_a_member_picks_from():
    assert [code for code, _ in CARRIER_CHOICES] == [
        "vnpost",
        "viettelpost",
        "ghn",
        "ghtk",
        "jt",
        "other",
    ]


def test_tracking_addresses_carry_the_number_safely():
    assert tracking_url("ghn", " LK7Q3 ") == "https://donhang.ghn.vn/?order_code=LK7Q3"
    assert tracking_url("ghtk", "S1/2 x") == "https://i.ghtk.vn/S1%2F2%20x"
    assert tracking_url("jt", "8412&a=1").endswith("billcode=8412%26a%3D1")
    # "other" and a parcel without a number have no link; the shopper sees the number only
    assert tracking_url("other", "XK-77") == ""
    assert tracking_url("ghn", "") == ""


def test_a_carrier_typed_before_the_list_is_shown_as_typed():
    assert carrier_label("jt") == "J&T Express"
    assert carrier_label("Xe khách Kim Sơn") == "Xe khách Kim Sơn"
    assert tracking_url("Xe khách Kim Sơn", "1") == ""
