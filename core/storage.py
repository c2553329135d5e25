"""The media storage, and the guard that makes ``clean_image`` the only door for pictures.

Forms clean pictures with ``core.uploads.CleanImageField`` so that a
refused file gets its message beside the field. This storage is the second
line: whatever path a file takes to the media folder (a form that forgot the
field, Oscar's or Wagtail's own forms, ``FieldFile.save`` in a service, a
management command), a file written under a folder where people's pictures
live is cleaned first (re-encoded, metadata dropped, random name), and one
that is not a picture is refused with ``UnsafeUpload`` (Django answers 400).

Files the project makes itself from cleaned pictures (thumbnails, Wagtail
renditions) and Wagtail documents live elsewhere and pass untouched.
``tests/unit/core/test_storage.py`` checks that every ImageField of
every installed model writes under a guarded folder.
"""

from __future__ import annotations

import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage

from core.uploads import CleanedPicture, clean_image


class UnsafeUpload(SuspiciousFileOperation):
    """A file that is not a picture reached a picture folder without a form's check."""


def picture_folders() -> tuple[str, ...]:
    """Folders (prefixes of stored names) that hold pictures people upload."""
    oscar_images = settings.OSCAR_IMAGE_FOLDER.split("%", 1)[0]
    return (
        oscar_images,  # product pictures and Oscar's image attributes
        "categories/",  # Oscar's category pictures (staff)
        "vendors/",  # logos and covers, the application photo
        "ocop/",  # photos of products' OCOP certificates
        "contests/",  # contest entries
        "original_images/",  # Wagtail images (staff)
        "avatar_images/",  # Wagtail admin avatars (staff)
    )


def is_picture_name(name: str) -> bool:
    name = posixpath.normpath(str(name).replace("\\", "/")).lstrip("/")
    return any(name.startswith(folder) for folder in picture_folders())


class PictureGuard:
    """Pictures in people's folders are stored only once cleaned (on any storage below it)."""

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        if not hasattr(content, "chunks"):
            content = File(content, name)
        if is_picture_name(name) and not isinstance(content, CleanedPicture):
            try:
                content = clean_image(content)
            except ValidationError as error:
                raise UnsafeUpload(
                    f"Refused to store {name!r}: {' '.join(str(m) for m in error.messages)}"
                ) from None
        if isinstance(content, CleanedPicture):
            # The cleaned picture's own (random, right-extension) name, in the folder asked for.
            name = posixpath.join(posixpath.dirname(str(name)), content.name)
        return super().save(name, content, max_length=max_length)


class PictureStorage(PictureGuard, FileSystemStorage):
    """The default storage: the media folder, behind the picture guard."""
