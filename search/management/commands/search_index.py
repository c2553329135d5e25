"""``manage.py search_index rebuild|status``: the engine's product and page indexes.

``rebuild`` fills a new index beside the live one, swaps the alias and drops
the old index, so searches never see an empty or half-built index; it prints
the products indexed per second. ``status`` compares the indexes with what
the database says is for sale and published.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from marketplace.selectors import products_for_sale
from search.engine import EngineError, engine_get, index_alias
from search.indexing import engine_index_rebuild
from search.pages import PAGES, engine_pages_rebuild, indexed_pages


class Command(BaseCommand):
    help = "Rebuild the search engine's product index (alias swap) or show its status."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, *args, action: str, **options):
        engine = engine_get()
        if engine is None:
            raise CommandError("No search engine is configured (SEARCH_URL is empty).")
        try:
            if action == "rebuild":
                self.rebuild(engine)
            else:
                self.status(engine)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc

    def rebuild(self, engine) -> None:
        def progress(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            self.stdout.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
            )
            self.stdout.flush()

        started = time.perf_counter()
        report = engine_index_rebuild(engine=engine, progress=progress)
        seconds = time.perf_counter() - started
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report['indexed']} products into {report['index']} "
                f"({report['failed']} failed); alias {index_alias()} swapped; "
                f"removed {', '.join(report['removed']) or 'no old index'}."
            )
        )
        rate = report["indexed"] / seconds if seconds > 0 else 0.0
        self.stdout.write(
            f"Throughput: {rate:.0f} products/s ({report['indexed']} in {seconds:.2f} s)."
        )
        pages = engine_pages_rebuild(engine=engine)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {pages['indexed']} stories and articles into {pages['index']} "
                f"({pages['failed']} failed); alias {index_alias(name=PAGES)} swapped."
            )
        )

    def status(self, engine) -> None:
        alias = index_alias()
        indices = engine.alias_indices(alias=alias)
        in_database = products_for_sale().count()
        in_index = engine.count(index=alias) if indices else 0
        self.stdout.write(f"engine:   {engine.name} at {engine.url} ({engine.health()})")
        self.stdout.write(f"alias:    {alias} -> {', '.join(indices) or 'none'}")
        self.stdout.write(f"indexed:  {in_index}")
        self.stdout.write(f"for sale: {in_database}")
        self.stdout.write(f"drift:    {in_index - in_database:+d}")
        pages_alias = index_alias(name=PAGES)
        page_indices = engine.alias_indices(alias=pages_alias)
        pages_indexed = engine.count(index=pages_alias) if page_indices else 0
        pages_live = len(indexed_pages())
        self.stdout.write(f"pages:    {pages_alias} -> {', '.join(page_indices) or 'none'}")
        self.stdout.write(f"pages indexed: {pages_indexed}, published: {pages_live}")
