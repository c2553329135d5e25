"""QR codes for printed labels: a phone camera or Zalo opens the product's traceability page."""

from __future__ import annotations

import hashlib
import io

import segno
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

# Medium error correction survives a smudged or creased label.
ERROR_CORRECTION = "m"
PNG_SCALE = 10  # pixels per module: about 3 cm at 300 dpi for a version 3 code
QUIET_ZONE = 4  # modules of white border the QR standard asks for


def trace_url(product) -> str:
    """The absolute address printed in the QR code, on the site's public host."""
    return settings.SITE_URL.rstrip("/") + reverse("catalog:trace", args=[product.trace_code])


def trace_qr(product) -> segno.QRCode:
    return segno.make_qr(trace_url(product), error=ERROR_CORRECTION)


def trace_qr_png(product) -> bytes:
    buffer = io.BytesIO()
    trace_qr(product).save(buffer, kind="png", scale=PNG_SCALE, border=QUIET_ZONE)
    return buffer.getvalue()


def trace_qr_svg(product, *, title: str) -> str:
    """An inline SVG for the product page (no extra request).

    Drawing it costs a few milliseconds and it never changes for a given
    address and title, so it is kept in the cache (without an expiry).
    """
    url = trace_url(product)
    key = "trace-qr:" + hashlib.sha256(f"{url}\n{title}".encode()).hexdigest()[:32]
    svg = cache.get(key)
    if svg is None:
        svg = segno.make_qr(url, error=ERROR_CORRECTION).svg_inline(
            scale=3, border=QUIET_ZONE, title=title, svgclass="qr"
        )
        cache.set(key, svg, None)
    return svg
