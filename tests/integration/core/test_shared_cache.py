"""The shared cache (Redis, core/cache.py): pages and their version live there, and an
outage costs speed, never a page. A redis-server of the test's own, stopped at will."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client

from core import cache as shared
from core.page_cache import VERSION_KEY
from tests.factories import category_create, product_create

pytestmark = [pytest.mark.service("redis"), pytest.mark.django_db]

ALIASES = {"default": "c", "ratelimit": "r", "thumbnails": "t", "sessions": "s", "fragments": "f"}
LOOKUP = {"number": "100099", "email": "ai@example.vn"}


class RedisServer:
    def __init__(self, directory: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.directory = directory
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.client().ping():
                return
        raise RuntimeError("redis-server did not start")

    def client(self):
        import redis

        for _ in range(50):
            try:
                client = redis.Redis.from_url(self.url, socket_timeout=1)
                client.ping()
                return client
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("redis-server does not answer")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(settings, redis_server, monkeypatch):
    monkeypatch.setattr(shared, "RETRY_SECONDS", 0.3)
    monkeypatch.setattr(shared, "_down_until", {})
    settings.CACHES = {
        alias: {
            "BACKEND": "core.cache.SharedRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        for alias, prefix in ALIASES.items()
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"
    settings.PAGE_CACHE_VERSION_IN_CACHE = True
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = str(redis_server.directory / "page-cache.stamp")
    yield redis_server
    for alias in ALIASES:
        caches[alias].close()


@pytest.fixture
def shop(home_page):
    category = category_create("Đặc sản thực phẩm > Cơm cháy")
    product = product_create("Cơm cháy chà bông", price=125000, stock=8, category=category)
    return {"product": product}


def hit(response) -> bool:
    return "hit" in response.get("Server-Timing", "")


def cache_state(client) -> str:
    response = client.get("/healthz")
    assert response.status_code == 200
    return response.json()["cache"]["state"]


def test_a_change_bumps_the_version_in_redis_not_the_stamp_file(
    shared_cache, shop, client, django_capture_on_commit_callbacks
):
    assert "Cơm cháy chà bông" in client.get("/catalogue/").content.decode()
    assert hit(Client().get("/catalogue/"))
    before = shared_cache.client().get(f"c:1:{VERSION_KEY}")
    assert before  # what every other machine reads
    with django_capture_on_commit_callbacks(execute=True):
        shop["product"].title = "Cơm cháy mắm hành"
        shop["product"].save()
    assert shared_cache.client().get(f"c:1:{VERSION_KEY}") != before
    assert not Path(shared_cache.directory / "page-cache.stamp").exists()
    page = Client().get("/catalogue/")
    assert not hit(page) and "Cơm cháy mắm hành" in page.content.decode()


def test_while_redis_is_down_pages_sessions_and_rate_limits_still_answer(
    shared_cache, shop, client, django_user_model
):
    client.get("/catalogue/")
    assert hit(client.get("/catalogue/"))
    shopper = Client()
    shopper.force_login(django_user_model.objects.create_user("lan", "lan@example.vn", "x"))
    assert cache_state(client) == "ok"

    shared_cache.stop()
    for url in ("/", "/catalogue/", shop["product"].get_absolute_url(), "/search/?q=com"):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert not hit(response)
    assert Client().get("/orders/status/", LOOKUP).status_code == 200
    # The session is read from the database.
    assert shopper.get("/accounts/profile/").status_code == 200
    assert cache_state(client) == "degraded"

    shared_cache.start()
    time.sleep(0.4)  # the process leaves Redis alone for RETRY_SECONDS
    assert cache_state(client) == "ok"
    client.get("/catalogue/")
    assert hit(client.get("/catalogue/"))


def test_after_an_outage_what_redis_kept_is_not_served(
    shared_cache, shop, client, django_capture_on_commit_callbacks
):
    """A Redis that stalls keeps its data, but the bump made meanwhile was dropped."""
    client.get("/catalogue/")
    assert hit(client.get("/catalogue/"))
    shared_cache.client().execute_command("CLIENT", "PAUSE", "1500", "ALL")
    with django_capture_on_commit_callbacks(execute=True):
        shop["product"].title = "Cơm cháy mắm hành"
        shop["product"].save()  # its bump times out: Redis does not answer
    assert cache_state(client) == "degraded"
    time.sleep(1.6)
    page = Client().get("/catalogue/")
    assert not hit(page)
    assert "Cơm cháy mắm hành" in page.content.decode()
    assert "Cơm cháy chà bông" not in page.content.decode()


def test_rate_limits_count_in_redis(shared_cache, shop, settings):
    limit, _seconds = settings.RATE_LIMITS["order-status"]
    visitor = Client()
    for _n in range(limit):
        assert visitor.get("/orders/status/", LOOKUP).status_code == 200
    assert visitor.get("/orders/status/", LOOKUP).status_code == 429
    assert shared_cache.client().keys("r:1:ratelimit:order-status:*")
