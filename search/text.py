"""How queries are cut into words for matching folded documents."""

from __future__ import annotations

import unicodedata

from django.utils.html import strip_tags

from core.text import fold

__all__ = ["fold", "has_diacritics", "text_plain", "tokens"]


def tokens(query: str, *, limit: int = 10) -> list[str]:
    """The folded words of a query, de-duplicated, at most ``limit`` of them."""
    seen: list[str] = []
    for word in fold(query).split():
        if word not in seen:
            seen.append(word)
    return seen[:limit]


def has_diacritics(text: str) -> bool:
    """True when the shopper typed Vietnamese marks, so exact forms rank first."""
    return any(ch in "đĐ" or unicodedata.decomposition(ch) for ch in text or "")


def text_plain(html: str) -> str:
    """The words of an HTML description, for indexing."""
    return strip_tags(html or "")
