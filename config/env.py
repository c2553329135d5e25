"""The one place the environment is read.

Settings modules call these helpers instead of ``os.environ`` so that a
missing or malformed variable stops start-up with a message that names it.
https://django-environ.readthedocs.io/
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
NOTSET = environ.Env.NOTSET

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _malformed(name: str, value: Any, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"Environment variable {name} is malformed: expected {expected}, got {value!r}."
    )


def env_str(name: str, default: Any = NOTSET) -> str:
    return env.str(name, default=default)


def env_bool(name: str, default: bool | object = NOTSET) -> bool:
    raw = env.str(name, default=None)
    if raw is None:
        if default is NOTSET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return bool(default)
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _malformed(name, raw, "one of true/false/1/0/yes/no/on/off")


def env_int(name: str, default: int | object = NOTSET) -> int:
    raw = env.str(name, default=None)
    if raw is None:
        if default is NOTSET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return int(default)
    try:
        return int(raw)
    except ValueError:
        raise _malformed(name, raw, "an integer") from None


def env_list(name: str, default: list[str] | object = NOTSET) -> list[str]:
    raw = env.str(name, default=None)
    if raw is None:
        if default is NOTSET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


_DB_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql", "psql")


def env_db(name: str = "DATABASE_URL", default: str | object = NOTSET) -> dict:
    raw = env.str(name, default=None)
    if raw is None:
        if default is NOTSET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        raw = str(default)
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in _DB_SCHEMES:
        raise _malformed(name, raw, "a database URL such as postgres://user:pass@host:5432/name")
    try:
        config = environ.Env.db_url_config(raw)
    except (ValueError, KeyError) as exc:
        raise _malformed(name, raw, f"a database URL ({exc})") from None
    if not config.get("NAME"):
        raise _malformed(name, raw, "a database URL that names a database")
    return config


def env_email(name: str = "EMAIL_URL", default: str = "consolemail://") -> dict:
    raw = env.str(name, default=default)
    try:
        return environ.Env.email_url_config(raw)
    except (ValueError, KeyError) as exc:
        raise _malformed(name, raw, f"an e-mail URL such as smtp://host:25 ({exc})") from None


def env_url(name: str, default: str | object = NOTSET) -> str:
    raw = env.str(name, default=None)
    if raw is None:
        if default is NOTSET:
            raise ImproperlyConfigured(f"Set the {name} environment variable.")
        return str(default)
    if raw and not raw.startswith(("http://", "https://")):
        raise _malformed(name, raw, "an http:// or https:// URL")
    return raw
