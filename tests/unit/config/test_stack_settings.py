"""What the environment makes of caches, sessions, media storage and logs in production."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.utils import ROOT

REQUIRED = {
    "DJANGO_SECRET_KEY": "x" * 60,
    "DATABASE_URL": "postgres://u:p@db:5432/x",
    "DJANGO_ALLOWED_HOSTS": "example.vn",
}
# The settings module alone: the S3 libraries are not installed here (requirements/s3.txt).
READ = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({n: getattr(s, n) for n in ("
    "'CACHES', 'SESSION_ENGINE', 'SESSION_CACHE_ALIAS', 'PAGE_CACHE_VERSION_IN_CACHE', "
    "'STORAGES', 'MEDIA_URL', 'LOGGING', 'DATABASES')}, default=str))"
)


def production(**env: str) -> dict:
    clean = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        **REQUIRED,
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", READ], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def production_error(**env: str) -> str:
    clean = {"PATH": os.environ["PATH"], **REQUIRED, **env}
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    return result.stderr


def test_with_redis_every_shared_thing_lives_in_it():
    found = production(REDIS_URL="redis://cache:6379/0")
    caches = found["CACHES"]
    assert set(caches) == {"default", "ratelimit", "thumbnails", "sessions", "fragments"}
    for alias, cache in caches.items():
        assert cache["BACKEND"] == "core.cache.SharedRedisCache", alias
        assert cache["LOCATION"] == "redis://cache:6379/0"
        assert cache["OPTIONS"]["socket_timeout"] <= 1
    # Apart by prefix: a page can never be read as a session or a counter.
    assert len({cache["KEY_PREFIX"] for cache in caches.values()}) == 5
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert found["SESSION_CACHE_ALIAS"] == "sessions"
    assert found["PAGE_CACHE_VERSION_IN_CACHE"] is True


def test_postgresql_connections_are_kept_by_each_worker_and_checked_before_reuse():
    found = production(DATABASE_URL="postgres://shop:secret@db:5432/shop")
    database = found["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert (
        production(DATABASE_URL="postgres://shop:secret@db:5432/shop", DJANGO_DB_CONN_MAX_AGE="0")[
            "DATABASES"
        ]["default"]["CONN_MAX_AGE"]
        == 0
    )


def test_without_redis_pages_stay_in_process_memory_and_the_version_in_the_stamp():
    found = production()
    caches = found["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert caches["default"]["OPTIONS"]["MAX_ENTRIES"] == 3000
    # Cards apart: every card of a 10,000-product shop in two
    # languages, never culled by a flood of page URLs in "default".
    assert caches["fragments"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert caches["fragments"]["LOCATION"] != caches["default"].get("LOCATION")
    assert caches["fragments"]["OPTIONS"]["MAX_ENTRIES"] >= 20_000
    # Counters must agree across the machine's workers: files, never process memory.
    assert caches["ratelimit"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert found["PAGE_CACHE_VERSION_IN_CACHE"] is False


def test_s3_media_builds_the_storage_from_the_environment():
    found = production(
        DJANGO_MEDIA_STORAGE="s3",
        DJANGO_S3_BUCKET="cho-phu-nu",
        DJANGO_S3_ACCESS_KEY_ID="AKIAEXAMPLE",
        DJANGO_S3_SECRET_ACCESS_KEY="secret-example",
        DJANGO_S3_ENDPOINT_URL="https://s3.example.vn",
        DJANGO_S3_CUSTOM_DOMAIN="anh.chophunu.vn",
    )
    default = found["STORAGES"]["default"]
    assert default["BACKEND"] == "core.storage_s3.S3PictureStorage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "cho-phu-nu"
    assert options["access_key"] == "AKIAEXAMPLE"
    assert options["secret_key"] == "secret-example"
    assert options["endpoint_url"] == "https://s3.example.vn"
    assert options["region_name"] is None
    assert options["custom_domain"] == "anh.chophunu.vn"
    assert options["querystring_auth"] is False and options["file_overwrite"] is False
    assert found["MEDIA_URL"] == "https://anh.chophunu.vn/"
    # Static files stay with the proxy.
    assert "whitenoise" in found["STORAGES"]["staticfiles"]["BACKEND"]


def test_the_default_media_storage_is_the_guarded_folder():
    found = production()
    assert found["STORAGES"]["default"] == {"BACKEND": "core.storage.PictureStorage"}
    assert found["MEDIA_URL"] == "/media/"


def test_s3_without_a_bucket_names_the_missing_variable():
    assert "Set the DJANGO_S3_BUCKET environment variable" in production_error(
        DJANGO_MEDIA_STORAGE="s3"
    )


@pytest.mark.parametrize(
    ("variable", "value"), [("DJANGO_MEDIA_STORAGE", "ftp"), ("DJANGO_LOG_FORMAT", "xml")]
)
def test_a_malformed_choice_names_the_variable(variable, value):
    assert f"Environment variable {variable} is malformed" in production_error(**{variable: value})


def test_json_logs_are_chosen_by_the_environment():
    handler = production(DJANGO_LOG_FORMAT="json")["LOGGING"]["handlers"]["console"]
    assert handler["formatter"] == "json"
    plain = production()["LOGGING"]["handlers"]["console"]
    assert plain["formatter"] == "plain"
