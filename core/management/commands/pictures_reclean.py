from django.core.management.base import BaseCommand

from core.pictures import pictures_reclean


class Command(BaseCommand):
    help = (
        "Clean again every stored picture (EXIF, GPS, comments, trailing bytes) under a "
        "random name: run once after upgrading to the guarded uploads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = pictures_reclean(dry_run=dry_run)
        verb = "would be cleaned" if dry_run else "cleaned"
        self.stdout.write(f"Pictures: {result.cleaned} {verb}.")
        for name in result.missing:
            self.stdout.write(f"Missing file (row kept): {name}")
        for name in result.refused:
            self.stdout.write(f"Not a picture, left for a person to look at: {name}")
