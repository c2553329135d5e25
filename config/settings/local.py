"""`make run` on a laptop: SQLite, debug on, e-mail to the console."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "local-development-only-not-secret")
os.environ.setdefault("DATABASE_URL", "sqlite:///db.sqlite3")
os.environ.setdefault("DJANGO_DEBUG", "true")
# Template and content edits show at once while developing (core/page_cache.py).
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")

# A sample receiving account so the VietQR option shows in the demo (not a real account).
os.environ.setdefault("VIETQR_BANK_BIN", "970405")
os.environ.setdefault("VIETQR_BANK_NAME", "Agribank")
os.environ.setdefault("VIETQR_ACCOUNT_NUMBER", "3100205123456")
os.environ.setdefault("VIETQR_ACCOUNT_NAME", "HOI LHPN TINH NINH BINH")

from config.settings.base import *  # noqa: F403

# Serve static files straight from the apps while developing.
WHITENOISE_AUTOREFRESH = True
# Nothing kept between runs of the laptop server (a reset database, edited
# templates), unless REDIS_URL asks for the shared cache.
if not REDIS_URL:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
    }
