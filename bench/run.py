"""`make bench`: the marketplace against stock Oscar and a bare Django floor.

Steps (each timed; everything lives under the ignored .bench/ folder):

1. dataset: ``load_demo_data --products N`` into the marketplace's own bench
   database (an SQLite file, or ``<name>_bench`` on the PostgreSQL server of
   DATABASE_URL). Built once per product count and reused (BENCH_REBUILD=1
   builds anew). Then the search engine: SEARCH_URL's, or an OpenSearch node
   of the bench's own (scripts/opensearch/start.sh, in .bench/opensearch)
   when java and mvn exist; ``search_index rebuild`` fills it at every run
   and its throughput line is kept.
2. peer: stock django-oscar 4.2.1 in .bench/peer-venv (bench/peer/requirements.txt),
   its own database loaded from the marketplace's export (bench/dataset.py)
   and its haystack index built (``update_index``).
3. probe: instrumented requests per page in each shop's own process
   (bench/probe.py): database queries, body bytes and CPU per request.
   Besides the anonymous pages, a shopper with a basket (session and basket
   cookies, so no page cache answers) asks for the home page, the listing,
   the product page, the basket and a search for a term never sent before.
4. load: each server alone, gunicorn with the same settings on 127.0.0.1,
   each page driven by wrk (warm-up, then a fixed duration at a fixed number
   of connections) through bench/wrk/report.lua. While the marketplace is
   served, ``manage.py search_bench`` measures search and suggestions
   (repeat and cold queries, engine time from Server-Timing).
5. report: one table, ratios marketplace/peer and marketplace/floor, and
   .bench/results.json with the core count and commit.

Settings (environment): BENCH_PRODUCTS (10000), BENCH_ORDERS order lines
(50000; the "reports" row times the provincial yearly report over them in
the marketplace's own process, ``manage.py reports_bench``), BENCH_DURATION seconds per
page (10), BENCH_WARMUP (3), BENCH_CONNECTIONS (20), BENCH_WORKERS (cores),
BENCH_REBUILD, DATABASE_URL, SEARCH_URL / SEARCH_ENGINE, BENCH_SEARCH (0 skips
search), BENCH_SEARCH_REQUESTS (300 per endpoint and pass), BENCH_STACK
(``proxy``: the marketplace is measured through nginx in front of two gunicorn
processes sharing Redis, scripts/stack/start.sh, with BENCH_WORKERS split
between them; empty: one gunicorn process, as before), BENCH_PEER_CONN_MAX_AGE
(seconds stock Oscar keeps each database connection; 0, Django's default and
stock Oscar's, opens one per request; the marketplace keeps its own 60 s,
DJANGO_DB_CONN_MAX_AGE).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench import report

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
BENCH = ROOT / "bench"
PEER_DIR = BENCH / "peer"
PEER_VENV = WORK / "peer-venv"
VENV_PY = ROOT / ".venv" / "bin" / "python"
LUA = BENCH / "wrk" / "report.lua"
OPENSEARCH_START = ROOT / "scripts" / "opensearch" / "start.sh"
OPENSEARCH_HOME = WORK / "opensearch"
STACK_START = ROOT / "scripts" / "stack" / "start.sh"
SEARCH_CONCURRENCY = 20

COMMON_TERM = "cơm cháy"
RARE_TERM = "giảo cổ lam"
# A valid CSRF secret (32 letters and digits): sent as cookie and as form token.
CSRF_SECRET = "bench" + "0123456789abcdefghijklmnopq"[:27]


def log(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        sys.exit(f"{name} must be a whole number, got {raw!r}.")
    if value < 1:
        sys.exit(f"{name} must be at least 1, got {value}.")
    return value


def peer_conn_max_age() -> int:
    """BENCH_PEER_CONN_MAX_AGE: 0 (or unset) is Django's default, a connection per request."""
    if os.environ.get("BENCH_PEER_CONN_MAX_AGE", "").strip() in {"", "0"}:
        return 0
    return env_int("BENCH_PEER_CONN_MAX_AGE", 0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list, *, env: dict, cwd: Path = ROOT, capture: bool = False) -> str:
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, text=True, capture_output=capture
    )
    if result.returncode:
        if capture:
            sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}")
    return result.stdout if capture else ""


