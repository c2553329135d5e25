"""The marketplace's dashboard pages: vendor and listing review, members' listings,
orders, sales and settlements.

Included by config/urls.py in the ``marketplace`` namespace. Oscar's index,
product editor and product lookup are Oscar's URLs served by our views
(dashboard/apps.py, dashboard/catalogue/apps.py).
"""

from django.urls import path

from dashboard import checkouts as dashboard_checkouts
from dashboard import member_products
from dashboard import member_today as dashboard_today
from dashboard import settlements as dashboard_settlements
from dashboard import vendor_orders as dashboard_orders
from dashboard import views as dashboard_views
from dashboard.catalogue.views import ProductQrDownloadView

urlpatterns = [
    path(
        "dashboard/vendors/",
        dashboard_views.VendorModerationListView.as_view(),
        name="dashboard-vendor-list",
    ),
    path(
        "dashboard/vendors/events/",
        dashboard_views.ModerationEventListView.as_view(),
        name="dashboard-moderation-event-list",
    ),
    path(
        "dashboard/vendors/<int:pk>/",
        dashboard_views.VendorModerationDetailView.as_view(),
        name="dashboard-vendor-detail",
    ),
    path(
        "dashboard/listings/",
        dashboard_views.ListingQueueView.as_view(),
        name="dashboard-listing-queue",
    ),
    path(
        "dashboard/listings/<int:pk>/",
        dashboard_views.ListingDecisionView.as_view(),
        name="dashboard-listing-detail",
    ),
    path(
        "dashboard/listings/changes/<int:pk>/",
        dashboard_views.RevisionDecisionView.as_view(),
        name="dashboard-revision-detail",
    ),
    path(
        "dashboard/my-listings/",
        dashboard_views.MemberListingsView.as_view(),
        name="dashboard-member-listings",
    ),
    path(
        "dashboard/my-listings/new/",
        member_products.MemberProductFormView.as_view(),
        name="dashboard-member-product-create",
    ),
    path(
        "dashboard/my-listings/<int:pk>/",
        member_products.MemberProductDetailView.as_view(),
        name="dashboard-member-product-detail",
    ),
    path(
        "dashboard/my-listings/<int:pk>/edit/",
        member_products.MemberProductFormView.as_view(),
        name="dashboard-member-product-update",
    ),
    path(
        "dashboard/my-listings/<int:pk>/qr.png",
        ProductQrDownloadView.as_view(),
        name="dashboard-product-qr",
    ),
    path(
        "dashboard/profile/", dashboard_views.VendorProfileView.as_view(), name="dashboard-profile"
    ),
    path(
        "dashboard/today/", dashboard_today.MemberTodayView.as_view(), name="dashboard-member-today"
    ),
    path("dashboard/sales/", dashboard_views.VendorSalesView.as_view(), name="dashboard-sales"),
    path(
        "dashboard/sales/export.csv",
        dashboard_views.VendorSalesExportView.as_view(),
        name="dashboard-sales-export",
    ),
    path("dashboard/team/", dashboard_views.VendorTeamView.as_view(), name="dashboard-team"),
    path(
        "dashboard/checkouts/",
        dashboard_checkouts.OrderGroupListView.as_view(),
        name="dashboard-order-group-list",
    ),
    path(
        "dashboard/checkouts/<str:number>/",
        dashboard_checkouts.OrderGroupDetailView.as_view(),
        name="dashboard-order-group-detail",
    ),
    path(
        "dashboard/settlements/",
        dashboard_settlements.SettlementListView.as_view(),
        name="dashboard-settlement-list",
    ),
    path(
        "dashboard/settlements/export.csv",
        dashboard_settlements.SettlementExportView.as_view(),
        name="dashboard-settlement-export",
    ),
    path(
        "dashboard/settlements/<int:pk>/",
        dashboard_settlements.SettlementDetailView.as_view(),
        name="dashboard-settlement-detail",
    ),
    path(
        "dashboard/my-settlement/",
        dashboard_settlements.MySettlementView.as_view(),
        name="dashboard-my-settlement",
    ),
    path(
        "dashboard/my-orders/",
        dashboard_orders.VendorOrderListView.as_view(),
        name="dashboard-vendor-order-list",
    ),
    path(
        "dashboard/my-orders/<int:pk>/",
        dashboard_orders.VendorOrderDetailView.as_view(),
        name="dashboard-vendor-order-detail",
    ),
]
