"""Template tags of a cooperative member's dashboard pages."""

from django import template

from dashboard.nav import member_nav_items

register = template.Library()


@register.simple_tag(takes_context=True)
def member_navigation(context) -> list[dict]:
    """Her menu (dashboard/nav.py), or [] when the page is not a member's: staff keep Oscar's."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_member_nav_items", None)
    if cached is None:
        cached = request._member_nav_items = member_nav_items(request)
    return cached
