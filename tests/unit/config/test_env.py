import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_db, env_int, env_url
from tests.utils import django_start


def test_missing_variable_is_named(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env_db("DATABASE_URL")


@pytest.mark.parametrize("value", ["mysql-ish", "redis://localhost/0", "postgres://"])
def test_malformed_database_url_is_named(monkeypatch, value):
    monkeypatch.setenv("DATABASE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL is malformed"):
        env_db("DATABASE_URL")


def test_postgres_url_is_parsed(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/shop")
    config = env_db("DATABASE_URL")
    assert config["NAME"] == "shop"
    assert config["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(("raw", "value"), [("true", True), ("0", False), ("On", True)])
def test_bool(monkeypatch, raw, value):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is value


def test_malformed_bool_and_int_are_named(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG is malformed"):
        env_bool("X_FLAG")
    with pytest.raises(ImproperlyConfigured, match="X_NUM is malformed"):
        env_int("X_NUM")


def test_malformed_url_is_named(monkeypatch):
    monkeypatch.setenv("SITE_URL", "chophunu.vn")
    with pytest.raises(ImproperlyConfigured, match="SITE_URL is malformed"):
        env_url("SITE_URL")


def test_production_start_up_stops_on_missing_secret():
    result = django_start(
        "config.settings.production",
        DATABASE_URL="postgres://u:p@127.0.0.1/shop",
        DJANGO_ALLOWED_HOSTS="example.vn",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_start_up_stops_on_malformed_database_url():
    result = django_start(
        "config.settings.production",
        DATABASE_URL="nonsense",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="example.vn",
    )
    assert result.returncode != 0
    assert "DATABASE_URL is malformed" in result.stderr
