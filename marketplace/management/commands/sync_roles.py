from django.core.management.base import BaseCommand

from marketplace.services.roles import roles_sync


class Command(BaseCommand):
    help = "Create or update the Union staff group and its permissions (idempotent)."

    def handle(self, *args, **options):
        group = roles_sync()
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions.")
