"""Groups and permissions for the Union's people; ``roles_sync`` makes them so (idempotent).

- *Union staff*: moderate vendors and listings, and curate the Union's pages
  without being superusers: write pages (and submit them for approval),
  manage product collections, upload pictures and documents, moderate
  contest entries. They cannot publish.
- *Union leader*: everything Union staff do, plus publishing and approving
  the pages Union staff submit (Wagtail's moderation workflow "Union
  approval", set on the whole page tree).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

UNION_STAFF = "Union staff"
UNION_LEADER = "Union leader"
UNION_WORKFLOW = "Union approval"
UNION_APPROVAL_TASK = "Union leader approval"

# What Union staff may do without being superusers.
UNION_STAFF_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("marketplace", "view_administrativearea"),
    ("marketplace", "add_administrativearea"),
    ("marketplace", "change_administrativearea"),
    ("marketplace", "view_vendor"),
    ("marketplace", "change_vendor"),
    # /dashboard/reports/, for the area each one answers for (marketplace.permissions).
    ("marketplace", "view_reports"),
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
    # Curation: collections (snippets) and contest moderation.
    ("cms", "view_productcollection"),
    ("cms", "add_productcollection"),
    ("cms", "change_productcollection"),
    ("cms", "delete_productcollection"),
    ("cms", "view_contestentry"),
    ("cms", "change_contestentry"),
    # Requests to join the Union and reports of abuse (the union app's dashboard pages).
    ("union", "view_membershiprequest"),
    ("union", "change_membershiprequest"),
    ("union", "view_abusereport"),
    ("union", "change_abusereport"),
)
# Page permissions on the whole tree: staff write and submit; leaders also publish.
STAFF_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
LEADER_PAGE_PERMISSIONS = (*STAFF_PAGE_PERMISSIONS, "publish_page", "unlock_page")
# Pictures and documents in the root collection (portraits, galleries, reports).
MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
)


def _permissions(pairs) -> list[Permission]:
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]


def _group(name: str, permissions: list[Permission]) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    if set(group.permissions.all()) != set(permissions):
        group.permissions.set(permissions)
    return group


def _page_permissions(group: Group, codenames) -> None:
    root = Page.get_first_root_node()
    if root is None:
        return
    page_type = ContentType.objects.get_for_model(Page)
    wanted = set(Permission.objects.filter(content_type=page_type, codename__in=codenames))
    existing = GroupPagePermission.objects.filter(group=group, page=root)
    existing.exclude(permission__in=wanted).delete()
    have = set(existing.values_list("permission_id", flat=True))
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=root, permission=permission)
        for permission in wanted
        if permission.pk not in have
    )


def _media_permissions(group: Group) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app, model, codenames in MEDIA_PERMISSIONS:
        for permission in Permission.objects.filter(
            content_type__app_label=app, content_type__model=model, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _workflow(leader: Group) -> None:
    """Pages anywhere in the tree go to a Union leader for approval."""
    root = Page.get_first_root_node()
    if root is None:
        return
    task = GroupApprovalTask.objects.filter(name=UNION_APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=UNION_APPROVAL_TASK)
    task.groups.set([leader])
    workflow, _ = Workflow.objects.get_or_create(name=UNION_WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


@transaction.atomic
def roles_sync() -> Group:
    """Create the Union staff and Union leader groups with exactly their permissions.

    Run after migrations (permissions exist only then); idempotent. Returns
    the Union staff group.
    """
    permissions = _permissions(UNION_STAFF_PERMISSIONS)
    staff = _group(UNION_STAFF, permissions)
    leader = _group(UNION_LEADER, permissions)
    _page_permissions(staff, STAFF_PAGE_PERMISSIONS)
    _page_permissions(leader, LEADER_PAGE_PERMISSIONS)
    for group in (staff, leader):
        _media_permissions(group)
    _workflow(leader)
    return staff


def union_leader_group() -> Group:
    roles_sync()
    return Group.objects.get(name=UNION_LEADER)
