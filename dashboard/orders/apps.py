"""Oscar's order dashboard, closed to cooperative members for now.

Oscar shows a partner every line of an order that holds one of its lines,
so a member would read other cooperatives' lines and the buyer's whole
order. Until checkout splits orders per cooperative (the checkout issue),
the order pages answer only to staff holding Oscar's order permissions.
"""

from oscar.apps.dashboard.orders import apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    def configure_permissions(self):
        super().configure_permissions()
        self.permissions_map = {
            url_name: permissions[0] if isinstance(permissions, tuple) else permissions
            for url_name, permissions in self.permissions_map.items()
        }
