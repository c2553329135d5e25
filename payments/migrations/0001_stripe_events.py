"""The Stripe event log, taken over from the marketplace app with its table (no SQL runs)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("marketplace", "0009_stripe_events"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StripeEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("event_id", models.CharField(max_length=255, unique=True, verbose_name="Stripe event")),
                        ("type", models.CharField(db_index=True, max_length=100, verbose_name="type")),
                        ("object_id", models.CharField(blank=True, db_index=True, max_length=255, verbose_name="Stripe object")),
                        ("livemode", models.BooleanField(default=False, verbose_name="live mode")),
                        ("created", models.DateTimeField(blank=True, null=True, verbose_name="created at Stripe")),
                        ("received_at", models.DateTimeField(auto_now_add=True, verbose_name="received")),
                        ("handlers", models.JSONField(blank=True, default=list, verbose_name="handled by")),
                    ],
                    options={
                        "verbose_name": "Stripe event",
                        "verbose_name_plural": "Stripe events",
                        "db_table": "marketplace_stripeevent",
                        "ordering": ["-received_at", "-pk"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
