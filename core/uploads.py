"""Image uploads: what the content is, not what the file name says.

Every picture a person uploads passes here, whichever form or code path
brings it (the one door; see ``core/storage.py`` for the guard that
makes it the only one):

- real pictures only: JPEG, PNG and WebP, and HEIC/HEIF from phones, which is
  converted to JPEG (browsers cannot show it);
- a byte limit, then a pixel limit read from the header before anything is
  decoded, so a small file declaring a huge picture (a decompression bomb)
  never reaches memory; a JPEG may declare more pixels (a phone's 48 or 64
  megapixel photo), because it is decoded already reduced (``draft``: the
  decoder's own 1/2, 1/4 or 1/8 scale), so what reaches memory stays under
  the same limit;
- scaled down to at most ``MAX_EDGE`` pixels on its long side: enough for any
  screen and every thumbnail, and a phone's photo no longer weighs megabytes;
- re-encoded from the pixels alone: EXIF (with the GPS position of a seller's
  home), XMP, comments and anything after the picture's end (a JPEG/HTML
  polyglot) are left behind; the orientation the phone meant is applied
  first, and the colour profile kept;
- a random file name (the upload's own name can say who or where she is).
"""

from __future__ import annotations

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

register_heif_opener()

# A phone's full-resolution JPEG (48 MP) weighs 10 to 20 MB.
MAX_BYTES = 20 * 1024 * 1024
# Pixels decoded into memory, whatever the format.
MAX_PIXELS = 40_000_000
# Pixels a JPEG may declare: decoded at a reduced scale (see ``_decode_reduced``);
# under Pillow's own bomb warning (about 89 million).
MAX_JPEG_PIXELS = 80_000_000
# The long side of a stored picture.
MAX_EDGE = 3200
# Formats whose decoder can scale down while decoding.
REDUCIBLE_FORMATS = frozenset({"JPEG", "MPO"})
# What the content is -> (what it is stored as, extension, content type).
FORMATS = {
    "JPEG": ("JPEG", "jpg", "image/jpeg"),
    "PNG": ("PNG", "png", "image/png"),
    "WEBP": ("WEBP", "webp", "image/webp"),
    "HEIF": ("JPEG", "jpg", "image/jpeg"),
    # A JPEG with a second picture after the first (a phone's depth or HDR map).
    "MPO": ("JPEG", "jpg", "image/jpeg"),
}

TOO_MANY_PIXELS = _(
    "The picture is too big to open (too many pixels). Send a smaller photo, "
    "such as one taken in your phone's normal mode."
)


class CleanedPicture(InMemoryUploadedFile):
    """A picture that came out of :func:`clean_image`; the storage guard lets it through."""


def clean_image(upload) -> CleanedPicture:
    """Validate ``upload`` and return a re-encoded copy without metadata, under a random name.

    Raises ``ValidationError`` with a message for the person who sent it.
    A picture that already went through here is returned unchanged.
    """
    if isinstance(upload, CleanedPicture):
        return upload
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(
            _("The picture is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {
                "size": round((upload.size or 0) / 1024 / 1024, 1),
                "limit": MAX_BYTES // 1024 // 1024,
            },
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)  # reads the header only
            if image.format not in FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP picture."), code="bad_format")
            if image.format in REDUCIBLE_FORMATS:
                _decode_reduced(image)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(TOO_MANY_PIXELS, code="too_big")
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(TOO_MANY_PIXELS, code="too_big") from None
    except Exception:  # Pillow raises many kinds for broken files
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG or WebP picture."),
            code="unreadable",
        ) from None
    return _re_encode(image)


def _decode_reduced(image: Image.Image) -> None:
    """Have a large JPEG decoded at the smallest of the decoder's scales still above ``MAX_EDGE``.

    Reads nothing but the header; refuses a JPEG declaring more than ``MAX_JPEG_PIXELS``.
    """
    width, height = image.size
    if width * height > MAX_JPEG_PIXELS:
        raise ValidationError(TOO_MANY_PIXELS, code="too_big")
    long_side = max(width, height)
    if long_side <= MAX_EDGE:
        return
    ratio = MAX_EDGE / long_side
    image.draft(image.mode, (max(1, int(width * ratio)), max(1, int(height * ratio))))


def _re_encode(image: Image.Image) -> CleanedPicture:
    stored_format, extension, content_type = FORMATS[image.format]
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)  # keep the orientation the phone meant
    if max(image.size) > MAX_EDGE:
        image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    if stored_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
        icc_profile = None  # a CMYK profile does not describe the RGB pixels
    # Pillow writes some of ``info`` back (a JPEG's comment, for one): start from
    # nothing but a logo's transparent colour, which is part of the picture.
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    options: dict = {"icc_profile": icc_profile} if icc_profile else {}
    if stored_format in {"JPEG", "WEBP"}:
        options["quality"] = 88
    else:
        options["optimize"] = True
    buffer = io.BytesIO()
    image.save(buffer, stored_format, **options)
    buffer.seek(0)
    name = f"{uuid.uuid4().hex}.{extension}"
    return CleanedPicture(buffer, "image", name, content_type, buffer.getbuffer().nbytes, None)


class CleanImageField(forms.ImageField):
    """A form's picture field: the upload comes back cleaned (see :func:`clean_image`).

    Use it for every picture a form takes (``Meta.field_classes`` in a
    ModelForm), so a refused file gets its message beside the field.
    """

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)  # empty and nameless uploads
        if upload is None:
            return None
        return clean_image(upload)
