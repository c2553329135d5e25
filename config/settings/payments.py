"""Payments: Stripe keys (test keys or none locally).

Card payments stay off until a secret key is configured.
https://docs.stripe.com/keys
"""

from config.env import env_str

STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", default="")

# The Union's account that receives VietQR bank transfers. The transfer option
# shows only when the bank's six-digit BIN and the account number are set.
# https://vietqr.net (NAPAS bank BIN list)
UNION_BANK_BIN = env_str("UNION_BANK_BIN", default="")
UNION_BANK_NAME = env_str("UNION_BANK_NAME", default="")
UNION_BANK_ACCOUNT_NUMBER = env_str("UNION_BANK_ACCOUNT_NUMBER", default="")
UNION_BANK_ACCOUNT_NAME = env_str("UNION_BANK_ACCOUNT_NAME", default="")