# --------------------------------------------------------------------------
# Databases
# --------------------------------------------------------------------------


def database_urls(database_url: str) -> tuple[str, str]:
    """The marketplace's and the peer's bench databases: never the configured one itself."""
    if database_url.startswith(("postgres://", "postgresql://", "pgsql://", "psql://")):
        parts = urllib.parse.urlsplit(database_url)
        name = parts.path.lstrip("/") or "chophunu"
        ours = parts._replace(path=f"/{name}_bench").geturl()
        peer = parts._replace(path=f"/{name}_bench_peer", scheme="postgres").geturl()
        return ours, peer
    return f"sqlite:///{WORK / 'marketplace.sqlite3'}", f"sqlite:///{WORK / 'peer.sqlite3'}"


def sqlite_wal(url: str) -> None:
    """Write-ahead logging on an SQLite bench database: readers never wait for a writer.

    Our settings turn it on at every connection (config/settings/base.py); the
    stock Oscar peer needs it here. The peer still records each product view
    in the request (Oscar's analytics), so its concurrent page views write and
    some are refused ("database is locked", the errors column). PostgreSQL has
    no such limit: give DATABASE_URL to measure on it.
    """
    if url.startswith("sqlite:///"):
        with contextlib.closing(sqlite3.connect(url[len("sqlite:///") :])) as connection:
            connection.execute("PRAGMA journal_mode=WAL")


def database_reset(url: str, env: dict) -> None:
    """An empty database at ``url`` (drops the bench database when it exists)."""
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).unlink(missing_ok=True)
        return
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres", scheme="postgresql").geturl()
    code = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        "    c.execute('DROP DATABASE IF EXISTS \"%s\"' % sys.argv[2])\n"
        "    c.execute('CREATE DATABASE \"%s\"' % sys.argv[2])\n"
    )
    run([VENV_PY, "-c", code, admin, name], env=env)


# --------------------------------------------------------------------------
# Choosing the pages
# --------------------------------------------------------------------------


def pages_choose(document: dict) -> dict:
    """Same pages in both shops, picked from the exported dataset.

    The listing is the category with most products; the product page and the
    add-to-basket are the first product of it in stock; the basket holds three
    products in stock from three different sellers.
    """
    products = document["products"]
    if not products:
        raise ValueError("The dataset has no products for sale.")
    counts: dict[str, int] = {}
    for p in products:
        counts[p["category"]] = counts.get(p["category"], 0) + 1
    category = max(sorted(counts), key=lambda slug: counts[slug])
    in_stock = [p for p in products if p["stock"] > 0]
    product = next((p for p in in_stock if p["category"] == category), None)
    if product is None:
        raise ValueError("No product of the largest category is in stock.")
    basket, sellers = [], set()
    for p in in_stock:
        if p["partner_code"] not in sellers:
            sellers.add(p["partner_code"])
            basket.append(p["upc"])
        if len(basket) == 3:
            break
    return {
        "category": category,
        "product": product["upc"],
        "basket": basket,
        "common_term": COMMON_TERM,
        "rare_term": RARE_TERM,
    }


# --------------------------------------------------------------------------
# Search: the engine, the rebuild's throughput, the cold queries
# --------------------------------------------------------------------------

_D = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = re.compile(r"[^\w\s]+")
_THROUGHPUT = re.compile(r"Throughput: (\d+) products/s \((\d+) in ([\d.]+) s\)\.")


