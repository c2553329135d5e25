"""``manage.py search_bench``: search and suggestion latency of a running site.

    python manage.py search_bench --url http://127.0.0.1:8000 \
        --requests 200 --concurrency 20 --json var/search-bench.json

Start the site first (runserver or gunicorn, with or without SEARCH_URL).
For each of ``/search/?q=`` and ``/search/suggest/?q=`` it sends
``--requests`` GETs from ``--concurrency`` threads and prints the median and
p95 of the whole request (client side) and of the time the site waited on the
engine (its ``Server-Timing`` header; 0 when the database answered). Only
loopback URLs are accepted. ``--json`` writes the same figures to a file;
see ``search.bench.bench_run`` for the structure.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.bench import NotLoopback, bench_run


class Command(BaseCommand):
    help = "Measure search and suggestion latency (median, p95) of a site on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Loopback base URL.")
        parser.add_argument("--requests", type=int, default=200, help="Requests per endpoint.")
        parser.add_argument("--concurrency", type=int, default=20, help="Concurrent clients.")
        parser.add_argument("--json", dest="json_path", help="Also write the figures here.")
        parser.add_argument(
            "--query", action="append", dest="queries", help="A search query (repeatable)."
        )
        parser.add_argument(
            "--prefix", action="append", dest="prefixes", help="A suggestion prefix (repeatable)."
        )

    def handle(self, *args, url, requests, concurrency, json_path, queries, prefixes, **options):
        try:
            results = bench_run(
                base_url=url,
                requests=requests,
                concurrency=concurrency,
                queries=queries,
                prefixes=prefixes,
            )
        except (NotLoopback, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{'endpoint':<8} {'answered by':<12} {'req':>5} {'err':>4} {'req/s':>7} "
            f"{'request p50':>12} {'p95':>8} {'engine p50':>11} {'p95':>8}"
        )
        for name, summary in results.items():
            self.stdout.write(
                f"{name:<8} {','.join(summary['answered_by']):<12} {summary['requests']:>5} "
                f"{summary['errors']:>4} {summary['requests_per_second']:>7} "
                f"{summary['request_ms']['p50']:>10.1f}ms {summary['request_ms']['p95']:>6.1f}ms "
                f"{summary['engine_ms']['p50']:>9.1f}ms {summary['engine_ms']['p95']:>6.1f}ms"
            )
        if json_path:
            Path(json_path).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}.")
