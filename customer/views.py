"""The shop's account pages where ours differ from Oscar's.

Oscar's customer app (forked in customer/apps.py) and its root app
(customer/shop.py) serve them at Oscar's own URLs.

- Registration answers the same for a new and a known e-mail address
  (marketplace/services/accounts.py); a new account opens from the e-mail.
- Signing out takes a POST: a link, an image or a prefetch cannot sign
  anyone out. A GET shows a page with the button (the CMS's answers 405).
- Password reset (the shop's and the CMS's) is rate-limited; setting a new
  password on either lifts the sign-in lock-out of that account, and the
  shop's signs its owner in. An account never opened (someone may have
  registered another's address) gets, instead of a reset, how to open it.
- The order history lists checkouts, each with its cooperatives' parts.
"""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from oscar.apps.customer.views import AccountAuthView as OscarAccountAuthView
from oscar.apps.customer.views import AccountRegistrationView as OscarAccountRegistrationView
from oscar.core.loading import get_class
from wagtail.admin.views.account import LogoutView as WagtailLogoutView
from wagtail.admin.views.account import (
    PasswordResetConfirmView as WagtailPasswordResetConfirmView,
)
from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView

from core.ratelimit import rate_limit
from marketplace.selectors import order_groups_of_user
from marketplace.services.accounts import (
    account_confirm,
    account_confirm_token,
    account_is_unconfirmed,
    account_register,
    account_unconfirmed_notify,
)

EmailUserCreationForm = get_class("customer.forms", "EmailUserCreationForm")
OscarPasswordResetForm = get_class("customer.forms", "PasswordResetForm")
user_registered = get_class("customer.signals", "user_registered")

SIGNIN_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"
REGISTRATION_SENT_SESSION_KEY = "registration_sent_to"


class RegistrationForm(EmailUserCreationForm):
    """Oscar's form without its "a user with that email address already exists"."""

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


def _registration_email(request) -> str:
    return request.POST.get("registration-email") or request.POST.get("email") or ""


class RegisterWithoutDisclosureMixin:
    """Replaces Oscar's register_user, which tells a known address apart and signs in at once."""

    def register_user(self, form) -> None:
        account_register(email=form.cleaned_data["email"], password=form.cleaned_data["password1"])
        self.request.session[REGISTRATION_SENT_SESSION_KEY] = form.cleaned_data["email"]

    def registration_done(self) -> HttpResponseRedirect:
        return redirect("marketplace:registration-sent")


@method_decorator(
    rate_limit(
        "register",
        when=lambda request: "registration_submit" in request.POST,
        email=_registration_email,
    ),
    name="dispatch",
)
class AccountAuthView(RegisterWithoutDisclosureMixin, OscarAccountAuthView):
    """/accounts/login/: Oscar's sign-in and registration page."""

    registration_form_class = RegistrationForm

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            self.register_user(form)
            return self.registration_done()
        return self.render_to_response(self.get_context_data(registration_form=form))


@method_decorator(rate_limit("register", email=_registration_email), name="dispatch")
class AccountRegistrationView(RegisterWithoutDisclosureMixin, OscarAccountRegistrationView):
    """/accounts/register/"""

    form_class = RegistrationForm

    def form_valid(self, form):
        self.register_user(form)
        return self.registration_done()


def registration_sent_view(request):
    """The same page for every registration: look in the mailbox."""
    email = request.session.get(REGISTRATION_SENT_SESSION_KEY)
    if not email:
        return redirect("customer:login")
    return render(request, "marketplace/accounts/registration_sent.html", {"email": email})


class AccountConfirmView(View):
    """/accounts/confirm/<uidb64>/<token>/: the link of the e-mail opens the account.

    The link shows a button (a mail scanner following links opens nothing);
    pressing it opens the account and signs its owner in.
    """

    template_name = "marketplace/accounts/account_confirm.html"

    def get_user(self):
        try:
            pk = force_str(urlsafe_base64_decode(self.kwargs["uidb64"]))
            user = get_user_model().objects.get(pk=pk, is_active=False)
        except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
            return None
        return user if account_confirm_token.check_token(user, self.kwargs["token"]) else None

    def get(self, request, *args, **kwargs):
        user = self.get_user()
        status = 200 if user is not None else 400
        return render(request, self.template_name, {"valid": user is not None}, status=status)

    def post(self, request, *args, **kwargs):
        user = self.get_user()
        if user is None:
            return render(request, self.template_name, {"valid": False}, status=400)
        account_confirm(user=user)
        user_registered.send_robust(sender=self, request=request, user=user)
        auth_login(request, user, backend=SIGNIN_BACKEND)
        messages.success(request, _("Your account is open. Welcome!"))
        return redirect(settings.LOGIN_REDIRECT_URL)