def fold(text: str) -> str:
    """Lower case without Vietnamese marks, as search.text.fold (this runs outside Django).

    đ is a letter of its own, not d with a mark, so it is mapped by hand.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D).lower())
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def search_queries_build(document: dict, *, limit: int = 5000) -> list[str]:
    """Distinct one- and two-word queries from the dataset's product titles.

    Two-word queries (neighbouring words of a title) alternate with one-word
    ones, each distinct once folded, in the dataset's order; half of each
    kind is typed folded ("mat ong"), the others with their marks ("mật
    ong"), as shoppers type both.
    """
    pairs: list[str] = []
    singles: list[str] = []
    seen: set[str] = set()
    for product in document.get("products", []):
        candidates = []
        # Pairs never straddle punctuation: "Cơm cháy – quà Tết" has no "cháy quà".
        for part in _PUNCTUATION.split(product.get("title", "")):
            words = [w.lower() for w in _WORD.findall(part) if len(w) >= 2]
            candidates += [(pairs, f"{a} {b}") for a, b in zip(words, words[1:], strict=False)]
            candidates += [(singles, w) for w in words]
        for bucket, query in candidates:
            key = fold(query)
            if key not in seen:
                seen.add(key)
                bucket.append(query)
    mixed: list[str] = []
    for n in range(max(len(pairs), len(singles))):
        mixed += pairs[n : n + 1] + singles[n : n + 1]
    # Positions 2, 3, 6, 7...: half the pairs and half the single words folded.
    return [fold(q) if n // 2 % 2 else q for n, q in enumerate(mixed[:limit])]


NEW_TERMS_PROBE = 24


def new_search_terms(document: dict, *, reserved: int) -> tuple[list[str], list[str]]:
    """Terms for the "new search" rows: the probe's, then the load's; never the same twice.

    Taken from the end of the cold queries, past the first ``reserved`` that
    ``search_bench`` sends, so neither run finds a term the other sent.
    """
    terms = search_queries_build(document)[reserved:][::-1]
    return terms[:NEW_TERMS_PROBE], terms[NEW_TERMS_PROBE:]


def search_queries_write(document: dict, path: Path) -> int:
    """The cold queries for ``search_bench --queries-file``, one a line; how many."""
    queries = search_queries_build(document)
    path.write_text("".join(f"{q}\n" for q in queries), encoding="utf-8")
    return len(queries)


def rebuild_throughput_parse(output: str) -> dict:
    """``search_index rebuild``'s line "Throughput: N products/s (M in S s)." as figures."""
    found = _THROUGHPUT.search(output)
    if found is None:
        raise ValueError("search_index rebuild printed no 'Throughput: N products/s' line.")
    return {
        "products_per_s": int(found.group(1)),
        "products": int(found.group(2)),
        "seconds": float(found.group(3)),
    }


def cluster_nodes(url: str) -> int | None:
    """How many nodes the engine at ``url`` says its cluster has (None: no answer)."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/_cluster/health", timeout=10) as response:
            return int(json.load(response)["number_of_nodes"])
    except (OSError, ValueError, KeyError):
        return None


class BenchEngine:
    """The engine the bench searches: SEARCH_URL's, or an OpenSearch node of its own.

    ``start`` decides; when search is skipped, ``skipped`` says why and
    ``url`` stays empty. A node of its own lives in .bench/opensearch and
    ``stop`` (idempotent, also on leaving the ``with`` block, so on failure
    and Ctrl-C) shuts it down; an engine given by SEARCH_URL is never touched
    beyond the bench's own indexes.
    """

    def __init__(self, environ: dict) -> None:
        self.environ = environ
        self.url = ""
        self.engine = ""
        self.own = False
        self.skipped = ""

    def __enter__(self) -> BenchEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        if self.environ.get("BENCH_SEARCH", "").strip() == "0":
            self.skipped = "BENCH_SEARCH=0"
        elif self.environ.get("SEARCH_URL"):
            self.url = self.environ["SEARCH_URL"]
            self.engine = self.environ.get("SEARCH_ENGINE") or "elasticsearch"
        else:
            missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
            if missing:
                self.skipped = (
                    f"no SEARCH_URL, and {' and '.join(missing)} missing to start OpenSearch"
                )
            else:
                self._start_own()
        if self.skipped:
            log(f"search figures skipped: {self.skipped}")

    def _start_own(self) -> None:
        log("starting an OpenSearch node in .bench/opensearch (scripts/opensearch/start.sh)")
        self.own = True
        env = {**self.environ, "OPENSEARCH_HOME": str(OPENSEARCH_HOME)}
        result = subprocess.run(
            [str(OPENSEARCH_START), "start"], cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE
        )
        url = result.stdout.strip().splitlines()[-1:] if result.stdout.strip() else []
        if result.returncode or not url:
            self.stop()
            self.skipped = (
                f"the OpenSearch node did not start ({result.returncode}); "
                f"see {OPENSEARCH_HOME / 'node.log'}"
            )
            return
        nodes = cluster_nodes(url[0])
        if nodes != 1:
            # Another node on this machine with the same cluster name would share
            # its shards with ours, and lose them when ours stops.
            self.stop()
            self.skipped = (
                f"the OpenSearch node at {url[0]} is in a cluster of {nodes} nodes, not alone"
            )
            return
        self.url, self.engine = url[0], "opensearch"

    def stop(self) -> None:
        if not self.own:
            return
        self.own = False
        log("stopping the bench's OpenSearch node")
        env = {**self.environ, "OPENSEARCH_HOME": str(OPENSEARCH_HOME)}
        subprocess.run([str(OPENSEARCH_START), "stop"], cwd=ROOT, env=env, check=False)


def search_bench(port: int, *, env: dict, requests: int, queries_file: Path) -> dict:
    """``manage.py search_bench`` against the served marketplace; its JSON figures."""
    out = WORK / "search-bench.json"
    out.unlink(missing_ok=True)
    printed = run(
        [
            VENV_PY, "manage.py", "search_bench",
            "--url", f"http://127.0.0.1:{port}",
            "--requests", requests,
            "--concurrency", SEARCH_CONCURRENCY,
            "--queries-file", queries_file,
            "--json", out,
        ],
        env=env,
        capture=True,
    )  # fmt: skip
    for line in printed.splitlines():
        log(f"  {line}")
    return json.loads(out.read_text(encoding="utf-8"))


def reports_bench(env: dict) -> dict:
    """``manage.py reports_bench``: the provincial yearly report's render time; its figures."""
    log("reports: the provincial yearly report (reports_bench)")
    out = WORK / "reports-bench.json"
    out.unlink(missing_ok=True)
    printed = run([VENV_PY, "manage.py", "reports_bench", "--json", out], env=env, capture=True)
    for line in printed.splitlines():
        log(f"  {line}")
    return json.loads(out.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# Servers and load
# --------------------------------------------------------------------------


@contextlib.contextmanager
def served(name: str, cmd: list, *, env: dict, cwd: Path, port: int, ready_path: str):
    logfile = open(WORK / f"{name}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                sys.exit(f"{name} stopped at start; see {WORK / (name + '.log')}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=30):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    sys.exit(f"{name} did not answer within 90 s; see {WORK / (name + '.log')}")
                time.sleep(0.5)
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        logfile.close()


@contextlib.contextmanager
def stack_served(env: dict, *, workers: int):
    """BENCH_STACK=proxy: the production shape on the bench's data; yields the proxy's port."""
    stack_env = {
        **os.environ,
        "STACK_HOME": str(WORK / "stack"),
        "STACK_SKIP_DATA": "1",
        "STACK_MEDIA_ROOT": env["DJANGO_MEDIA_ROOT"],
        "STACK_SEARCH_INDEX_PREFIX": env["SEARCH_INDEX_PREFIX"],
        "STACK_WORKERS": str(max(1, workers // 2)),
        "DATABASE_URL": env["DATABASE_URL"],
        "SEARCH_URL": env.get("SEARCH_URL", ""),
        "SEARCH_ENGINE": env.get("SEARCH_ENGINE", ""),
    }
    out = run([STACK_START, "start"], env=stack_env, capture=True)
    values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    try:
        yield int(values["STACK_PROXY_PORT"])
    finally:
        run([STACK_START, "stop"], env=stack_env)


def gunicorn_cmd(python: Path, app: str, port: int, workers: int) -> list:
    return [
        python, "-m", "gunicorn", app,
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--worker-class", "sync",
        "--timeout", "30",
        "--log-level", "warning",
    ]  # fmt: skip


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def basket_cookie(port: int, pks: list[int]) -> str:
    """Fill a basket on the live server; the Cookie header that shows it."""
    opener = urllib.request.build_opener(NoRedirect)
    cookies = {"csrftoken": CSRF_SECRET}
    for pk in pks:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF_SECRET, "quantity": 1})
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/basket/add/{pk}/",
            data=body.encode(),
            headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
        )
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as exc:
            response = exc
        if response.status != 302:
            sys.exit(f"adding product {pk} to a basket answered {response.status}, not 302")
        for header in response.headers.get_all("Set-Cookie") or []:
            key, _, rest = header.partition("=")
            if key.strip() in {"oscar_open_basket", "sessionid"}:
                cookies[key.strip()] = rest.split(";", 1)[0]
    if "oscar_open_basket" not in cookies:
        sys.exit("adding to a basket set no oscar_open_basket cookie")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def wrk(url: str, *, seconds: int, connections: int, env_extra: dict) -> dict:
    threads = min(connections, os.cpu_count() or 1)
    env = {**os.environ, **env_extra, "BENCH_THREADS": str(threads)}
    cmd = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
        "-s", str(LUA), url,
    ]  # fmt: skip
    result = subprocess.run(cmd, env=env, text=True, capture_output=True)
    if result.returncode:
        sys.exit(f"wrk failed: {result.stderr}")
    return report.wrk_parse(result.stdout)


