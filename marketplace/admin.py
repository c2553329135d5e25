from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from marketplace.models import AdministrativeArea, StaffArea, Vendor


@admin.register(AdministrativeArea)
class AdministrativeAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["name", "slug"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "commune"]
    list_filter = ["kind"]
    search_fields = ["partner__name", "slug"]
    list_select_related = ["partner", "commune"]
    autocomplete_fields = ["commune"]


class StaffAreaInline(admin.StackedInline):
    """The area a Union staff member answers for, set by a superuser on her account."""

    model = StaffArea
    autocomplete_fields = ["area"]
    can_delete = True
    max_num = 1


# Django's own user admin, with the staff member's area under her groups.
User = get_user_model()
if admin.site.is_registered(User):
    _user_admin = type(admin.site.get_model_admin(User))
    admin.site.unregister(User)
else:
    _user_admin = UserAdmin


@admin.register(User)
class StaffUserAdmin(_user_admin):
    inlines = [*_user_admin.inlines, StaffAreaInline]
