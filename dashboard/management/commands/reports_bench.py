"""``manage.py reports_bench``: how long the provincial yearly report takes to render.

    python manage.py reports_bench --repeat 5 --json var/reports-bench.json

Renders /dashboard/reports/ for the province and this year (``--year`` for
another) ``--repeat`` times in this process, signed in as a superuser (the
province's staff see the same page), after one warm-up request, and prints
the median and slowest time, the database queries of one request and the
order lines the report counted. ``make bench`` runs it on its dataset
(``load_demo_data --orders``); the target is under one second.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

BENCH_USER = "reports-bench@localhost"


class Command(BaseCommand):
    help = "Time the provincial yearly report (median and slowest of --repeat renders)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="Timed renders (default 5).")
        parser.add_argument("--year", type=int, default=None, help="The report's year.")
        parser.add_argument("--json", dest="json_path", help="Also write the figures here.")

    def handle(self, *args, repeat: int, year: int | None, json_path: str | None, **options):
        if not 1 <= repeat <= 100:
            raise CommandError("--repeat must be between 1 and 100.")
        year = year or timezone.localdate().year
        User = get_user_model()
        user = User.objects.filter(username=BENCH_USER).first()
        if user is None:
            user = User.objects.create_superuser(BENCH_USER, BENCH_USER, None)
        # The site's own host name, which ALLOWED_HOSTS lets in.
        client = Client(raise_request_exception=True, HTTP_HOST=urlsplit(settings.SITE_URL).netloc)
        client.force_login(user)
        url = f"/dashboard/reports/?period=year&year={year}"
        reset_queries()  # a full log (9,000 entries) captures nothing
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)  # warm-up, and the query count
        queries = len(captured)  # now: the next request empties the log
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - started)
        Line = get_model("order", "Line")
        figures = {
            "url": url,
            "repeat": repeat,
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "max_ms": round(max(times) * 1000, 1),
            "queries": queries,
            "order_lines_in_year": Line.objects.filter(order__date_placed__year=year).count(),
            "order_lines": Line.objects.count(),
        }
        self.stdout.write(
            f"provincial report {year}: median {figures['p50_ms']} ms, slowest "
            f"{figures['max_ms']} ms over {repeat} renders, {figures['queries']} queries, "
            f"{figures['order_lines_in_year']} order lines in the year"
        )
        if json_path:
            Path(json_path).write_text(json.dumps(figures, indent=2), encoding="utf-8")
