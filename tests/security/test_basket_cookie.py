"""The basket cookie is Secure and SameSite=Lax in production, like the session's."""

import subprocess
import sys

import pytest

from tests.factories import product_create
from tests.utils import ROOT

pytestmark = pytest.mark.django_db


def test_production_settings_make_the_basket_cookie_secure_and_same_site():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DATABASE_URL": "sqlite:///var/never-opened.sqlite3",
        "DJANGO_ALLOWED_HOSTS": "cho.example.vn",
    }
    code = (
        "from django.conf import settings; "
        "print(settings.OSCAR_BASKET_COOKIE_SECURE, settings.BASKET_COOKIE_SAMESITE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["True", "Lax"], result.stderr


def test_the_basket_cookie_carries_what_production_asks(client, home_page, settings):
    settings.OSCAR_BASKET_COOKIE_SECURE = True
    settings.BASKET_COOKIE_SAMESITE = "Lax"
    product = product_create("Cơm cháy chà bông")
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 1}, HTTP_REFERER="/")
    cookie = response.cookies[settings.OSCAR_BASKET_COOKIE_OPEN]
    assert cookie.value
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
