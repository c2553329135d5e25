from django import template
from django.utils.safestring import mark_safe

from catalog.cards import cards_html
from catalog.fragments import fragment_html

register = template.Library()


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """``{% product_cards products as cards %}``: each product's card HTML (``catalog.cards``)."""
    return cards_html(context, products)


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        request = context.get("request")
        if context.get("keep_fragment") is False:
            return self.nodelist.render(context)
        parts = tuple(part.resolve(context) for part in self.parts)

        def draw(csrf_token):
            if csrf_token is None:
                return self.nodelist.render(context)
            with context.push(csrf_token=csrf_token):
                return self.nodelist.render(context)

        # safe: the block's own rendering (escaped by its template), kept as drawn
        return mark_safe(fragment_html(request, self.name, parts, draw))


@register.tag
def kept(parser, token):
    """``{% kept "name" part... %}...{% endkept %}``: the HTML kept per catalogue version,
    language, day and parts (``catalog.fragments``); the view says ``keep_fragment=False``
    when the visitor must get it drawn for her."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept needs a name")
    name = bits[1].strip("\"'")
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, name, parts)
