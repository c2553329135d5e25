"""What lists share: who may open a back-office list, and a list's pages of rows."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


class StaffPermissionMixin(PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without the permission get 403."""

    def handle_no_permission(self):
        self.raise_exception = self.request.user.is_authenticated
        return super().handle_no_permission()


def page_of(request, queryset, per_page=30):
    """The paginator and the page ``?page=`` asks for; an unknown page is a 404, not a 500."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator, paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("That page does not exist.")) from None
