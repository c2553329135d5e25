from django import template

from core.thumbnails import picture_sources as sources_of

register = template.Library()


@register.simple_tag
def picture_sources(image):
    """``{% picture_sources image as sources %}``: its thumbnails, ``sources.small.url``,
    ``.width``, ``.height`` (and ``medium``, ``large``); empty when its file is missing."""
    return sources_of(image)
