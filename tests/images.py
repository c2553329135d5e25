"""Small real pictures for tests: product images go through sorl thumbnails like uploads do."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

ProductImage = get_model("catalogue", "ProductImage")


def png_bytes(color=(200, 120, 80), size=(24, 24)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def product_image_add(product, *, name: str = "anh.png", order: int = 0):
    return ProductImage.objects.create(
        product=product,
        original=SimpleUploadedFile(name, png_bytes(), content_type="image/png"),
        display_order=order,
    )
