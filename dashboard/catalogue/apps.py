import oscar.apps.dashboard.catalogue.apps as apps
from oscar.views.decorators import permissions_required

from core.oscar_urls import urls_with_views


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, forked for the product editor and the product lookup.

    Oscar's ``ready()`` loads its views with ``get_class``, which finds
    ``ProductCreateUpdateView`` (members' changes to approved products held
    for review) and ``ProductLookupView`` (no 500s on bad paging) in this
    fork's ``dashboard/catalogue/views.py`` first, behind Oscar's own
    permissions for each URL name.
    """

    name = "dashboard.catalogue"

    def ready(self):
        super().ready()
        # Imports models: only once the app registry is ready.
        from oscar.apps.dashboard.catalogue.views import ProductCreateUpdateView

        self.product_create_child_view = ProductCreateUpdateView

    def get_urls(self):
        # Oscar's editor also creates variants, a page only staff reach: it
        # stays Oscar's (a variant is sold under its parent's listing).
        name = "catalogue-product-create-child"
        view = permissions_required(self.get_permissions(name), login_url=self.login_url)(
            self.product_create_child_view.as_view()
        )
        return urls_with_views(super().get_urls(), {name: view})
