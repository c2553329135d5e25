"""``manage.py product_thumbnails``: make every product picture's thumbnails now.

New pictures get theirs in the background when saved (``catalog.picture_tasks``);
this is for pictures loaded in bulk (the demo data, an import, a restored
media folder) so that no shopper's page waits for them. Thumbnails that
exist already are only looked up, so a second run is quick. ``--processes``
shares the work between processes (default: one per core).
"""

from __future__ import annotations

import multiprocessing
import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from oscar.core.loading import get_model

from core.thumbnails import picture_thumbnails_make

CHUNK = 200


def _make(image_ids: list[int]) -> int:
    ProductImage = get_model("catalogue", "ProductImage")
    try:
        return picture_thumbnails_make(ProductImage.objects.filter(pk__in=image_ids).order_by("pk"))
    finally:
        connections.close_all()  # a worker process must not keep its own connection open


class Command(BaseCommand):
    help = "Make the thumbnails of every product picture (those missing), in parallel."

    def add_arguments(self, parser):
        parser.add_argument(
            "--processes", type=int, default=os.cpu_count() or 1, help="Processes (default: cores)."
        )

    def handle(self, *args, processes: int, verbosity: int, **options):
        if not 1 <= processes <= 64:
            raise CommandError("--processes must be between 1 and 64.")
        ProductImage = get_model("catalogue", "ProductImage")
        ids = list(ProductImage.objects.order_by("pk").values_list("pk", flat=True))
        chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
        started = time.perf_counter()
        done = 0
        if processes == 1 or len(chunks) <= 1:
            results = map(_make, chunks)
        else:
            connections.close_all()  # forked children open their own
            pool = multiprocessing.get_context("fork").Pool(processes)
            results = pool.imap_unordered(_make, chunks)
        for made in results:
            done += made
            if verbosity:
                self.stdout.write(f"\r{done}/{len(ids)} pictures", ending="")
                self.stdout.flush()
        if processes > 1 and len(chunks) > 1:
            pool.close()
            pool.join()
        seconds = time.perf_counter() - started
        if not verbosity:
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Thumbnails ready for {done} of {len(ids)} pictures in {seconds:.1f} s "
                f"({processes} processes)."
            )
        )
