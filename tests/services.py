"""Which external services this test run can reach.

A test that needs one is marked ``@pytest.mark.service("postgres")``. When
the service is absent the test skips with a one-line reason, or fails when
``REQUIRE_SERVICES=1`` (as in CI), so nothing is skipped silently there.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.util import find_spec
from pathlib import Path

from django.db import connection


def _postgres() -> str | None:
    if connection.vendor != "postgresql":
        return "PostgreSQL is not configured (set DATABASE_URL=postgres://...)"
    return None


def search_test_url() -> str:
    """The OpenSearch node that scripts/opensearch/start.sh started for this run."""
    return os.environ.get("SEARCH_TEST_URL", "").rstrip("/")


def _search() -> str | None:
    url = search_test_url()
    if not url:
        return "no search engine (run scripts/opensearch/with-node.sh, or set SEARCH_TEST_URL)"
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=3) as response:
            status = json.load(response).get("status")
    except (OSError, ValueError) as exc:
        return f"search engine at {url} does not answer ({exc})"
    if status not in {"green", "yellow"}:
        return f"search engine at {url} is {status}"
    return None


ROOT = Path(__file__).resolve().parent.parent
LOCALSTRIPE_KEY = "sk_test_localstripe"
_localstripe: dict = {}


def localstripe_url() -> str:
    """The localstripe this run uses: STRIPE_TEST_URL, or one started on 127.0.0.1.

    Started once per test run on a free loopback port (scripts/localstripe/serve.py),
    stopped when the run ends. Raises RuntimeError with the reason when it cannot start.
    """
    if "url" in _localstripe:
        return _localstripe["url"]
    if "error" in _localstripe:
        raise RuntimeError(_localstripe["error"])
    url = os.environ.get("STRIPE_TEST_URL", "").rstrip("/")
    try:
        if not url:
            url = _localstripe_start()
        _localstripe_wait(url)
    except (OSError, RuntimeError) as exc:
        _localstripe["error"] = f"localstripe cannot start ({exc})"
        raise RuntimeError(_localstripe["error"]) from None
    _localstripe["url"] = url
    return url


def _localstripe_start() -> str:
    log_dir = ROOT / "var"
    log_dir.mkdir(exist_ok=True)
    log = open(log_dir / "localstripe.log", "wb")  # noqa: SIM115 (closed at exit)
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "localstripe" / "serve.py"),
            "--port",
            "0",
            "--exit-with-parent",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        cwd=ROOT,
    )
    _localstripe["process"] = process
    atexit.register(localstripe_stop)
    line = process.stdout.readline().decode().strip()  # "listening http://127.0.0.1:PORT"
    if not line.startswith("listening "):
        process.wait(timeout=10)
        raise RuntimeError(f"exited with {process.returncode}, see var/localstripe.log")
    return line.split(" ", 1)[1]


def _localstripe_wait(url: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    # An unknown intent: localstripe answers 404 without creating anything.
    request = urllib.request.Request(
        f"{url}/v1/payment_intents/pi_probe", headers={"Authorization": f"Bearer {LOCALSTRIPE_KEY}"}
    )
    while True:
        try:
            with urllib.request.urlopen(request, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} does not answer: {exc}") from None
            time.sleep(0.1)


def localstripe_stop() -> None:
    process = _localstripe.pop("process", None)
    _localstripe.pop("url", None)
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stripe() -> str | None:
    try:
        localstripe_url()
    except RuntimeError as exc:
        return str(exc)
    return None


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def _browser() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if find_spec("playwright") is None:
        return "Playwright for Python is not installed (requirements/test.txt)"
    if not AXE_SCRIPT.exists():
        return "axe-core is not installed (npm ci)"
    return None


def stack_env() -> dict[str, str]:
    """The running production stack's variables (scripts/stack/start.sh): CI exports
    them; locally they are read from the stack's env file when it runs."""
    if os.environ.get("STACK_PROXY_URL"):
        return {k: v for k, v in os.environ.items() if k.startswith("STACK_")}
    home = Path(os.environ.get("STACK_HOME") or ROOT / "var" / "stack")
    try:
        lines = (home / "env").read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split("=", 1) for line in lines if "=" in line)


def _stack() -> str | None:
    url = stack_env().get("STACK_PROXY_URL")
    if not url:
        return "the production stack is not running (scripts/stack/start.sh start)"
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=10):
            pass
    except (OSError, ValueError) as exc:
        return f"the production stack at {url} does not answer ({exc})"
    return None


def _redis() -> str | None:
    if find_spec("redis") is None:
        return "the Redis client is not installed (requirements/base.txt)"
    if shutil.which("redis-server") is None:
        return "no redis-server (apt-get install redis-server)"
    return None


PROBES = {
    "stack": _stack,
    "redis": _redis,
    "postgres": _postgres,
    "search": _search,
    "stripe": _stripe,
    "browser": _browser,
}


def missing_reason(name: str) -> str | None:
    probe = PROBES.get(name)
    if probe is None:
        return f"unknown service {name!r}"
    return probe()


def services_required() -> bool:
    return os.environ.get("REQUIRE_SERVICES", "") in {"1", "true", "yes"}
