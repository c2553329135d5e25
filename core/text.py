"""Vietnamese text helpers shared by slugs, search and imports.

đ/Đ is a letter of its own (not d with a combining mark), so Unicode
decomposition alone leaves it in place; it is mapped to d explicitly.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify
from django.utils.translation import get_language

_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def strip_marks(text: str) -> str:
    """``text`` without Vietnamese tone and vowel marks, case kept."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def fold(text: str) -> str:
    """Lower-case words without marks, separated by single spaces."""
    return " ".join(_NON_WORD.sub(" ", strip_marks(text).lower()).split())


def vn_slugify(text: str) -> str:
    """An ASCII slug: "Cơm cháy Đông Sơn" becomes "com-chay-dong-son"."""
    return slugify(strip_marks(text))


def oscar_slugify(value: str, allow_unicode: bool = False) -> str:
    """``OSCAR_SLUG_FUNCTION``: products and categories slugged like pages and vendors."""
    return slugify(value, allow_unicode=True) if allow_unicode else vn_slugify(value)


def marked_letters() -> dict[str, str]:
    """Each letter with marks Vietnamese uses, grouped by the ASCII letter it folds to.

    ``{"a": "àáạảã…", "A": "ÀÁ…", "d": "đ", …}``: for slug fields transliterating
    in the browser (Wagtail's admin) exactly as ``vn_slugify`` does on the server.
    """
    groups: dict[str, str] = {}
    for code in (*range(0x00C0, 0x0250), *range(0x1EA0, 0x1F00)):
        letter = chr(code)
        plain = strip_marks(letter)
        if plain != letter and len(plain) == 1 and plain.isascii() and plain.isalpha():
            groups[plain] = groups.get(plain, "") + letter
    return groups


def in_language(vietnamese: str, english: str = "") -> str:
    """The English twin of an editor's text on English pages, when she wrote one.

    Names and headings written by the Union's editors are Vietnamese first;
    their optional ``*_en`` twin is shown only while English is active, and
    a blank twin falls back to the Vietnamese.
    """
    if english and (get_language() or "").startswith("en"):
        return english
    return vietnamese


def folded_match(query: str, text: str) -> bool:
    """Whether every word of ``query`` is in ``text``, both without marks and case.

    "hop coi dung tra" matches "Hộp cói đựng trà"; "coi kim son" matches
    "Hợp tác xã Cói Kim Sơn".
    """
    haystack = f" {fold(text)} "
    return all(word in haystack for word in fold(query).split())


def folded_filter(queryset, query: str, field: str):
    """``queryset`` narrowed to rows whose ``field`` matches ``query`` without marks.

    Folding happens here, not in the database (SQLite and PostgreSQL without
    ``unaccent`` cannot), so it suits the admin's choosers over lists of
    hundreds (products for sale, cooperatives, areas), not the shop's search.
    """
    if not fold(query):
        return queryset
    matching = [
        pk for pk, text in queryset.values_list("pk", field) if folded_match(query, text or "")
    ]
    return queryset.filter(pk__in=matching)
