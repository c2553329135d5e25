from django.utils.functional import SimpleLazyObject

from cms.selectors import curated_product_ids


def curation(request):
    """Curated product ids for the card badge: queried once, and only if a card asks."""
    return {"curated_product_ids": SimpleLazyObject(curated_product_ids)}
