"""Oscar's basket models; the basket reads its lines with what their prices need.

The fields and tables are Oscar's (its migrations, config/settings/oscar.py).
"""

from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached lines, with each product's class and stock records.

        Every line's price and availability go through the strategy, which
        reads the product's stock records and class: Oscar's own query leaves
        both out, so a basket of n lines paid 2n more queries on every page
        that shows it (the basket, the checkout, the header's total).
        """
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product__product_class", "product__parent__product_class", "stockrecord"
                )
                .prefetch_related("attributes", "product__images", "product__stockrecords")
                .order_by(self._meta.pk.name)
            )
        return self._lines

    @property
    def num_lines(self):
        """Oscar's count, from the lines themselves.

        Oscar counts with a query, then loads the lines anyway: its checks
        of an empty basket come right before reading them.
        """
        return len(self.all_lines())


from oscar.apps.basket.models import *  # noqa: E402, F403
