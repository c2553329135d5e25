"""The Stripe event log belongs to the payments app now; its table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0011_refund_states"),
        ("payments", "0001_stripe_events"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="StripeEvent")],
            database_operations=[],
        ),
    ]
