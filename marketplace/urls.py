from django.urls import include, path, re_path
from oscar.views.decorators import login_forbidden

from marketplace import account_views, order_views, views
from marketplace.basket import BasketAddView
from marketplace.dashboard import checkouts as dashboard_checkouts
from marketplace.dashboard import settlements as dashboard_settlements
from marketplace.dashboard import vendor_orders as dashboard_orders
from marketplace.dashboard import views as dashboard_views
from marketplace.dashboard.catalogue import (
    ProductQrDownloadView,
    product_editor_view,
    product_lookup_view,
)

app_name = "marketplace"

urlpatterns = [
    # Same paths as Oscar's account pages, which they replace (see account_views.py).
    path("accounts/login/", account_views.AccountAuthView.as_view()),
    path("accounts/register/", account_views.AccountRegistrationView.as_view()),
    path("accounts/logout/", account_views.LogoutView.as_view()),
    path(
        "accounts/register/sent/",
        account_views.registration_sent_view,
        name="registration-sent",
    ),
    path(
        "accounts/confirm/<str:uidb64>/<str:token>/",
        account_views.AccountConfirmView.as_view(),
        name="account-confirm",
    ),
    path("password-reset/", login_forbidden(account_views.PasswordResetView.as_view())),
    path(
        "password-reset/confirm/<str:uidb64>/<str:token>/",
        login_forbidden(account_views.PasswordResetConfirmView.as_view()),
    ),
    path("cooperatives/", views.VendorListView.as_view(), name="vendor-list"),
    path("cooperatives/<slug:slug>/", views.VendorDetailView.as_view(), name="vendor-detail"),
    path("areas/<slug:district>/", views.AreaDetailView.as_view(), name="area-detail"),
    path(
        "areas/<slug:district>/<slug:commune>/",
        views.AreaDetailView.as_view(),
        name="area-commune-detail",
    ),
    # Same path as Oscar's basket:add, which it narrows to products for sale.
    path("basket/add/<int:pk>/", BasketAddView.as_view()),
    path("orders/status/", order_views.OrderStatusView.as_view(), name="order-status"),
    # Same path as Oscar's order history: one entry per checkout, with its parts.
    path("accounts/orders/", order_views.OrderGroupHistoryView.as_view(), name="order-history"),
    path("payments/", include("marketplace.payments.urls")),
    path("sell/apply/", views.VendorApplyView.as_view(), name="apply"),
    path("sell/apply/received/", views.VendorApplyReceivedView.as_view(), name="apply-received"),
    path(
        "sell/invitations/<str:token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    # Named like Oscar's own index: Oscar's menu looks permissions up by URL name.
    path("dashboard/", dashboard_views.dashboard_home_view(), name="index"),
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
    # Same path as Oscar's product editor, which it extends (see dashboard/catalogue.py).
    path(
        "dashboard/catalogue/products/<int:pk>/",
        product_editor_view("catalogue-product"),
        name="dashboard-product",
    ),
    re_path(
        r"^dashboard/catalogue/products/create/(?P<product_class_slug>[\w-]+)/$",
        product_editor_view("catalogue-product-create"),
        name="dashboard-product-create",
    ),
    # Same path as Oscar's product lookup, with paging that never fails on bad input.
    path(
        "dashboard/catalogue/product-lookup/",
        product_lookup_view(),
        name="dashboard-product-lookup",
    ),
    path(
        "dashboard/my-listings/<int:pk>/qr.png",
        ProductQrDownloadView.as_view(),
        name="dashboard-product-qr",
    ),
    path(
        "dashboard/profile/", dashboard_views.VendorProfileView.as_view(), name="dashboard-profile"
    ),
    path("dashboard/sales/", dashboard_views.VendorSalesView.as_view(), name="dashboard-sales"),
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
