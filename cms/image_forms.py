"""Wagtail's image form for Union staff, with the same cleaning as every other picture.

Wagtail checks the extension, size and pixels of an upload but stores the
file as sent (EXIF and GPS included) under the name it was sent with.
``WAGTAILIMAGES_IMAGE_FORM_BASE`` points here, so the add, edit, chooser and
multiple-upload views all clean the file before Wagtail reads its size and
hash from it.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from core.uploads import clean_image


class CleanImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file, not the one already stored
            return clean_image(upload)
        return upload
