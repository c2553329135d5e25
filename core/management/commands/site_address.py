"""Set the site's address in e-mails and QR codes from SITE_URL (migrate does it too)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.site_address import site_address_sync


class Command(BaseCommand):
    help = "Point django.contrib.sites' Site and Wagtail's default Site at SITE_URL."

    def handle(self, *args, **options):
        domain = site_address_sync()
        self.stdout.write(f"Site address: {domain} (SITE_URL={settings.SITE_URL})")
