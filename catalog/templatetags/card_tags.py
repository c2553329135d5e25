from django import template

from catalog.cards import cards_html

register = template.Library()


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """``{% product_cards products as cards %}``: each product's card HTML (``catalog.cards``)."""
    return cards_html(context, products)
