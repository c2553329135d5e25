"""The basket's add view, narrowed to products for sale (config/urls.py includes it)."""

from django.urls import path

from basket.views import BasketAddView

urlpatterns = [
    # Same path as Oscar's basket:add, which it narrows to products for sale.
    path("basket/add/<int:pk>/", BasketAddView.as_view()),
]
