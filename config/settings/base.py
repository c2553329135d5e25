"""Settings shared by every environment.

Environment-specific modules (local, test, production) import this one and
change only what differs. Each integration has its own module, imported at
the end. https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    BASE_DIR,
    env_bool,
    env_db,
    env_email,
    env_int,
    env_list,
    env_str,
    env_url,
)

# --------------------------------------------------------------------------
# Core
# --------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_URL = env_url("SITE_URL", default="http://127.0.0.1:8000")

# --------------------------------------------------------------------------
# Database: https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
# --------------------------------------------------------------------------
DATABASES = {"default": env_db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Each gunicorn worker keeps its PostgreSQL connection for a minute rather than
# opening one per request: a new connection costs the server a process and its
# first queries a cold catalogue cache (5 ms of planning for a product lookup
# that runs in 0.4 ms). Checked before reuse, so a restarted server costs one
# reconnect, not an error. 0 opens one per request, as Django does by default.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DJANGO_DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# SQLite, the embedded default of `make run`: concurrent requests wait their turn
# instead of failing with "database is locked". Write-ahead logging lets pages read
# while one request writes; each transaction takes the write lock when it begins
# (IMMEDIATE), since SQLite refuses a reader's later upgrade to writer at once,
# whatever the timeout; "timeout" is how many seconds a request waits for the lock.
# https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-notes
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )

# --------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]
# The layers, lowest first, are in docs/architecture.md; customer, basket,
# checkout, shipping, catalog, search and dashboard are Oscar forks, listed in
# config/settings/oscar.py.
LOCAL_APPS = [
    # storefront_theme comes first so its templates override Oscar's and Wagtail's.
    "storefront_theme",
    "core",
    "marketplace",
    "cms",
    "payments",
    "union",
    "demo",
]
from config.settings.oscar import OSCAR_APPS  # noqa: E402
from config.settings.tasks import TASK_APPS  # noqa: E402
from config.settings.wagtail import WAGTAIL_APPS  # noqa: E402

INSTALLED_APPS = DJANGO_APPS + LOCAL_APPS + OSCAR_APPS + WAGTAIL_APPS + TASK_APPS
# Sign-in lock-out (config/settings/accounts.py).
INSTALLED_APPS += ["axes"]

MIDDLEWARE = [
    # First: one log line per request, timing every other middleware (core/logs.py).
    "core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (config/settings/csp.py). Before the page cache, so a
    # page served from it still gets this request's header and nonce.
    "core.csp.SitePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members reach only the dashboard views on the allow-list (dashboard/access.py).
    "dashboard.access.DashboardAllowListMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Whole pages for anonymous visitors: core/page_cache.py says which.
    "core.page_cache.AnonymousPageCacheMiddleware",
    # Oscar's, with a SameSite basket cookie (basket/middleware.py).
    "basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in lock-out into its page (config/settings/accounts.py).
    "axes.middleware.AxesMiddleware",
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
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
                "storefront_theme.context_processors.site_chrome",
                "basket.context_processors.basket_count",
                "cms.context_processors.curation",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

# --------------------------------------------------------------------------
# Internationalisation: Vietnamese first, English second.
# https://docs.djangoproject.com/en/5.2/topics/i18n/
# --------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# The project's own strings first; then locale_vendor/, which fills the gaps in
# django-oscar's Vietnamese catalogue (scripts/i18n/oscar_vi_gaps.py), and
# locale_vendor_wagtail/, which fills Wagtail's (scripts/i18n/wagtail_vi_gaps.py). Django
# reads LOCALE_PATHS before the apps' catalogues, and `makemessages` writes only to the first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor", BASE_DIR / "locale_vendor_wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

# --------------------------------------------------------------------------
# Static and media files
# --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads have one door: the default storage cleans any picture written under
# people's picture folders that no form cleaned (core/storage.py).
STORAGES["default"] = {"BACKEND": "core.storage.PictureStorage"}
# Media on S3-compatible object storage instead of the shared volume (README,
# "Media on object storage"): needs requirements/s3.txt installed.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
MEDIA_STORAGE = env_str("DJANGO_MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    _S3_DOMAIN = env_str("DJANGO_S3_CUSTOM_DOMAIN", default="")
    STORAGES["default"] = {
        "BACKEND": "core.storage_s3.S3PictureStorage",
        "OPTIONS": {
            "bucket_name": env_str("DJANGO_S3_BUCKET"),
            "access_key": env_str("DJANGO_S3_ACCESS_KEY_ID"),
            "secret_key": env_str("DJANGO_S3_SECRET_ACCESS_KEY"),
            "endpoint_url": env_str("DJANGO_S3_ENDPOINT_URL", default="") or None,
            "region_name": env_str("DJANGO_S3_REGION", default="") or None,
            "custom_domain": _S3_DOMAIN or None,
            # Public pictures at stable addresses; a name taken gets a new one, never overwritten.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=2592000"},
        },
    }
    if _S3_DOMAIN:
        MEDIA_URL = f"https://{_S3_DOMAIN}/"
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured(
        "Environment variable DJANGO_MEDIA_STORAGE is malformed: expected filesystem or s3, "
        f"got {MEDIA_STORAGE!r}."
    )
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --------------------------------------------------------------------------
# E-mail: https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url
# --------------------------------------------------------------------------
vars().update(env_email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", default="cho@hoiphunu.example.vn")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --------------------------------------------------------------------------
# Caches: https://docs.djangoproject.com/en/5.2/topics/cache/
# "default" holds whole pages for anonymous visitors, search suggestions and
# small lookups (core/page_cache.py); "ratelimit" the rate limits' counters
# (core/ratelimit.py), apart so a flood of page URLs cannot cull them;
# "thumbnails" sorl-thumbnail's records (core/thumbnails.py), a few hundred
# bytes each, three per product picture, read 72 at a time by a listing;
# "fragments" the product cards' HTML kept per product and language
# (catalog/cards.py): a card is about 2 KB and a shop has two languages, so it
# holds every card of the catalogue, apart from the pages that would cull it.
# (A product page's kept content, 20-30 KB, stays in "default" with the pages.)
# --------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", default="")
_CACHE_DIR = Path(env_str("DJANGO_CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))
if REDIS_URL:
    # Several web machines: one Redis they all read (core/cache.py turns an
    # outage into misses), a database of its own, "allkeys-lru" when full:
    # every entry can be rebuilt, sessions from the database.
    def _shared(prefix: str) -> dict:
        return {
            "BACKEND": "core.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            # A Redis that hangs costs a request half a second, once per process (core/cache.py).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }

    CACHES = {
        "default": _shared("c"),
        "ratelimit": _shared("r"),
        "thumbnails": _shared("t"),
        "sessions": _shared("s"),
        "fragments": _shared("f"),
    }
    # The database keeps every session; Redis spares a query per request, and an
    # outage costs only that query (Django's "cached_db" reads the database on a miss).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    # One machine: each process keeps pages and small lookups in its own
    # memory, bounded by DJANGO_CACHE_MAX_ENTRIES; the page-cache version is a
    # stamp file, so a change made in any process makes every process's pages
    # stale at once. The rate limits must agree across the machine's gunicorn
    # workers: files (written only by the few limited form posts).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "default",
            "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_CACHE_MAX_ENTRIES", default=3000)},
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(_CACHE_DIR.parent / f"{_CACHE_DIR.name}-ratelimit"),
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "thumbnails": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "thumbnails",
            "OPTIONS": {
                "MAX_ENTRIES": env_int("DJANGO_THUMBNAIL_CACHE_MAX_ENTRIES", default=60000)
            },
        },
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_FRAGMENT_CACHE_MAX_ENTRIES", default=25000)},
        },
    }
THUMBNAIL_CACHE = "thumbnails"
# Anonymous page cache (core/page_cache.py): how long a page may be kept (0
# turns it off). Its version, which every change bumps, lives in the shared
# cache with REDIS_URL, else in the stamp file (one machine's processes).
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_VERSION_IN_CACHE = bool(REDIS_URL)
PAGE_CACHE_STAMP = env_str(
    "DJANGO_PAGE_CACHE_STAMP", default=str(BASE_DIR / "var" / "page-cache.stamp")
)

# --------------------------------------------------------------------------
# Logs: one line per request (core/logs.py), plain or JSON for a log collector.
# https://docs.djangoproject.com/en/5.2/topics/logging/
# --------------------------------------------------------------------------
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", default="plain")
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured(
        f"Environment variable DJANGO_LOG_FORMAT is malformed: expected plain or json, "
        f"got {LOG_FORMAT!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.logs.JsonFormatter"},
    },
    "filters": {"redact": {"()": "core.logs.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        app: {"level": "INFO"}
        for app in ("core", "marketplace", "catalog", "checkout", "payments", "search", "cms")
    }
    # Django's "Not Found: /path" lines: a token in the path is redacted (core/logs.py).
    | {"django.request": {"filters": ["redact"]}},
}

# accounts: sign-in lock-out and rate limits; csp: the Content-Security-Policy,
# enforced in every environment (see each module's docstring).
from config.settings.accounts import *  # noqa: E402,F403
from config.settings.csp import *  # noqa: E402,F403
from config.settings.oscar import *  # noqa: E402,F403
from config.settings.payments import *  # noqa: E402,F403
from config.settings.search import *  # noqa: E402,F403
from config.settings.tasks import *  # noqa: E402,F403
from config.settings.wagtail import *  # noqa: E402,F403