def drain(port: int) -> None:
    """Wait until the server has answered the requests wrk left queued.

    wrk stops at its deadline, but gunicorn still serves the connections queued
    behind slow pages; the next page would otherwise be measured behind them.
    One cheap request waits its turn in the same queue.
    """
    url = f"http://127.0.0.1:{port}/basket/"
    with (
        contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
        urllib.request.urlopen(url, timeout=180),
    ):
        pass


def load(
    port: int,
    paths: dict,
    probe: dict | None,
    *,
    cfg: dict,
    basket: str | None,
    new_search_paths: Path | None = None,
) -> dict:
    rows = {}
    for page, path in paths.items():
        extra = {"BENCH_METHOD": "GET", "BENCH_BODY": "", "BENCH_COOKIE": "", "BENCH_PATHS": ""}
        if page == "add_to_basket":
            extra.update(
                BENCH_METHOD="POST",
                BENCH_BODY=urllib.parse.urlencode(
                    {"csrfmiddlewaretoken": CSRF_SECRET, "quantity": 1}
                ),
                BENCH_COOKIE=f"csrftoken={CSRF_SECRET}",
            )
        elif page == "basket" or page.endswith("_basket"):
            extra["BENCH_COOKIE"] = basket or ""
        if page == "search_new_basket" and new_search_paths is not None:
            extra["BENCH_PATHS"] = str(new_search_paths)
        url = f"http://127.0.0.1:{port}{path}"
        wrk(url, seconds=cfg["warmup"], connections=cfg["connections"], env_extra=extra)
        if probe is not None:
            drain(port)
        summary = wrk(url, seconds=cfg["duration"], connections=cfg["connections"], env_extra=extra)
        if probe is not None:
            drain(port)
        rows[page] = report.row(summary, probe["pages"][page] if probe else None)
        r = rows[page]
        p95 = report._cell(r["p95_ms"])
        cpu = report._cell(r.get("cpu_ms"))
        log(
            f"  {page:<17} {r['rps']:>8.1f} req/s  p95 {p95:>7} ms  "
            f"cpu {cpu:>6} ms  errors {r['errors']}"
        )
    return rows


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


def commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, text=True, capture_output=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            text=True,
            capture_output=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return sha + ("-dirty" if dirty else "")


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    log("installing wrk from Debian's packages")
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"], check=False
    )
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk (as root)")


def ensure_peer_venv() -> Path:
    python = PEER_VENV / "bin" / "python"
    requirements = (PEER_DIR / "requirements.txt").read_bytes()
    stamp = PEER_VENV / ".requirements"
    if python.exists() and stamp.exists() and stamp.read_bytes() == requirements:
        return python
    log("installing stock django-oscar into .bench/peer-venv")
    shutil.rmtree(PEER_VENV, ignore_errors=True)
    run([sys.executable, "-m", "venv", PEER_VENV], env=os.environ.copy())
    run(
        [python, "-m", "pip", "install", "-q", "-r", PEER_DIR / "requirements.txt"],
        env=os.environ.copy(),
    )
    stamp.write_bytes(requirements)
    return python


def main() -> None:
    # make and a terminal send SIGTERM or SIGINT: both unwind through the
    # finally blocks below, so servers and the search node are stopped.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    with BenchEngine(os.environ.copy()) as engine:
        measure(engine)


def measure(engine: BenchEngine) -> None:
    started = time.monotonic()
    cfg = {
        "products": int(os.environ.get("BENCH_PRODUCTS") or 10_000),
        "orders": env_int("BENCH_ORDERS", 50_000),
        "duration": env_int("BENCH_DURATION", 10),
        "warmup": env_int("BENCH_WARMUP", 3),
        "connections": env_int("BENCH_CONNECTIONS", 20),
        "workers": env_int("BENCH_WORKERS", os.cpu_count() or 1),
        "search_requests": env_int("BENCH_SEARCH_REQUESTS", 300),
    }
    if not 1 <= cfg["products"] <= 200_000:
        sys.exit("BENCH_PRODUCTS must be between 1 and 200000.")
    WORK.mkdir(exist_ok=True)
    timings: dict[str, float] = {}
    ensure_wrk()

    ours_url, peer_url = database_urls(os.environ.get("DATABASE_URL", ""))
    secret = secrets.token_urlsafe(48)
    ours_port, peer_port, floor_port = free_port(), free_port(), free_port()
    # The dataset is loaded without an engine (the rebuild below indexes it in
    # bulk); SEARCH_URL comes back once the engine is known.
    base_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PEER_")) and k not in {"SEARCH_URL", "SEARCH_ENGINE"}
    }
    ours_env = {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secret,
        "DATABASE_URL": ours_url,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_MEDIA_ROOT": str(WORK / "media"),
        "DJANGO_STATIC_ROOT": str(WORK / "static"),
        "DJANGO_PAGE_CACHE_STAMP": str(WORK / "page-cache.stamp"),
        "DJANGO_CACHE_DIR": str(WORK / "cache"),
        "SITE_URL": f"http://127.0.0.1:{ours_port}",
        "PYTHONPATH": str(ROOT),
        # Indexes of their own, so an engine given by SEARCH_URL keeps its site's.
        "SEARCH_INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "chophunu") + "-bench",
    }
    peer_env = {
        **base_env,
        "DJANGO_SETTINGS_MODULE": "peer_shop.settings",
        "PEER_SECRET_KEY": secret,
        "PEER_DATABASE_URL": peer_url,
        "PEER_CONN_MAX_AGE": str(peer_conn_max_age()),
        "PEER_MEDIA_ROOT": str(WORK / "media"),
        "PEER_STATIC_ROOT": str(WORK / "peer-static"),
        "PYTHONPATH": f"{PEER_DIR}:{ROOT}",
    }

    # 1. The marketplace's dataset, built once per product count and database.
    stamp_path = WORK / "dataset.stamp"
    stamp = json.dumps({"products": cfg["products"], "orders": cfg["orders"], "database": ours_url})
    rebuild = os.environ.get("BENCH_REBUILD") or not (
        stamp_path.exists() and stamp_path.read_text() == stamp
    )
    manage = [VENV_PY, "manage.py"]
    if rebuild:
        log(f"building the dataset: {cfg['products']} products ({ours_url.split(':')[0]})")
        stamp_path.unlink(missing_ok=True)
        t = time.monotonic()
        database_reset(ours_url, ours_env)
        run([*manage, "migrate", "--no-input", "-v0"], env=ours_env)
        timings["marketplace_migrate_s"] = round(time.monotonic() - t, 1)
        t = time.monotonic()
        run(
            [*manage, "load_demo_data", "--products", cfg["products"], "--orders", cfg["orders"]],
            env=ours_env,
            capture=True,
        )
        timings["marketplace_load_s"] = round(time.monotonic() - t, 1)
        log(f"  loaded in {timings['marketplace_load_s']} s")
        # A shop makes a picture's thumbnails when it is saved (a background
        # task); pictures loaded in bulk get theirs here, as after an import.
        t = time.monotonic()
        run([*manage, "product_thumbnails"], env=ours_env, capture=True)
        timings["marketplace_thumbnails_s"] = round(time.monotonic() - t, 1)
        log(f"  thumbnails made in {timings['marketplace_thumbnails_s']} s")
    else:
        log(f"reusing the dataset of {cfg['products']} products (BENCH_REBUILD=1 to build anew)")
        run([*manage, "migrate", "--no-input", "-v0"], env=ours_env)
    sqlite_wal(ours_url)
    t = time.monotonic()
    run([*manage, "collectstatic", "--no-input", "-v0"], env=ours_env)
    timings["collectstatic_s"] = round(time.monotonic() - t, 1)

    dataset_path = WORK / "dataset.json"
    if rebuild or not dataset_path.exists():
        run([VENV_PY, "-m", "bench.dataset", "export", dataset_path], env=ours_env)
        stamp_path.write_text(stamp)
    document = json.loads(dataset_path.read_text(encoding="utf-8"))
    spec = pages_choose(document)
    probe_terms, load_terms = new_search_terms(document, reserved=cfg["search_requests"])
    spec["new_terms"] = probe_terms
    new_search_paths = WORK / "new-search-paths.txt"
    log(
        f"  a new search: {len(probe_terms)} terms for the probe, {len(load_terms)} for the load "
        "(past them the load sends them again)"
    )
    new_search_paths.write_text(
        "".join(f"/search/?{urllib.parse.urlencode({'q': term})}\n" for term in load_terms),
        encoding="utf-8",
    )

    # The search engine, filled anew at every run (a fresh node has no index).
    engine.start()
    search: dict = {"skipped": engine.skipped} if engine.skipped else {}
    if engine.url:
        ours_env.update(SEARCH_URL=engine.url, SEARCH_ENGINE=engine.engine)
        # Twice: the first rebuild after a node starts also warms the engine's
        # JVM; a shop's nightly rebuild meets an engine that has been running.
        rebuilds = []
        for which in ("first", "again"):
            log(f"search index rebuild, {which} ({engine.engine} at {engine.url})")
            t = time.monotonic()
            out = run([*manage, "search_index", "rebuild"], env=ours_env, capture=True)
            timings[f"search_rebuild_{which}_s"] = round(time.monotonic() - t, 1)
            try:
                rebuilds.append(rebuild_throughput_parse(out))
            except ValueError as exc:
                sys.exit(str(exc))
            log(
                f"  {rebuilds[-1]['products_per_s']} products/s "
                f"({rebuilds[-1]['products']} in {rebuilds[-1]['seconds']} s)"
            )
        first, rebuilt = rebuilds
        queries_path = WORK / "search-queries.txt"
        count = search_queries_write(document, queries_path)
        log(f"  {count} distinct cold queries written to {queries_path.relative_to(ROOT)}")
        search = {
            "engine": engine.engine,
            "own_node": engine.own,
            "rebuild": rebuilt,
            "rebuild_first": first,
            "requests": cfg["search_requests"],
            "concurrency": SEARCH_CONCURRENCY,
            "cold_queries": count,
        }

    # 2. The peer: stock Oscar with the same products.
    t = time.monotonic()
    peer_python = ensure_peer_venv()
    digest = hashlib.sha256(dataset_path.read_bytes()).hexdigest()
    peer_stamp_path = WORK / "peer.stamp"
    peer_stamp = json.dumps({"dataset": digest, "database": peer_url})
    if rebuild or not (peer_stamp_path.exists() and peer_stamp_path.read_text() == peer_stamp):
        log("loading the same products into stock Oscar")
        peer_stamp_path.unlink(missing_ok=True)
        database_reset(peer_url, ours_env)
        peer_manage = [peer_python, "manage.py"]
        run([*peer_manage, "migrate", "--no-input", "-v0"], env=peer_env, cwd=PEER_DIR)
        run([*peer_manage, "bench_import", dataset_path], env=peer_env, cwd=PEER_DIR)
        run([*peer_manage, "update_index", "-v0"], env=peer_env, cwd=PEER_DIR)
        sqlite_wal(peer_url)
        peer_stamp_path.write_text(peer_stamp)
        timings["peer_load_s"] = round(time.monotonic() - t, 1)

    # 3. Queries and bytes, one instrumented request per page.
    probes = {}
    for name, python, env, cwd, home in (
        ("marketplace", VENV_PY, ours_env, ROOT, "/"),
        # Stock Oscar's "/" only redirects to the catalogue, its real front page.
        ("peer", peer_python, peer_env, PEER_DIR, "/catalogue/"),
    ):
        spec_path = WORK / f"probe-{name}.json"
        spec_path.write_text(json.dumps({**spec, "home": home}, ensure_ascii=False))
        out = run([python, BENCH / "probe.py", spec_path], env=env, cwd=cwd, capture=True)
        line = next(x for x in out.splitlines() if x.startswith("BENCH_PROBE "))
        probes[name] = json.loads(line[len("BENCH_PROBE ") :])
        bad = {p: r["status"] for p, r in probes[name]["pages"].items() if r["status"] >= 400}
        if bad:
            sys.exit(f"{name} answered errors in the probe: {bad}")

    # 3b. The Union's provincial yearly report, rendered in the marketplace's process.
    reports = reports_bench(ours_env)

    # 4. Load, one server at a time so none competes with another for the cores.
    log(
        f"load: {cfg['connections']} connections, {cfg['warmup']} s warm-up then "
        f"{cfg['duration']} s per page, gunicorn {cfg['workers']} sync workers"
    )
    results: dict[str, dict] = {}
    t = time.monotonic()
    for name, python, env, cwd, app, port in (
        ("marketplace", VENV_PY, ours_env, ROOT, "config.wsgi:application", ours_port),
        ("peer", peer_python, peer_env, PEER_DIR, "peer_shop.wsgi:application", peer_port),
    ):
        paths = {page: r["path"] for page, r in probes[name]["pages"].items()}
        server = (
            stack_served(env, workers=cfg["workers"])
            if name == "marketplace" and os.environ.get("BENCH_STACK") == "proxy"
            else served(
                name,
                gunicorn_cmd(python, app, port, cfg["workers"]),
                env=env,
                cwd=cwd,
                port=port,
                ready_path=paths["home"],
            )
        )
        with server as proxy_port:
            port = proxy_port or port
            log(f"{name} through the proxy" if proxy_port else name)
            cookie = basket_cookie(port, probes[name]["basket_pks"])
            results[name] = load(
                port,
                paths,
                probes[name],
                cfg=cfg,
                basket=cookie,
                new_search_paths=new_search_paths,
            )
            if name == "marketplace" and engine.url:
                log("search and suggestions (search_bench)")
                search["latency"] = search_bench(
                    port,
                    env=ours_env,
                    requests=cfg["search_requests"],
                    queries_file=WORK / "search-queries.txt",
                )
        if name == "marketplace":
            engine.stop()  # the peer and the floor run without it
    floor_env = {**base_env, "PYTHONPATH": str(BENCH / "floor")}
    with served(
        "floor",
        gunicorn_cmd(VENV_PY, "floor:application", floor_port, cfg["workers"]),
        env=floor_env,
        cwd=BENCH / "floor",
        port=floor_port,
        ready_path="/",
    ):
        log("floor")
        results["floor"] = load(floor_port, {"floor": "/"}, None, cfg=cfg, basket=None)
    timings["load_s"] = round(time.monotonic() - t, 1)
    timings["total_s"] = round(time.monotonic() - started, 1)

    # 5. Report.
    meta = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "cores": os.cpu_count(),
        "products_for_sale": len(document["products"]),
        "products_loaded": cfg["products"],
        "database": ours_url.split(":")[0],
        "search_engine": engine.engine or "database",
        "pages": spec,
        "load": {k: cfg[k] for k in ("duration", "warmup", "connections", "workers")},
        "stack": os.environ.get("BENCH_STACK") or "single",
        "peer_conn_max_age": int(peer_env["PEER_CONN_MAX_AGE"]),
        "tool": "wrk",
        "timings": timings,
        "dataset_reused": not rebuild,
    }
    doc = report.document(results, meta, search)
    doc["reports"] = reports
    print()
    print(report.table(results))
    print()
    print(report.search_section(search))
    print()
    print(report.reports_section(reports))
    print()
    print(
        f"{meta['products_for_sale']} products for sale ({cfg['products']} loaded), "
        f"{meta['cores']} cores, commit {meta['commit'][:12]}, total {timings['total_s']} s"
    )
    stamp_name = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    (WORK / "results.json").write_text(text, encoding="utf-8")
    (WORK / f"results-{stamp_name}.json").write_text(text, encoding="utf-8")
    print(f"figures written to .bench/results.json and .bench/results-{stamp_name}.json")


if __name__ == "__main__":
    main()
