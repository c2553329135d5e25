from django.core.management.base import BaseCommand

from marketplace.demo import content
from marketplace.services.areas import areas_import


class Command(BaseCommand):
    help = "Seed the province's districts and communes (keeps areas staff have edited)."

    def handle(self, *args, **options):
        result = areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)
        self.stdout.write(f"Areas: {result.created} created, {result.unchanged} already there.")
