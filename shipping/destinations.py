"""Where parcels go: Vietnam's 34 provinces and cities and their wards and communes.

The units are read from the ``vietnam-provinces`` package (the national
statistics office's codes, the two-level structure in force since July 2025)
at run time: there is no table to fill, and upgrading the data is upgrading
the package (bump its pin in requirements/base.txt, then
``pip install -r requirements/base.txt``). An address keeps the *names* of
its ward and province (Oscar's ``line3`` and ``state``), so one saved with a
unit that a later upgrade merges away still reads as it was written.

The producer area tree (``marketplace.AdministrativeArea``) is another
thing: it says where products come from, not where they go.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from vietnam_provinces import Province, Ward

from core.text import fold
from marketplace.models import Vendor

# "Thành phố Hà Nội" is looked for, and sorted, as "Hà Nội".
_CITY_PREFIX = "Thành phố "


@dataclass(frozen=True)
class Unit:
    code: int
    name: str
    folded: str

    def as_json(self) -> dict:
        return {"code": self.code, "name": self.name}


def _sort_key(name: str) -> str:
    return fold(name.removeprefix(_CITY_PREFIX))


@cache
def _provinces() -> tuple[Unit, ...]:
    units = [Unit(code=int(p.code), name=p.name, folded=fold(p.name)) for p in Province.iter_all()]
    return tuple(sorted(units, key=lambda unit: _sort_key(unit.name)))


@cache
def _wards() -> dict[int, tuple[Unit, ...]]:
    by_province: dict[int, list[Unit]] = {}
    for ward in Ward.iter_all():
        by_province.setdefault(int(ward.province_code), []).append(
            Unit(code=int(ward.code), name=ward.name, folded=fold(ward.name))
        )
    return {
        code: tuple(sorted(units, key=lambda unit: fold(unit.name)))
        for code, units in by_province.items()
    }


def provinces() -> tuple[Unit, ...]:
    """The provinces and cities, in alphabetical order of their names."""
    return _provinces()


def province_get(code) -> Unit | None:
    """The province of ``code`` (an int or its digits), or None."""
    try:
        code = int(code)
    except (TypeError, ValueError):
        return None
    return next((unit for unit in _provinces() if unit.code == code), None)


def province_by_name(name: str) -> Unit | None:
    return next((unit for unit in _provinces() if unit.name == name), None)


def wards(province_code) -> tuple[Unit, ...]:
    """The wards and communes of a province, alphabetically; none for an unknown one."""
    province = province_get(province_code)
    return _wards().get(province.code, ()) if province else ()


def ward_get(province_code, code) -> Unit | None:
    """The ward of ``code`` if it lies in that province, else None."""
    try:
        code = int(code)
    except (TypeError, ValueError):
        return None
    return next((unit for unit in wards(province_code) if unit.code == code), None)


def ward_by_name(province_code, name: str) -> Unit | None:
    return next((unit for unit in wards(province_code) if unit.name == name), None)


def units_matching(units: tuple[Unit, ...], query: str) -> list[Unit]:
    """The units whose name holds every word of ``query``, marks and case ignored.

    "ha noi" finds Thành phố Hà Nội and "phuong ba dinh" Phường Ba Đình; a word
    matches the start of a word of the name, so "ba" finds Ba Đình, not Hoà Bình.
    """
    words = fold(query).split()
    if not words:
        return list(units)
    return [
        unit
        for unit in units
        if all(any(part.startswith(word) for part in unit.folded.split()) for word in words)
    ]


def home_province() -> Unit | None:
    return province_get(settings.DELIVERY_HOME_PROVINCE_CODE)


def delivery_zone(province_name: str | None) -> str | None:
    """The delivery zone of an address whose province is written ``province_name``.

    None when no province is known yet. A province the data no longer has
    (merged away by an upgrade) is elsewhere unless it is written as the
    cooperatives' own.
    """
    if not province_name:
        return None
    home = home_province()
    if home is not None and province_name == home.name:
        return Vendor.DeliveryZone.PROVINCE
    return Vendor.DeliveryZone.ELSEWHERE


def address_zone(address) -> str | None:
    """The delivery zone of an Oscar address (its ``state`` holds the province)."""
    return delivery_zone(getattr(address, "state", None)) if address is not None else None