class LogoutView(View):
    """/accounts/logout/: a POST signs out; a GET asks (Oscar's signs out on any GET)."""

    @method_decorator(never_cache)
    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(settings.OSCAR_HOMEPAGE)
        return render(request, "marketplace/accounts/logout_confirm.html")

    def post(self, request, *args, **kwargs):
        auth_logout(request)
        response = redirect(settings.OSCAR_HOMEPAGE)
        for cookie in settings.OSCAR_COOKIES_DELETE_ON_LOGOUT:
            response.delete_cookie(cookie)
        return response


class OrderHistoryView(TemplateView):
    """/accounts/orders/: one entry per checkout, each with its cooperatives' parts.

    Oscar's lists each cooperative's order on its own; a shopper placed one.
    """

    template_name = "marketplace/order_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(order_groups_of_user(self.request.user), 10)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage:
            page = paginator.page(1)
        context.update(groups=page.object_list, page_obj=page, paginator=paginator)
        return context


class OrderDetailView(TemplateView):
    """/accounts/orders/<number>/: one of her checkouts, opened from the history.

    Every cooperative's part with its status, carrier and tracking number. A
    part's own number (``100012-1``) opens the checkout it belongs to; another
    shopper's number is a 404, as Oscar's is.
    """

    template_name = "marketplace/order_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = self.kwargs["order_number"].split("-")[0]
        group = order_groups_of_user(self.request.user).filter(number=number).first()
        if group is None:
            raise Http404(_("No order of yours has this number."))
        context["group"] = group
        return context


class CmsLogoutView(WagtailLogoutView):
    """/cms/logout/: Wagtail's, refusing a GET before it touches the session cookie.

    Wagtail's view answers a GET with 405 but deletes the session cookie on
    the way out, which signs the browser out all the same.
    """

    http_method_names = ["post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


def _reset_email(request) -> str:
    return request.POST.get("email", "")


class PasswordResetForm(OscarPasswordResetForm):
    """Oscar's, and an account never opened gets how to open it rather than nothing.

    Django mails active accounts only; the owner of an address someone else
    registered (and never confirmed) would wait for a mail that never comes.
    The page stays the same for every address.
    """

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        email = self.cleaned_data["email"]
        for user in get_user_model()._default_manager.filter(email__iexact=email):
            if account_is_unconfirmed(user):
                account_unconfirmed_notify(user=user)


@method_decorator(rate_limit("password-reset", email=_reset_email), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """/password-reset/: Oscar's, limited per address and per e-mail asked for."""

    form_class = PasswordResetForm
    template_name = "oscar/registration/password_reset_form.html"

    def get_success_url(self):
        return reverse("password-reset-done")


# /cms/password_reset/: Wagtail's, sharing the shop's limit (the same people, the same e-mails).
cms_password_reset_view = rate_limit("password-reset", email=_reset_email)(
    WagtailPasswordResetView.as_view()
)


def _lockout_lift(user) -> None:
    """Forget the account's failed sign-ins (axes keys them by the lower-cased name typed)."""
    for name in {user.get_username().lower(), (user.email or "").lower()} - {""}:
        axes_reset(username=name)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """/password-reset/confirm/…: a new password lifts the lock-out and signs the owner in.

    Signing in here does not pass through authenticate(), so a locked-out
    address does not keep the owner out; the account's failed attempts are
    forgotten, so her next sign-in from anywhere is not refused either.
    """

    form_class = SetPasswordForm
    template_name = "oscar/registration/password_reset_confirm.html"
    post_reset_login = True
    post_reset_login_backend = SIGNIN_BACKEND

    def form_valid(self, form):
        _lockout_lift(form.user)
        response = super().form_valid(form)
        messages.success(self.request, _("Your new password is saved and you are signed in."))
        return response

    def get_success_url(self):
        return reverse("customer:summary")


class CmsPasswordResetConfirmView(WagtailPasswordResetConfirmView):
    """/cms/password_reset/confirm/…: Wagtail's, and the new password lifts the lock-out too."""

    def form_valid(self, form):
        _lockout_lift(form.user)
        return super().form_valid(form)
