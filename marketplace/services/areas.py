from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction

from core.text import vn_slugify
from marketplace.models import AdministrativeArea

Level = AdministrativeArea.Level


@dataclass(frozen=True)
class AreaImportResult:
    created: int
    unchanged: int


def _upsert(*, name: str, level: str, parent: AdministrativeArea | None, counts: list[int]):
    area, created = AdministrativeArea.objects.get_or_create(
        parent=parent, slug=vn_slugify(name), defaults={"name": name, "level": level}
    )
    counts[0 if created else 1] += 1
    return area


@transaction.atomic
def areas_import(*, province: str, districts: Iterable[Mapping[str, object]]) -> AreaImportResult:
    """Create the province → district → commune tree, keeping what exists.

    Idempotent: areas are matched by parent and slug, and existing areas
    (which staff may have renamed or retired) are left as they are.
    """
    counts = [0, 0]
    root = _upsert(name=province, level=Level.PROVINCE, parent=None, counts=counts)
    for district in districts:
        node = _upsert(name=str(district["name"]), level=Level.DISTRICT, parent=root, counts=counts)
        for commune in district["communes"]:  # type: ignore[union-attr]
            _upsert(name=str(commune), level=Level.COMMUNE, parent=node, counts=counts)
    return AreaImportResult(created=counts[0], unchanged=counts[1])
