"""Oscar's product pictures formset, with every new picture cleaned (``core.uploads``).

Oscar's own form takes any file Pillow opens and stores it as sent, EXIF and
GPS position included, and serves it publicly. The editor view
(``dashboard/catalogue/views.py``) uses this formset instead; the media
storage's guard (``core/storage.py``) cleans what any other path stores.
"""

from __future__ import annotations

from oscar.core.loading import get_class

from core.uploads import CleanImageField

OscarProductImageForm = get_class("dashboard.catalogue.forms", "ProductImageForm")
OscarProductImageFormSet = get_class("dashboard.catalogue.formsets", "ProductImageFormSet")


class CleanProductImageForm(OscarProductImageForm):
    class Meta(OscarProductImageForm.Meta):
        field_classes = {"original": CleanImageField}


class CleanProductImageFormSet(OscarProductImageFormSet):
    form = CleanProductImageForm
