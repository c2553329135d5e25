from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_LOGINS, DEMO_ORDER_LINES, demo_data_load


class Command(BaseCommand):
    help = "Load the demo marketplace (idempotent: a second run changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--products", type=int, default=300, help="How many demo products (default 300)."
        )
        parser.add_argument(
            "--orders",
            type=int,
            default=DEMO_ORDER_LINES,
            help=f"How many order lines across every district (default {DEMO_ORDER_LINES}).",
        )
        parser.add_argument(
            "--logins", action="store_true", help="Print the demo logins after loading."
        )

    def handle(self, *args, products: int, orders: int, logins: bool, **options):
        if products < 0 or products > 200_000:
            raise CommandError("--products must be between 0 and 200000.")
        if orders < 0 or orders > 1_000_000:
            raise CommandError("--orders must be between 0 and 1000000.")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  products {done}/{total}", ending="\r" if done < total else "\n")

        summary = demo_data_load(products=products, orders=orders, progress=progress)
        if summary.created:
            made = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {made}."))
        else:
            self.stdout.write("Demo data already complete; nothing changed.")
        if logins:
            self.stdout.write(f"\nThe marketplace: {settings.SITE_URL}/")
            for login in DEMO_LOGINS:
                self.stdout.write(
                    f"  {login.role:<20} {login.username:<30} {login.password:<22} {login.where}"
                )
