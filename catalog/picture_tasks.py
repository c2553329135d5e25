"""Background work of the storefront (django-tasks; see config/settings/tasks.py)."""

from __future__ import annotations

from django_tasks import task
from oscar.core.loading import get_model

from core.thumbnails import picture_thumbnails_make


@task()
def product_pictures_prepare(image_ids: list[int]) -> int:
    """Make the thumbnails of these product pictures (those still there); return how many."""
    ProductImage = get_model("catalogue", "ProductImage")
    return picture_thumbnails_make(ProductImage.objects.filter(pk__in=image_ids).order_by("pk"))
