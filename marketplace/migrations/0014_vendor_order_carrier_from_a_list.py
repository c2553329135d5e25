"""Carriers come from a list (marketplace/carriers.py); parcels already shipped keep theirs.

Names typed before the list (any case, spaces or none) become the list's codes;
a name the list does not know stays as typed and is shown as typed.
"""

from django.db import migrations, models

KNOWN = {
    "vnpost": "vnpost",
    "vietnampost": "vnpost",
    "buudien": "vnpost",
    "viettelpost": "viettelpost",
    "ghn": "ghn",
    "giaohangnhanh": "ghn",
    "ghtk": "ghtk",
    "giaohangtietkiem": "ghtk",
    "j&texpress": "jt",
    "j&t": "jt",
    "jt": "jt",
    "jtexpress": "jt",
}


def _key(name: str) -> str:
    return "".join(name.lower().split())


def carriers_to_codes(apps, schema_editor):
    VendorOrder = apps.get_model("marketplace", "VendorOrder")
    for part in VendorOrder.objects.exclude(carrier="").only("pk", "carrier"):
        code = KNOWN.get(_key(part.carrier))
        if code and code != part.carrier:
            VendorOrder.objects.filter(pk=part.pk).update(carrier=code)


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0013_delivery_zones"),
    ]

    operations = [
        migrations.AlterField(
            model_name="vendororder",
            name="carrier",
            field=models.CharField(
                blank=True,
                choices=[
                    ("vnpost", "VNPost"),
                    ("viettelpost", "Viettel Post"),
                    ("ghn", "GHN"),
                    ("ghtk", "GHTK"),
                    ("jt", "J&T Express"),
                    ("other", "Other"),
                ],
                max_length=64,
                verbose_name="carrier",
            ),
        ),
        migrations.RunPython(carriers_to_codes, migrations.RunPython.noop),
    ]
