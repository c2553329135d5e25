from django.core.management.base import BaseCommand

from marketplace.areas import DISTRICTS, PROVINCE
from marketplace.services.areas import areas_import


class Command(BaseCommand):
    help = "Seed the province's districts and communes (keeps areas staff have edited)."

    def handle(self, *args, **options):
        result = areas_import(province=PROVINCE["name"], districts=DISTRICTS)
        self.stdout.write(f"Areas: {result.created} created, {result.unchanged} already there.")
