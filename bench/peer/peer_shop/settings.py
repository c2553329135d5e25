"""Stock django-oscar 4.2 as its documentation sets up a new shop.

Only what a shop must set is set: database, hosts, secret, currency and
language matching the marketplace, and production-like flags (DEBUG off).
Search is Oscar's default: django-haystack's simple backend.
https://django-oscar.readthedocs.io/en/latest/internals/getting_started.html
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from oscar import INSTALLED_APPS as OSCAR_INSTALLED_APPS
from oscar.defaults import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent


def _database(url: str) -> dict:
    """sqlite:////abs/path or postgres://user:pass@host:port/name."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path[1:])}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
    }


DEBUG = False
SECRET_KEY = os.environ["PEER_SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {"default": _database(os.environ["PEER_DATABASE_URL"])}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Django's default (a connection per request) unless the bench asks for kept ones
# (BENCH_PEER_CONN_MAX_AGE), to compare with the marketplace's like for like.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("PEER_CONN_MAX_AGE") or 0)
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
ROOT_URLCONF = "peer_shop.urls"
WSGI_APPLICATION = "peer_shop.wsgi.application"
SITE_ID = 1

INSTALLED_APPS = [*OSCAR_INSTALLED_APPS, "sorl.thumbnail", "bench_import"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

# Same language, time zone, currency, page size and cache as the marketplace.
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
OSCAR_DEFAULT_CURRENCY = "VND"
OSCAR_PRODUCTS_PER_PAGE = 24
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("PEER_STATIC_ROOT", str(BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ["PEER_MEDIA_ROOT"]
