"""Clean what vendors and members wrote before it was cleaned on save (issue 13).

Vendor stories lose any markup (they are plain text); in changes still
waiting for the Union, proposed descriptions pass the rich-text allow-list
and proposed titles lose markup. Rows
are read in chunks by primary key and only changed rows are written.
"""

from django.db import migrations

CHUNK = 1000


def clean_texts(apps, schema_editor):
    from core.sanitise import plain_text, rich_text

    Vendor = apps.get_model("marketplace", "Vendor")
    last_pk = 0
    while rows := list(
        Vendor.objects.filter(pk__gt=last_pk)
        .exclude(story="")
        .order_by("pk")
        .values_list("pk", "story")[:CHUNK]
    ):
        changed = [
            Vendor(pk=pk, story=plain_text(story))
            for pk, story in rows
            if plain_text(story) != story
        ]
        if changed:
            Vendor.objects.bulk_update(changed, ["story"], batch_size=CHUNK)
        last_pk = rows[-1][0]

    ListingRevision = apps.get_model("marketplace", "ListingRevision")
    for revision in ListingRevision.objects.filter(status="pending").only("pk", "data").iterator(
        chunk_size=CHUNK
    ):
        data = dict(revision.data or {})
        for name, clean in (("description", rich_text), ("title", plain_text)):
            if data.get(name):
                data[name] = clean(data[name])
        if data != revision.data:
            revision.data = data
            revision.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0009_stripe_events")]

    operations = [migrations.RunPython(clean_texts, migrations.RunPython.noop, elidable=True)]
