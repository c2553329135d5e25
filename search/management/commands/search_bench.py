"""``manage.py search_bench``: search and suggestion latency of a running site.

    python manage.py search_bench --url http://127.0.0.1:8000 \
        --requests 200 --concurrency 20 --queries-file var/queries.txt \
        --json var/search-bench.json

Start the site first (runserver or gunicorn, with or without SEARCH_URL).
For each of ``/search/?q=`` and ``/search/suggest/?q=`` it runs two passes of
``--requests`` GETs from ``--concurrency`` threads: ``repeat`` rotates a few
popular terms (caches may answer), ``cold`` sends each request a query not
sent before, from ``--queries-file`` (one query per line, UTF-8; suggestion
prefixes are cut from them), capped at the number of such queries. It prints
the median and p95 of the whole request (client side), of the engine round
trip and of the engine's own ``took`` (the ``Server-Timing`` header), over
the requests that reached the engine only, and how many did. Only loopback
URLs are accepted. ``--json`` writes the same figures to a file; see
``search.bench.bench_run`` for the structure.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.bench import NotLoopback, QueriesFileError, bench_run, queries_read


def _ms(spread: dict) -> str:
    return "/".join("-" if spread[k] is None else f"{spread[k]:.1f}" for k in ("p50", "p95"))


class Command(BaseCommand):
    help = "Measure search and suggestion latency (median, p95) of a site on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Loopback base URL.")
        parser.add_argument(
            "--requests", type=int, default=200, help="Requests per endpoint and pass."
        )
        parser.add_argument("--concurrency", type=int, default=20, help="Concurrent clients.")
        parser.add_argument("--json", dest="json_path", help="Also write the figures here.")
        parser.add_argument(
            "--query", action="append", dest="queries", help="A repeated search query (repeatable)."
        )
        parser.add_argument(
            "--prefix",
            action="append",
            dest="prefixes",
            help="A repeated suggestion prefix (repeatable).",
        )
        parser.add_argument(
            "--queries-file",
            dest="queries_file",
            help="Cold-pass queries, one per line (UTF-8); each is sent once.",
        )

    def handle(
        self,
        *args,
        url,
        requests,
        concurrency,
        json_path,
        queries,
        prefixes,
        queries_file=None,
        **options,
    ):
        try:
            cold = queries_read(queries_file) if queries_file else None
            results = bench_run(
                base_url=url,
                requests=requests,
                concurrency=concurrency,
                queries=queries,
                prefixes=prefixes,
                cold=cold,
            )
        except (NotLoopback, QueriesFileError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{'endpoint':<8} {'pass':<6} {'req':>5} {'err':>4} {'req/s':>7} "
            f"{'request p50/p95':>16} {'engine p50/p95':>15} {'took p50/p95':>13} "
            f"{'reached':>7}  answered by"
        )
        for name, passes in results.items():
            for pass_name, summary in passes.items():
                if summary.get("skipped"):
                    self.stdout.write(f"{name:<8} {pass_name:<6} {'-':>5}")
                else:
                    answered = ", ".join(f"{k} {v}" for k, v in summary["answered_by"].items())
                    self.stdout.write(
                        f"{name:<8} {pass_name:<6} {summary['requests']:>5} "
                        f"{summary['errors']:>4} {summary['requests_per_second']:>7} "
                        f"{_ms(summary['request_ms']):>14}ms {_ms(summary['engine_ms']):>13}ms "
                        f"{_ms(summary['engine_took_ms']):>11}ms "
                        f"{summary['reached_engine']:>7}  {answered or '-'}"
                    )
                if summary.get("errors"):
                    statuses = ", ".join(f"{k}: {v}" for k, v in summary["error_statuses"].items())
                    self.stdout.write(f"  {name} {pass_name}: errors {statuses}")
                for note in summary.get("notes", []):
                    self.stdout.write(f"  {name} {pass_name}: {note}")
        if json_path:
            Path(json_path).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            self.stdout.write(f"Wrote {json_path}.")
