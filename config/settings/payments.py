"""Payments: Stripe keys (test keys or none locally).

Card payments stay off until a secret key is configured.
https://docs.stripe.com/keys
"""

from config.env import env_str

STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", default="")
