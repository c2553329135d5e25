"""Order pages outside Oscar's checkout: a guest's order status and the checkout history.

Included by config/urls.py in the ``marketplace`` namespace.
"""

from django.urls import path

from checkout import order_views

urlpatterns = [
    path("orders/status/", order_views.OrderStatusView.as_view(), name="order-status"),
    # Same path as Oscar's order history: one entry per checkout, with its parts.
    path("accounts/orders/", order_views.OrderGroupHistoryView.as_view(), name="order-history"),
]
