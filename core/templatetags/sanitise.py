"""``{{ product.description|rich_text }}``: user-written HTML, cleaned, ready to show.

The value was cleaned when it was saved (``core.sanitise``); cleaning
it again here costs microseconds and covers rows that reached the database
without ``save()`` (fixtures, raw SQL, an old revision), so no template
turns off escaping for text a user wrote.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.sanitise import rich_text as clean_rich_text

register = template.Library()


@register.filter(name="rich_text")
def rich_text(value) -> SafeString:
    # safe: nh3's allow-list has just removed every tag, attribute and URL that could run.
    return mark_safe(clean_rich_text(str(value) if value is not None else ""))
