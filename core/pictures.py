"""Pictures stored before uploads had one door: cleaned again where they lie.

Until ``core.uploads`` guarded every path, Oscar's product editor kept
a photo as sent (EXIF with the GPS position of a seller's home, comments,
anything after the picture's end) under the name it came with, and served it
publicly. This reads every stored picture of every model, stores a cleaned
copy under a random name, points the row at it and deletes the original.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from wagtail.images.models import AbstractImage, AbstractRendition

from core.uploads import clean_image


@dataclass
class PicturesRecleaned:
    cleaned: int = 0
    missing: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # stored files that are not pictures


def picture_fields() -> list[tuple[type[models.Model], models.ImageField]]:
    """Every ImageField people fill, on every installed model (renditions are derived)."""
    return [
        (model, model_field)
        for model in apps.get_models()
        if not issubclass(model, AbstractRendition)
        for model_field in model._meta.get_fields()
        if isinstance(model_field, models.ImageField)
    ]


def pictures_reclean(*, dry_run: bool = False) -> PicturesRecleaned:
    result = PicturesRecleaned()
    for model, model_field in picture_fields():
        rows = model._default_manager.exclude(**{model_field.name: ""}).exclude(
            **{f"{model_field.name}__isnull": True}
        )
        for row in rows.iterator():
            _reclean(row, model_field, result, dry_run=dry_run)
    return result


def _reclean(row, model_field, result: PicturesRecleaned, *, dry_run: bool) -> None:
    stored = getattr(row, model_field.name)
    old_name, storage = stored.name, stored.storage
    if not storage.exists(old_name):
        result.missing.append(old_name)
        return
    with storage.open(old_name) as handle:
        data = handle.read()
    try:
        picture = clean_image(ContentFile(data, name=posixpath.basename(old_name)))
    except ValidationError:
        result.refused.append(old_name)
        return
    result.cleaned += 1
    if dry_run:
        return
    with transaction.atomic():
        setattr(row, model_field.name, picture)
        # The phone's rotation is applied when cleaning: width and height may swap.
        dimensions = [
            getattr(model_field, "width_field", None),
            getattr(model_field, "height_field", None),
        ]
        update_fields = [model_field.name, *filter(None, dimensions)]
        if isinstance(row, AbstractImage):  # Wagtail keeps the file's size and hash
            row._set_image_file_metadata()
            update_fields += ["file_size", "file_hash"]
            row.renditions.all().delete()
        row.save(update_fields=update_fields)
        transaction.on_commit(lambda: storage.delete(old_name))
