"""Order pages outside Oscar's checkout: a guest's order status.

Included by config/urls.py in the ``marketplace`` namespace.
"""

from django.urls import path

from checkout import order_views

urlpatterns = [
    path("orders/status/", order_views.OrderStatusView.as_view(), name="order-status"),
]
