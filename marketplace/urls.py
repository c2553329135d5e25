"""Cooperative and area pages, and applying to sell.

Included by config/urls.py in the ``marketplace`` namespace, with the
account, basket, order and dashboard pages of the apps above this one.
"""

from django.urls import path

from marketplace import views

urlpatterns = [
    path("cooperatives/", views.VendorListView.as_view(), name="vendor-list"),
    path("cooperatives/<slug:slug>/", views.VendorDetailView.as_view(), name="vendor-detail"),
    path("areas/", views.AreaListView.as_view(), name="area-list"),
    path("areas/<slug:district>/", views.AreaDetailView.as_view(), name="area-detail"),
    path(
        "areas/<slug:district>/<slug:commune>/",
        views.AreaDetailView.as_view(),
        name="area-commune-detail",
    ),
    path("sell/apply/", views.VendorApplyView.as_view(), name="apply"),
    path("sell/apply/received/", views.VendorApplyReceivedView.as_view(), name="apply-received"),
    path(
        "sell/invitations/<str:token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
]
