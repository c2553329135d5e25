"""Account pages: sign-in, registration with e-mail confirmation, password reset.

Included by config/urls.py in the ``marketplace`` namespace.
"""

from django.urls import path
from oscar.views.decorators import login_forbidden

from customer import views as account_views

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
]
