"""Clean what vendors and members wrote before it was cleaned on save (issue 13).

Vendor stories lose any markup (they are plain text); proposed descriptions
in changes still waiting for the Union pass the rich-text allow-list. Rows
are read in chunks by primary key and only changed rows are written.
"""

from django.db import migrations

CHUNK = 1000


def clean_texts(apps, schema_editor):
    from marketplace.sanitise import plain_text, rich_text

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
        description = (revision.data or {}).get("description")
        if description and rich_text(description) != description:
            revision.data["description"] = rich_text(description)
            revision.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0009_stripe_events")]

    operations = [migrations.RunPython(clean_texts, migrations.RunPython.noop, elidable=True)]
