"""/cms/ users with the Union area each staff member answers for (``StaffArea``).

Wagtail's own user forms and views, with one more field on the account tab;
``marketplace.apps.WagtailUsersConfig`` puts this viewset in place of Wagtail's.
"""

from __future__ import annotations

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from marketplace.models import AdministrativeArea, StaffArea


class StaffAreaFormMixin(forms.Form):
    union_area = forms.ModelChoiceField(
        label=_("Union area"),
        queryset=AdministrativeArea.objects.filter(is_active=True)
        .select_related("parent")
        # The province, its districts, then each district's communes.
        .order_by(
            F("parent__parent").asc(nulls_first=True),
            F("parent").asc(nulls_first=True),
            "name",
        ),
        required=False,
        empty_label=_("The whole province"),
        help_text=_(
            "Her vendor and listing queues, contest entries and reports show this area "
            "and the areas under it. Empty: the whole province."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union_area"].label_from_instance = _area_label
        if self.instance.pk:
            row = StaffArea.objects.filter(user=self.instance).first()
            self.fields["union_area"].initial = row.area_id if row else None

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            staff_area_set(user, self.cleaned_data.get("union_area"))
        return user


def _area_label(area: AdministrativeArea) -> str:
    """Short enough for a phone: a commune names its district."""
    if area.level == AdministrativeArea.Level.COMMUNE and area.parent:
        return f"{area.name} ({area.parent.name})"
    return area.name


def staff_area_set(user, area: AdministrativeArea | None) -> None:
    if area is None:
        StaffArea.objects.filter(user=user).delete()
    else:
        StaffArea.objects.update_or_create(user=user, defaults={"area": area})


class StaffUserCreationForm(StaffAreaFormMixin, UserCreationForm):
    pass


class StaffUserEditForm(StaffAreaFormMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    create_template_name = "marketplace/wagtailusers/create.html"
    edit_template_name = "marketplace/wagtailusers/edit.html"

    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
