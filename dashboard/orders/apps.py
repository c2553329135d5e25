"""Oscar's order dashboard, closed to cooperative members.

Checkout places one Oscar order per cooperative, so a member would no
longer read another cooperative's lines there. She is still kept out:
Oscar's order pages change an order's and its lines' status at will, add
payment events and edit the delivery address, round the fulfilment steps
(checkout/order_services.py) that give stock back, record cash collected
and tell the shopper. Her orders are under "My orders"
(dashboard/vendor_orders.py). The order pages answer only to staff holding
Oscar's order permissions.
"""

from oscar.apps.dashboard.orders import apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        self.permissions_map = {
            url_name: permissions[0] if isinstance(permissions, tuple) else permissions
            for url_name, permissions in self.permissions_map.items()
        }
