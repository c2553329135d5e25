"""``manage.py restore_check``: what an operator runs after restoring a backup (README, "Backups").

It reads, never writes: migrations left to apply, the counts to compare with
the ones written down before the backup, the search index against what the
database says is for sale (``search_index rebuild`` mends a drift), and every
stored file a row names (product pictures, logos, covers, contest entries,
Wagtail images and documents) that the media storage does not have. Each
problem is one line; the command exits 1 when there is any, 0 otherwise.
It lives in the search app, the lowest app that knows both the index and
the products; the other apps' models are read through ``apps.get_model``.
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

from marketplace.selectors import products_for_sale
from search.engine import EngineError, engine_get, index_alias

# (label, app label, model name): what the shop holds, for the operator to compare.
COUNTED = (
    ("users", "auth", "User"),
    ("cooperatives", "marketplace", "Vendor"),
    ("products", "catalogue", "Product"),
    ("product pictures", "catalogue", "ProductImage"),
    ("orders", "order", "Order"),
    ("pages", "wagtailcore", "Page"),
)
MISSING_SHOWN = 20


class Command(BaseCommand):
    help = (
        "After restoring a backup: counts, unapplied migrations, search index drift and "
        "missing media files; exits 1 when something is wrong."
    )

    def handle(self, *args, **options):
        problems: list[str] = []
        problems += self.migrations()
        problems += self.counts()
        problems += self.search()
        problems += self.files()
        if problems:
            for problem in problems:
                self.stderr.write(f"PROBLEM: {problem}")
            raise CommandError(f"{len(problems)} problem(s) after the restore.")
        self.stdout.write(self.style.SUCCESS("Restore check: no problem found."))

    def migrations(self) -> list[str]:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            return [f"{len(plan)} migration(s) not applied: run manage.py migrate"]
        return []

    def counts(self) -> list[str]:
        problems = []
        for label, app_label, model_name in COUNTED:
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:  # an app this site does not install
                continue
            count = model._default_manager.count()
            self.stdout.write(f"{label + ':':<18}{count}")
        for_sale = products_for_sale().count()
        self.stdout.write(f"{'for sale:':<18}{for_sale}")
        if not apps.get_model("catalogue", "Product")._default_manager.exists():
            problems.append("no product at all: was the right dump restored?")
        return problems

    def search(self) -> list[str]:
        engine = engine_get()
        if engine is None:
            self.stdout.write(f"{'search:':<18}the database answers searches (no engine)")
            return []
        alias = index_alias()
        try:
            indexed = engine.count(index=alias) if engine.alias_indices(alias=alias) else 0
        except EngineError as exc:
            return [f"the search engine at {engine.url} does not answer ({exc})"]
        for_sale = products_for_sale().count()
        self.stdout.write(f"{'indexed:':<18}{indexed} ({engine.name})")
        if indexed != for_sale:
            return [
                f"the search index holds {indexed} products, {for_sale} are for sale "
                f"(drift {indexed - for_sale:+d}): run manage.py search_index rebuild"
            ]
        return []

    def files(self) -> list[str]:
        missing: list[str] = []
        checked = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
            for field in fields:
                names = (
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
                for name in names.iterator():
                    checked += 1
                    if not field.storage.exists(name):
                        missing.append(name)
        self.stdout.write(f"{'files checked:':<18}{checked}")
        if not missing:
            return []
        shown = ", ".join(missing[:MISSING_SHOWN])
        more = f" and {len(missing) - MISSING_SHOWN} more" if len(missing) > MISSING_SHOWN else ""
        return [
            f"{len(missing)} file(s) named in the database are missing from the media "
            f"storage (restore the media volume): {shown}{more}"
        ]
