"""Payments: Stripe keys (test keys or none locally) and the Union's bank account.

Card payments stay off until a secret key is configured; VietQR transfers stay
off until the Union's account is configured.
https://docs.stripe.com/keys · https://docs.stripe.com/webhooks#verify-events
"""

import re

from django.core.exceptions import ImproperlyConfigured

from config.env import env_int, env_str, env_url

# --------------------------------------------------------------------------
# Stripe: STRIPE_API_BASE points the client at another server (localstripe in
# tests); empty means Stripe's own https://api.stripe.com.
# --------------------------------------------------------------------------
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env_url("STRIPE_API_BASE", default="")
# Seconds a webhook signature stays valid (Stripe's own default is 300).
STRIPE_WEBHOOK_TOLERANCE = env_int("STRIPE_WEBHOOK_TOLERANCE", default=300)
STRIPE_MAX_NETWORK_RETRIES = env_int("STRIPE_MAX_NETWORK_RETRIES", default=2)
# Stripe.js, the only third-party script, loaded on the card payment page only
# (localstripe serves its own copy at <its address>/js.stripe.com/v3/).
STRIPE_JS_URL = env_url(
    "STRIPE_JS_URL",
    default=f"{STRIPE_API_BASE}/js.stripe.com/v3/"
    if STRIPE_API_BASE
    else "https://js.stripe.com/v3/",
)

# --------------------------------------------------------------------------
# VietQR bank transfer to the Union's account (NAPAS bank BIN, 6 digits).
# --------------------------------------------------------------------------
VIETQR_BANK_BIN = env_str("VIETQR_BANK_BIN", default="")
VIETQR_ACCOUNT_NUMBER = env_str("VIETQR_ACCOUNT_NUMBER", default="")
VIETQR_ACCOUNT_NAME = env_str("VIETQR_ACCOUNT_NAME", default="")
# The bank's name as shoppers know it, shown beside the code (e.g. "Agribank Ninh Bình").
VIETQR_BANK_NAME = env_str("VIETQR_BANK_NAME", default="")
# First letters of every transfer reference (upper-case letters and digits).
VIETQR_REFERENCE_PREFIX = env_str("VIETQR_REFERENCE_PREFIX", default="CPN")

for _name, _pattern, _expected in (
    ("VIETQR_BANK_BIN", r"\d{6}", "6 digits (the bank's NAPAS BIN)"),
    ("VIETQR_ACCOUNT_NUMBER", r"\d{1,19}", "1 to 19 digits"),
    ("VIETQR_ACCOUNT_NAME", r"[ -~]{1,50}", "the account holder's name without diacritics"),
    ("VIETQR_REFERENCE_PREFIX", r"[A-Z0-9]{0,6}", "up to 6 upper-case letters or digits"),
):
    _value = globals()[_name]
    if _value and not re.fullmatch(_pattern, _value):
        raise ImproperlyConfigured(
            f"Environment variable {_name} is malformed: expected {_expected}, got {_value!r}."
        )

# --------------------------------------------------------------------------
# Reconciliation (manage.py reconcile_payments): the dotted path of the
# checkout's PaymentBook (see payments/reconcile.py).
# --------------------------------------------------------------------------
PAYMENTS_RECONCILE_BOOK = "checkout.payment_services.CheckoutPaymentBook"
