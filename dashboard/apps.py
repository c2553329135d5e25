import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard app, forked for its index: a member starts from "Today".

    Oscar's ``ready()`` loads the index with ``get_class``, which finds
    ``IndexView`` in this fork's ``dashboard/views.py`` first. Classes the
    fork does not define (the login view, the other dashboard apps' views)
    are still Oscar's.
    """

    name = "dashboard"

    def get_url_decorator(self, pattern):
        # IndexView sends a member to "Today" first, then checks Oscar's
        # permissions for "index" itself (a member of a vendor not yet approved
        # has none of them).
        if pattern.name == "index":
            return None
        return super().get_url_decorator(pattern)
