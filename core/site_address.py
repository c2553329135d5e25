"""The site's own address, as e-mails and QR codes print it, follows SITE_URL.

Oscar's e-mails (password reset among them) build links from
django.contrib.sites' Site; Wagtail's full page URLs from its default Site.
Both start as example.com / localhost:80, so they are set from SITE_URL after
every ``migrate`` (marketplace/apps.py), by the demo loader and by
``manage.py site_address``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction
from wagtail.models import Site as WagtailSite


def site_address_sync(*, site_url: str | None = None) -> str:
    """Point both Site records at SITE_URL; returns the domain (host[:port]) written."""
    parts = urlsplit(site_url or settings.SITE_URL)
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    domain = parts.netloc.rsplit("@", 1)[-1]
    with transaction.atomic():
        Site.objects.update_or_create(
            pk=settings.SITE_ID,
            defaults={"domain": domain, "name": str(settings.OSCAR_SHOP_NAME)[:50]},
        )
        WagtailSite.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
    Site.objects.clear_cache()
    WagtailSite.clear_site_root_paths_cache()
    return domain
