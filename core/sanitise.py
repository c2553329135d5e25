"""Text users write is cleaned once, when it is saved, and shown from the cleaned value.

Members of cooperatives write product descriptions in Oscar's editor
(TinyMCE: paragraphs, headings, bold, italic, quotes, lists, links), and
vendors write their story as plain text. Both end up in Union staff's
browser on the review pages and in shoppers' browsers on the public pages,
so nothing a user writes may carry script: an allow-list sanitiser (nh3)
keeps the formatting the editor makes and drops everything else, tags and
attributes alike. Links keep only web, mail and phone addresses, and get
``rel="noopener noreferrer nofollow"``.

The models call these in ``save()`` (``catalog.models``, ``marketplace.models``),
so every way in (forms, admin, services, the demo loader, imports) is covered;
paths that write with ``QuerySet.update`` call them themselves, and the
``rich_text`` template filter cleans again where HTML is shown, for rows that
reached the database some other way (fixtures, raw SQL).
"""

from __future__ import annotations

import html

import nh3

# What Oscar's product editor produces (oscar/js/oscar/dashboard.js, tinyConfig:
# styles h2-h6, bold, italic, blockquote, bulleted and numbered lists, link).
# Tables are left out: the editor has no table button.
RICH_TEXT_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "ul",
        "ol",
        "li",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "a",
    }
)
RICH_TEXT_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "noopener noreferrer nofollow"

_rich = nh3.Cleaner(
    tags=set(RICH_TEXT_TAGS),
    attributes={tag: set(names) for tag, names in RICH_TEXT_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
)
_no_tags = nh3.Cleaner(tags=set(), attributes={})


def rich_text(value: str | None) -> str:
    """``value`` with only the formatting of the allow-list: safe to show as HTML."""
    if not value:
        return ""
    return _rich.clean(value)


def plain_text(value: str | None) -> str:
    """``value`` without any markup, as the text a person reads; shown escaped.

    Tags go (script and style with their content), entities are read back
    into characters, so "Gạo & ngô < 5 kg" stays as typed. Repeated until
    nothing changes: an escaped ``&lt;script&gt;`` must not come back a tag.
    """
    if not value:
        return ""
    # Each round that changes the text shortens it (a tag or an entity goes),
    # so this settles; the cap only bounds a pathological input, which then
    # keeps its last layer escaped: never a tag.
    for _attempt in range(50):
        cleaned = html.unescape(_no_tags.clean(value))
        if cleaned == value:
            return value
        value = cleaned
    return _no_tags.clean(value)
