import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket app, forked so that only products for sale go into a basket.

    Oscar's ``ready()`` loads its add view with ``get_class``, which finds
    ``BasketAddView`` in this fork's ``basket/views.py`` first.
    """

    name = "basket"
