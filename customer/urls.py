"""Account pages Oscar has no URL for: registration's "look in your mailbox" and its link.

Included by config/urls.py in the ``marketplace`` namespace. Sign-in,
registration, signing out, the order history (customer/apps.py) and password
reset (customer/shop.py) are Oscar's URLs, served by our views.
"""

from django.urls import path

from customer import views as account_views

urlpatterns = [
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
]
