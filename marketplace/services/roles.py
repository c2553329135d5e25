from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

UNION_STAFF = "Union staff"

# What Union staff may do without being superusers. Wagtail's own "Editors"
# and "Moderators" groups carry the page permissions.
UNION_STAFF_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("marketplace", "view_administrativearea"),
    ("marketplace", "add_administrativearea"),
    ("marketplace", "change_administrativearea"),
    ("marketplace", "view_vendor"),
    ("marketplace", "change_vendor"),
    ("marketplace", "view_listing"),
    ("marketplace", "change_listing"),
    # Listing on behalf of a member who lacks the skills, in Oscar's dashboard.
    ("catalogue", "view_product"),
    ("catalogue", "add_product"),
    ("catalogue", "change_product"),
    ("catalogue", "view_category"),
    ("partner", "view_stockrecord"),
    ("partner", "add_stockrecord"),
    ("partner", "change_stockrecord"),
    # Orders, including a suspended vendor's open ones.
    ("order", "view_order"),
    ("order", "change_order"),
    # Checkouts (transfers received, refunds) and settlements with cooperatives.
    ("marketplace", "view_ordergroup"),
    ("marketplace", "change_ordergroup"),
    ("marketplace", "add_refund"),
    ("marketplace", "view_payout"),
    ("marketplace", "add_payout"),
    ("marketplace", "add_commissionrate"),
)


@transaction.atomic
def roles_sync() -> Group:
    """Create the Union staff group and give it exactly its permissions.

    Run after migrations (permissions exist only then); idempotent.
    """
    group, _ = Group.objects.get_or_create(name=UNION_STAFF)
    wanted = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in UNION_STAFF_PERMISSIONS
    ]
    if set(group.permissions.all()) != set(wanted):
        group.permissions.set(wanted)
    return group
