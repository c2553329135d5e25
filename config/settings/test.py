"""The test suite: SQLite unless DATABASE_URL names PostgreSQL."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")
os.environ["DJANGO_DEBUG"] = "false"

from config.settings.base import *  # noqa: F403

MEDIA_ROOT = tempfile.mkdtemp(prefix="chophunu-test-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"].setdefault("TEST", {})
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
