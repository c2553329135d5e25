"""Accounts that answer the same whether an e-mail address is known or not.

Registration and the application to sell never say "this address has an
account": a new address gets an account that waits for its owner to
confirm it from the e-mail; a known address gets nothing new, and its owner
reads in her mailbox what happened and how to sign in. Only the mailbox's
owner learns which it was.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.mail import mail_send
from marketplace.models import VendorMember

logger = logging.getLogger(__name__)

PURPOSES = ("register", "apply")


class AccountConfirmTokenGenerator(PasswordResetTokenGenerator):
    """A link valid while the account waits: it dies once the account is active or used."""

    key_salt = "marketplace.services.accounts.AccountConfirmTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        login_timestamp = (
            "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        )
        return f"{user.pk}{user.password}{user.is_active}{login_timestamp}{timestamp}"


account_confirm_token = AccountConfirmTokenGenerator()


def _username_for(email: str) -> str:
    """The e-mail is the login; an address longer than the username column gets a digest."""
    limit = get_user_model()._meta.get_field("username").max_length
    if len(email) <= limit:
        return email
    return hashlib.sha256(email.encode()).hexdigest()[:limit]


def account_find(*, email: str) -> AbstractBaseUser | None:
    return get_user_model().objects.filter(email__iexact=email.strip()).order_by("pk").first()


@transaction.atomic
def account_register(
    *, email: str, password: str, first_name: str = "", purpose: str = "register"
) -> AbstractBaseUser | None:
    """A waiting account for a new address, or None for a known one; the e-mail goes either way.

    The account is inactive until its owner follows the link: nobody can
    hold an address she does not read.
    """
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    email = email.strip().lower()
    existing = account_find(email=email)
    if existing is not None and account_is_unconfirmed(existing):
        return _account_reclaim(
            user=existing, password=password, first_name=first_name, purpose=purpose
        )
    if existing is not None:
        make_password(password)  # the same work as a new account: time tells nothing either
        transaction.on_commit(lambda: account_exists_notify(user=existing, purpose=purpose))
        logger.info("Registration (%s) for a known address", purpose)
        return None
    user = get_user_model()(
        username=_username_for(email), email=email, first_name=first_name, is_active=False
    )
    user.set_password(password)
    user.save()
    transaction.on_commit(lambda: account_confirm_notify(user=user, purpose=purpose))
    return user


def account_is_unconfirmed(user: AbstractBaseUser) -> bool:
    """Waiting for its owner's link: inactive and never signed in."""
    return not user.is_active and user.last_login is None


def _account_reclaim(
    *, user: AbstractBaseUser, password: str, first_name: str, purpose: str
) -> AbstractBaseUser:
    """Registration again with an unconfirmed address: as new, and the earlier claim is gone.

    Whoever registered before did not open the link, so the password, the
    name and any application to sell were hers, not necessarily the
    mailbox owner's: they are replaced, and her confirmation link stops working.
    """
    user.set_password(password)
    user.first_name = first_name
    user.save(update_fields=["password", "first_name"])
    VendorMember.objects.filter(user=user).delete()
    transaction.on_commit(lambda: account_confirm_notify(user=user, purpose=purpose))
    logger.info("Registration (%s) for an unconfirmed address", purpose)
    return user


@transaction.atomic
def account_confirm(*, user: AbstractBaseUser) -> AbstractBaseUser:
    """The owner followed the link: the account may sign in."""
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def account_confirm_url(user: AbstractBaseUser) -> str:
    path = reverse(
        "marketplace:account-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": account_confirm_token.make_token(user),
        },
    )
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _send(*, template: str, context: dict, recipient: str) -> None:
    """In the language of the page the visitor used (the request's, still active)."""
    mail_send(template=f"marketplace/emails/{template}", context=context, recipients=[recipient])


def account_confirm_notify(*, user: AbstractBaseUser, purpose: str) -> None:
    _send(
        template="account_confirm",
        context={"user": user, "purpose": purpose, "confirm_url": account_confirm_url(user)},
        recipient=user.email,
    )


def account_exists_notify(*, user: AbstractBaseUser, purpose: str) -> None:
    site_url = settings.SITE_URL.rstrip("/")
    _send(
        template="account_exists",
        context={
            "user": user,
            "purpose": purpose,
            "login_url": f"{site_url}{reverse('customer:login')}",
            "reset_url": f"{site_url}{reverse('password-reset')}",
            "apply_url": f"{site_url}{reverse('marketplace:apply')}",
        },
        recipient=user.email,
    )


def account_unconfirmed_notify(*, user: AbstractBaseUser) -> None:
    """A password reset asked for an account never opened: how to open it (no reset link).

    Its password may be a stranger's, so the way in is to register again
    with this address: that sets her own password and sends a new link.
    """
    site_url = settings.SITE_URL.rstrip("/")
    _send(
        template="account_unconfirmed",
        context={"user": user, "register_url": f"{site_url}{reverse('customer:register')}"},
        recipient=user.email,
    )
