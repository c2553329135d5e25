"""Who sees the marketplace entries in Oscar's dashboard menu.

Named in settings (config/settings/oscar.py) and imported when the menu is first drawn.
"""


def can_view_vendors(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_vendor")


def can_view_listings(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_listing")


def is_vendor_member(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_authenticated and user.vendor_memberships.exists()


def can_view_settlements(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_payout")


def can_view_reports(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.has_perm("marketplace.view_reports")
