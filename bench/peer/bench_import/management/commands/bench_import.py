"""Load the marketplace's exported products into this stock Oscar shop.

The file is checked whole first (bench.dataset.dataset_parse): a bad file
changes nothing. Rows are written in bulk in one transaction.
"""

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from oscar.core.loading import get_model

from bench.dataset import DatasetError, dataset_read

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

BATCH = 1000


class Command(BaseCommand):
    help = "Import a benchmark dataset (bench/dataset.py format) into an empty catalogue."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path: str, **options):
        try:
            categories, products = dataset_read(path)
        except DatasetError as exc:
            raise CommandError(str(exc)) from None
        if Product.objects.exists() or Category.objects.exists():
            raise CommandError("The catalogue is not empty: import into a fresh database.")
        with transaction.atomic():
            Site.objects.filter(pk=1).update(domain="127.0.0.1", name="Oscar")
            by_slug = {}
            for record in categories:
                fields = {"name": record.name, "slug": record.slug}
                fields["description"] = record.description
                if record.parent:
                    by_slug[record.slug] = by_slug[record.parent].add_child(**fields)
                else:
                    by_slug[record.slug] = Category.add_root(**fields)
            product_class = ProductClass.objects.create(
                name="Đặc sản địa phương", requires_shipping=True, track_stock=True
            )
            partners = {}
            for record in products:
                if record.partner_code not in partners:
                    partners[record.partner_code], _ = Partner.objects.get_or_create(
                        code=record.partner_code, defaults={"name": record.partner}
                    )
            for start in range(0, len(products), BATCH):
                self._batch(products[start : start + BATCH], by_slug, product_class, partners)
        self.stdout.write(f"imported {len(categories)} categories, {len(products)} products")

    def _batch(self, records, by_slug, product_class, partners):
        created = Product.objects.bulk_create(
            Product(
                structure=Product.STANDALONE,
                upc=r.upc,
                title=r.title,
                slug=r.slug,
                description=r.description,
                product_class=product_class,
                is_public=True,
            )
            for r in records
        )
        if created and created[0].pk is None:
            ids = dict(
                Product.objects.filter(upc__in=[r.upc for r in records]).values_list("upc", "pk")
            )
            for product in created:
                product.pk = ids[product.upc]
        pairs = list(zip(created, records, strict=True))
        ProductCategory.objects.bulk_create(
            ProductCategory(product=p, category=by_slug[r.category]) for p, r in pairs
        )
        StockRecord.objects.bulk_create(
            StockRecord(
                product=p,
                partner=partners[r.partner_code],
                partner_sku=r.upc,
                price_currency=r.currency,
                price=r.price,
                num_in_stock=r.stock,
            )
            for p, r in pairs
        )
        ProductImage.objects.bulk_create(
            ProductImage(product=p, original=r.image, caption="", display_order=0)
            for p, r in pairs
            if r.image
        )
