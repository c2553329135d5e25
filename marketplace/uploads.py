"""Image uploads: what the content is, not what the file name says.

Accepts JPEG, PNG and WebP only, refuses decompression bombs and oversize
files, and re-encodes the picture so EXIF (with GPS location) is dropped.
"""

from __future__ import annotations

import io
import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def clean_image(upload) -> InMemoryUploadedFile:
    """Validate ``upload`` and return a re-encoded copy without metadata."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The picture is too large (%(size)s MB); the limit is 8 MB.")
            % {"size": round(upload.size / 1024 / 1024, 1)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            image_format = image.format
            if image_format not in FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP picture."), code="bad_format")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The picture has too many pixels."), code="too_big")
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The picture has too many pixels."), code="too_big") from None
    except Exception:  # Pillow raises many kinds for broken files
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP picture."),
            code="unreadable",
        ) from None

    image = ImageOps.exif_transpose(image)  # keep the orientation the phone meant
    extension, content_type = FORMATS[image_format]
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    save_options = {"quality": 88} if image_format in {"JPEG", "WEBP"} else {"optimize": True}
    image.save(buffer, image_format, **save_options)  # no exif= argument: metadata dropped
    name = f"{PurePath(upload.name or 'picture').stem[:80] or 'picture'}.{extension}"
    return InMemoryUploadedFile(
        buffer, "image", name, content_type, buffer.getbuffer().nbytes, None
    )
