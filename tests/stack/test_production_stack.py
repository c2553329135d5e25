"""The shipped production shape, running: nginx with the project's configuration in
front of two gunicorn processes (A and B) with production settings and one Redis.

scripts/stack/start.sh starts it (.ci/run does, on 127.0.0.1); these tests talk
HTTP to it as a browser and an operator would. The demo data is loaded there.
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import subprocess
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browserless import form_fields
from tests.services import ROOT, stack_env

pytestmark = pytest.mark.service("stack")

STAFF = ("canbo@demo.chophunu.vn", "demo-canbo-2026")
SHOPPER = ("khachhang@demo.chophunu.vn", "demo-khachhang-2026")
PRODUCT_LINK = re.compile(r'href="(/catalogue/[^"/]+_(\d+)/)"')
PICTURE = re.compile(r'(/media/[^"\s,]+\.(?:webp|jpe?g|png))')
STYLESHEET = re.compile(r'href="(/static/[^"]+\.css)"')


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Browser:
    """Cookies kept by hand: production cookies are Secure, and the stack speaks plain HTTP
    on 127.0.0.1 (TLS is the proxy's, README "TLS")."""

    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def request(self, base: str, path: str, data: dict | None = None) -> Response:
        parts = urllib.parse.urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        headers = {**self.headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request("POST" if data is not None else "GET", path, body, headers)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "Max-Age=0" not in header:
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        return response

    def sign_in(self, base: str, email: str, password: str) -> None:
        form = form_fields(self.request(base, "/accounts/login/").text, "form#login_form")
        form.update({"login-username": email, "login-password": password, "login_submit": "1"})
        response = self.request(base, "/accounts/login/", form)
        assert response.status == 302, response.text[:500]
        assert "sessionid" in self.cookies


@pytest.fixture(scope="module")
def stack() -> dict[str, str]:
    return stack_env()


@pytest.fixture(scope="module")
def proxy(stack) -> str:
    return stack["STACK_PROXY_URL"]


def first_product(base: str) -> tuple[str, int]:
    page = Browser().request(base, "/catalogue/")
    assert page.status == 200
    path, pk = PRODUCT_LINK.search(page.text).groups()
    return path, int(pk)


def test_a_product_page_and_its_pictures_come_through_the_proxy(proxy):
    path, _pk = first_product(proxy)
    page = Browser().request(proxy, path)
    assert page.status == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    pictures = sorted(set(PICTURE.findall(page.text)))
    assert pictures, "the product page shows no picture"
    for picture in pictures[:3]:
        served = Browser().request(proxy, picture)
        assert served.status == 200, picture
        extension = picture.rsplit(".", 1)[1].replace("jpg", "jpeg")
        assert served.headers["Content-Type"] == f"image/{extension}"
        assert served.headers["Cache-Control"] == "public, max-age=2592000"
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        assert served.body[:4] in {b"RIFF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"\x89PNG"}
    stylesheet = STYLESHEET.search(page.text).group(1)
    compressed = Browser(headers={"Accept-Encoding": "gzip"}).request(proxy, stylesheet)
    assert compressed.status == 200
    assert compressed.headers["Content-Type"] == "text/css"
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_media_never_serves_a_page_or_a_hidden_file(proxy, stack):
    media = Path(stack["STACK_HOME"]) / "media"
    planted = media / f"planted-{secrets.token_hex(4)}.html"
    planted.write_text("<script>alert(1)</script>")
    try:
        served = Browser().request(proxy, f"/media/{planted.name}")
        assert served.status == 200
        assert served.headers["Content-Type"] == "application/octet-stream"
        assert served.headers["Content-Disposition"] == "attachment"
        assert served.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in served.headers["Content-Security-Policy"]
    finally:
        planted.unlink()
    (media / ".hidden").write_text("x")
    assert Browser().request(proxy, "/media/.hidden").status == 404


def test_the_proxy_passes_the_client_address_and_its_request_id(proxy, stack):
    """A client's own X-Forwarded-For is not believed: the address the proxy appends is."""
    marker = f"probe_{secrets.token_hex(4)}"
    spoofed = Browser(headers={"X-Forwarded-For": "203.0.113.9"})
    assert spoofed.request(proxy, f"/healthz?{marker}=1").status == 200
    time.sleep(0.5)
    home = Path(stack["STACK_HOME"])
    lines = [
        line
        for name in ("web-a.log", "web-b.log")
        for line in (home / name).read_text().splitlines()
        if marker in line
    ]
    assert len(lines) == 1
    record = json.loads(lines[0])["request"]
    assert record["ip"] == "127.0.0.1"
    assert record["query"] == [marker]
    assert re.fullmatch(r"[0-9a-f]{32}", record["request_id"])


def test_a_change_made_through_a_shows_on_b_at_the_next_request(stack):
    a, b = stack["STACK_WEB_A_URL"], stack["STACK_WEB_B_URL"]
    path, pk = first_product(b)
    before = Browser().request(b, "/catalogue/")
    again = Browser().request(b, "/catalogue/")
    assert "hit" in again.headers.get("Server-Timing", "")  # B serves the listing from the cache
    staff = Browser()
    staff.sign_in(a, *STAFF)
    edit = f"/dashboard/catalogue/products/{pk}/"
    form = form_fields(staff.request(a, edit).text, "form#create_update_product_form")
    title = f"{form['title']} {secrets.token_hex(3)}"
    form["title"] = title
    saved = staff.request(a, edit, form)
    assert saved.status == 302, saved.text[:800]
    after = Browser().request(b, "/catalogue/")
    assert title in after.text and title not in before.text
    assert title in Browser().request(b, path).text


def test_a_session_started_on_a_is_valid_on_b(stack):
    a, b = stack["STACK_WEB_A_URL"], stack["STACK_WEB_B_URL"]
    shopper = Browser()
    assert shopper.request(b, "/accounts/profile/").status == 302  # to the sign-in page
    shopper.sign_in(a, *SHOPPER)
    profile = shopper.request(b, "/accounts/profile/")
    assert profile.status == 200
    assert "khachhang@demo.chophunu.vn" in profile.text


def test_the_rate_limit_counts_across_both_processes(stack):
    """Order-status lookups: 20 per address in 15 minutes, whichever process answers."""
    a, b = stack["STACK_WEB_A_URL"], stack["STACK_WEB_B_URL"]
    # What the proxy would append: an address of this test's own, so runs never share a count.
    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    visitor = Browser(headers={"X-Forwarded-For": address})
    lookup = "/orders/status/?number=100099&email=ai%40example.vn"
    for n in range(20):
        response = visitor.request(a if n % 2 else b, lookup)
        assert response.status == 200, n
    assert visitor.request(a, lookup).status == 429
    assert visitor.request(b, lookup).status == 429


def health(base: str) -> tuple[int, str]:
    response = Browser().request(base, "/healthz")
    return response.status, response.text


def test_zz_when_redis_stops_pages_are_served_and_healthz_says_degraded(stack, proxy):
    """Last in the file: Redis goes away mid-run and comes back."""
    script = [str(ROOT / "scripts" / "stack" / "start.sh")]
    env = {"STACK_HOME": stack["STACK_HOME"], "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
    shopper = Browser()
    shopper.sign_in(stack["STACK_WEB_A_URL"], *SHOPPER)
    path, _pk = first_product(proxy)
    subprocess.run([*script, "redis-stop"], env=env, check=True, timeout=60)
    try:
        for page in ("/", "/catalogue/", path, "/search/?q=g%E1%BA%A1o", "/basket/"):
            for _ in range(2):  # each process at least once, behind the proxy's round robin
                response = Browser().request(proxy, page)
                assert response.status == 200, (page, response.status)
                assert "hit" not in response.headers.get("Server-Timing", "")
        # The session lives in the database too: still signed in, on either process.
        for base in (stack["STACK_WEB_A_URL"], stack["STACK_WEB_B_URL"]):
            assert shopper.request(base, "/accounts/profile/").status == 200
        status, body = health(proxy)
        assert status == 200
        assert '"cache": {"state": "degraded"}' in body
        assert '"database": {"state": "ok"' in body
    finally:
        subprocess.run([*script, "redis-start"], env=env, check=True, timeout=60)
    deadline = time.monotonic() + 30
    states = set()
    while time.monotonic() < deadline:
        states = {health(base)[1] for base in (stack["STACK_WEB_A_URL"], stack["STACK_WEB_B_URL"])}
        if all('"cache": {"state": "ok"}' in state for state in states):
            break
        time.sleep(0.5)
    assert all('"cache": {"state": "ok"}' in state for state in states), states
    # Pages are kept again, once each worker has emptied what Redis kept (core/cache.py).
    timings = [
        Browser().request(proxy, "/catalogue/").headers.get("Server-Timing", "") for _ in range(12)
    ]
    assert "hit" in timings[-1], timings
