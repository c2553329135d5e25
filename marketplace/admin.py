from django.contrib import admin

from marketplace.models import AdministrativeArea, Vendor


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
