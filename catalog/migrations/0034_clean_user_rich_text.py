"""Clean the HTML users wrote before it was cleaned on save (issue 13).

Product descriptions, category descriptions and rich-text attribute values
pass the allow-list of ``core.sanitise``; product titles lose markup. Rows are read by primary key
in chunks of 1,000 (two columns only) and only the rows that change are
written, so a catalogue of 10,000 clean products costs ten reads and no write.
"""

from django.db import migrations

CHUNK = 1000


def clean_column(model, field: str, clean) -> None:
    last_pk = 0
    while True:
        rows = list(
            model.objects.filter(pk__gt=last_pk)
            .exclude(**{field: ""})
            .exclude(**{f"{field}__isnull": True})
            .order_by("pk")
            .values_list("pk", field)[:CHUNK]
        )
        if not rows:
            return
        changed = []
        for pk, value in rows:
            cleaned = clean(value)
            if cleaned != value:
                changed.append(model(pk=pk, **{field: cleaned}))
        if changed:
            model.objects.bulk_update(changed, [field], batch_size=CHUNK)
        last_pk = rows[-1][0]


def clean_rich_text(apps, schema_editor):
    from core.sanitise import plain_text, rich_text

    Product = apps.get_model("catalogue", "Product")
    clean_column(Product, "description", rich_text)
    clean_column(Product, "title", plain_text)
    Category = apps.get_model("catalogue", "Category")
    clean_column(Category, "description", rich_text)
    clean_column(Category, "long_description", rich_text)
    clean_column(apps.get_model("catalogue", "ProductAttributeValue"), "value_richtext", rich_text)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0033_local_product_fields")]

    operations = [migrations.RunPython(clean_rich_text, migrations.RunPython.noop, elidable=True)]
