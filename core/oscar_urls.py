"""Oscar's URL patterns with some of their views swapped, in Oscar's own app configs.

Oscar builds a few URLs straight from Django's views, with no view attribute
a fork could set (password reset, in its root app), or one view attribute for
several URLs (the product editor). A fork's ``get_urls`` then swaps the view
of a named pattern: Oscar's route, name and arguments stay, so the URL is
Oscar's and nothing registered before it wins silently. A name Oscar no longer
has stops the site at start-up instead of leaving Oscar's view in place.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern


def urls_with_views(patterns: list, views: dict[str, Callable]) -> list:
    """``patterns`` with each pattern named in ``views`` answered by that view."""
    names = {getattr(pattern, "name", None) for pattern in patterns}
    missing = set(views) - names
    if missing:
        raise ImproperlyConfigured(
            f"Oscar has no URL named {', '.join(sorted(missing))} any more: "
            "find where it went and swap the view there."
        )
    return [
        URLPattern(pattern.pattern, views[pattern.name], pattern.default_args, pattern.name)
        if isinstance(pattern, URLPattern) and pattern.name in views
        else pattern
        for pattern in patterns
    ]
