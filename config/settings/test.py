"""The test suite: SQLite unless DATABASE_URL names PostgreSQL."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")
os.environ["DJANGO_DEBUG"] = "false"

os.environ.setdefault("VIETQR_BANK_BIN", "970405")
os.environ.setdefault("VIETQR_BANK_NAME", "Agribank")
os.environ.setdefault("VIETQR_ACCOUNT_NUMBER", "3100205123456")
os.environ.setdefault("VIETQR_ACCOUNT_NAME", "HOI LHPN TINH NINH BINH")

from config.settings.base import *  # noqa: F403

# Under the ignored var/ folder; tests/conftest.py empties the media folder per run.
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")
STATIC_ROOT = BASE_DIR / "var" / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# A connection per request, as threads of the live server and of the concurrency
# tests come and go: a kept one would outlive its thread and hold the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"].setdefault("TEST", {})
# On SQLite the test database is a file, as `make run`'s is: concurrent requests to
# the live server then use connections of their own (with an in-memory database
# Django makes every thread share one), and --reuse-db keeps it between runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"].setdefault("NAME", str(BASE_DIR / "var" / "test-db.sqlite3"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Pages are rendered afresh in tests; tests/integration/core/test_page_cache.py
# turns the anonymous page cache on where it is the subject.
PAGE_CACHE_SECONDS = 0
# Each test process keeps its caches in memory: test runs on one machine never
# share entries, whatever REDIS_URL says (tests of the shared cache set their own).
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "ratelimit", "thumbnails", "fragments")
}
CACHES["thumbnails"]["OPTIONS"] = {"MAX_ENTRIES": 60000}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PAGE_CACHE_VERSION_IN_CACHE = False
PAGE_CACHE_STAMP = str(BASE_DIR / "var" / "test-page-cache.stamp")
