"""`make run` on a laptop: SQLite, debug on, e-mail to the console."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "local-development-only-not-secret")
os.environ.setdefault("DATABASE_URL", "sqlite:///db.sqlite3")
os.environ.setdefault("DJANGO_DEBUG", "true")
# Template and content edits show at once while developing (storefront_theme/page_cache.py).
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")

from config.settings.base import *  # noqa: F403

# Serve static files straight from the apps while developing.
WHITENOISE_AUTOREFRESH = True
