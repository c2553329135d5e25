"""The slug field of Wagtail's admin, transliterating Vietnamese like the server does."""

from __future__ import annotations

import re

from wagtail.admin.widgets.slug import SlugInput

from core.text import marked_letters


def _formatters() -> list[tuple[str, str]]:
    # Wagtail's own transliteration knows no Vietnamese: "nhận đơn" became "nhn-djn".
    # Each marked letter becomes its plain one first, then Wagtail makes the slug;
    # marks typed as separate characters (decomposed input) are dropped.
    letters = [(f"[{re.escape(chars)}]", plain) for plain, chars in marked_letters().items()]
    return [*letters, ("[\u0300-\u036f]", "")]


class VietnameseSlugInput(SlugInput):
    """``SlugInput`` whose title-to-slug sync gives ``vn_slugify``'s slug."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or _formatters(), locale=locale)
