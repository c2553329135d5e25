"""Links in e-mails and QR codes name the site's real address (SITE_URL), never example.com."""

import io
import re
import subprocess
import sys

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.db.models.signals import post_migrate
from wagtail.models import Site as WagtailSite

from tests.utils import ROOT

pytestmark = pytest.mark.django_db


@pytest.fixture
def lan(db):
    return get_user_model().objects.create_user("lan@example.vn", "lan@example.vn", "mat-khau-2026")


def test_migrate_points_the_sites_at_site_url(home_page, settings):
    settings.SITE_URL = "https://cho.hoiphunu.example.vn"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com")
    WagtailSite.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    config = apps.get_app_config("sites")
    post_migrate.send(
        sender=config, app_config=config, verbosity=0, interactive=False, using="default"
    )
    assert Site.objects.get_current().domain == "cho.hoiphunu.example.vn"
    wagtail_site = WagtailSite.objects.get(is_default_site=True)
    assert (wagtail_site.hostname, wagtail_site.port) == ("cho.hoiphunu.example.vn", 443)
    assert wagtail_site.root_url == "https://cho.hoiphunu.example.vn"


def test_the_command_sets_host_and_port(home_page, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("site_address", stdout=io.StringIO())
    assert Site.objects.get_current().domain == "127.0.0.1:8123"
    wagtail_site = WagtailSite.objects.get(is_default_site=True)
    assert (wagtail_site.hostname, wagtail_site.port) == ("127.0.0.1", 8123)


def test_a_password_reset_e_mail_links_to_site_url(client, home_page, lan, mailoutbox, settings):
    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com")
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("site_address", stdout=io.StringIO())
    client.post("/password-reset/", {"email": lan.email})
    (message,) = mailoutbox
    assert "example.com" not in message.body
    assert re.search(r"http://127\.0\.0\.1:8000/password-reset/confirm/\S+/", message.body)


def test_make_run_serves_at_the_address_it_gives_the_demo_loader():
    makefile = (ROOT / "Makefile").read_text()
    assert "SITE_URL := http://$(HOST):$(PORT)" in makefile
    for target in ("migrate", "demo", "run"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
        assert "SITE_URL=$(SITE_URL)" in recipe, target
    run = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "runserver $(HOST):$(PORT)" in run


def test_oscar_e_mail_links_take_site_url_s_scheme():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DATABASE_URL": "sqlite:///var/never-opened.sqlite3",
        "DJANGO_ALLOWED_HOSTS": "cho.hoiphunu.example.vn",
        "SITE_URL": "https://cho.hoiphunu.example.vn",
    }
    code = "from django.conf import settings; print(settings.OSCAR_URL_SCHEMA)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "https", result.stderr
