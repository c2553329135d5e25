"""Oscar's category form with the English name next to the Vietnamese one.

Oscar's dashboard views load ``CategoryForm`` with ``get_class``, which finds
it here first; every other form of Oscar's catalogue dashboard stays Oscar's.
"""

from __future__ import annotations

from oscar.apps.dashboard.catalogue.forms import CategoryForm as OscarCategoryForm


class CategoryForm(OscarCategoryForm):
    class Meta(OscarCategoryForm.Meta):
        fields = ["name", "name_en", *(f for f in OscarCategoryForm.Meta.fields if f != "name")]
