"""Accounts: sign-in lock-out, rate limits of public forms, the client's address.

Sign-in lock-out is django-axes (https://django-axes.readthedocs.io/) with its
database handler: the attempts live in the database every web machine shares
(SQLite on a laptop, PostgreSQL in production), so a lock-out holds across
gunicorn workers and machines without Redis. customer/signin.py gives each
lock-out rule its own limit. The small rate limits of public forms live in
the ``ratelimit`` cache (core/ratelimit.py; Redis with ``REDIS_URL``).
"""

from datetime import timedelta

from config.env import env_int

# --------------------------------------------------------------------------
# The client's address. Only REMOTE_ADDR, unless the site sits behind
# reverse proxies that append to X-Forwarded-For: then say how many (the
# right-most entries they wrote are trusted; anything a client sent is not).
# --------------------------------------------------------------------------
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

# --------------------------------------------------------------------------
# Sign-in lock-out on the shop's, the CMS's and Django admin's login pages.
# Each rule locks after its own number of failures within the cool-off:
# one account from one address, one address whatever the account, and one
# account from anywhere (many addresses guessing one password).
# --------------------------------------------------------------------------
AXES_HANDLER = "customer.signin.SigninAttemptHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
SIGNIN_FAILURE_LIMITS = [
    env_int("SIGNIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", default=5),
    env_int("SIGNIN_FAILURES_PER_ADDRESS", default=20),
    env_int("SIGNIN_FAILURES_PER_ACCOUNT", default=50),
]
# axes compares every rule's count with this; SigninAttemptHandler scales the counts to it.
AXES_FAILURE_LIMIT = SIGNIN_FAILURE_LIMITS[0]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGNIN_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_USERNAME_CALLABLE = "customer.signin.signin_username"
AXES_LOCKOUT_CALLABLE = "customer.signin.lockout_response"
# Only failures are kept (and forgotten after the cool-off): no log of every sign-in's address.
AXES_DISABLE_ACCESS_LOG = True
# The attempt log keeps the address and user agent, not what was typed.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "login-username",
    "login-password",
    "email",
]

# --------------------------------------------------------------------------
# Rate limits of public forms: (requests, seconds) per client address, and
# per target e-mail where a form sends one.
# --------------------------------------------------------------------------
RATE_LIMITS = {
    "password-reset": (5, 15 * 60),
    "password-reset-email": (3, 60 * 60),
    "register": (10, 60 * 60),
    "register-email": (3, 60 * 60),
    "order-status": (20, 15 * 60),
    "vendor-apply": (5, 60 * 60),
    "vendor-apply-email": (3, 60 * 60),
    # Joining the Union and reporting abuse (union/views.py): a commune meeting may send
    # many requests from one hall's connection, a flood of reports may not.
    "union-join": (30, 60 * 60),
    "abuse-report": (10, 60 * 60),
    # Content-Security-Policy violation reports a browser sends (core/csp.py).
    "csp-report": (120, 60 * 60),
}

# The basket cookie's SameSite (Oscar's middleware sets only Secure): see basket/middleware.py.
BASKET_COOKIE_SAMESITE = "Lax"
