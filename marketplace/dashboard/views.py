"""The Union's vendor review queue and audit log, inside Oscar's dashboard layout."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from marketplace import selectors
from marketplace.forms import ModerationEventFilterForm, VendorDecisionForm
from marketplace.models import Vendor
from marketplace.services.vendors import vendor_decide


class StaffPermissionMixin(PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without the permission get 403."""

    def handle_no_permission(self):
        self.raise_exception = self.request.user.is_authenticated
        return super().handle_no_permission()


def _page(request, queryset, per_page=30):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator, paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404 from None


class VendorModerationListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_vendor"
    template_name = "marketplace/dashboard/vendor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Vendor.Status.APPLIED)
        if status not in Vendor.Status.values:
            status = Vendor.Status.APPLIED
        queryset = (
            Vendor.objects.filter(status=status)
            .select_related("partner", "commune__parent")
            .order_by("created_at", "pk")
        )
        paginator, page = _page(self.request, queryset)
        context.update(
            status=status,
            statuses=Vendor.Status.choices,
            vendors=page.object_list,
            paginator=paginator,
            page_obj=page,
        )
        return context


class VendorModerationDetailView(StaffPermissionMixin, TemplateView):
    """A vendor's application and history, and the decision form (POST)."""

    permission_required = "marketplace.view_vendor"
    template_name = "marketplace/dashboard/vendor_detail.html"

    def get_vendor(self) -> Vendor:
        return get_object_or_404(
            Vendor.objects.select_related("partner", "commune__parent", "status_changed_by"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor = kwargs.get("vendor") or self.get_vendor()
        context.update(
            vendor=vendor,
            members=vendor.members.select_related("user"),
            events=vendor.events.select_related("actor"),
            form=kwargs.get("form") or VendorDecisionForm(),
            can_decide=self.request.user.has_perm("marketplace.change_vendor"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("marketplace.change_vendor"):
            self.raise_exception = True
            return self.handle_no_permission()
        vendor = self.get_vendor()
        form = VendorDecisionForm(request.POST)
        if form.is_valid():
            try:
                vendor_decide(
                    vendor=vendor,
                    actor=request.user,
                    action=form.cleaned_data["action"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Decision recorded; the vendor has been told."))
                return redirect("marketplace:dashboard-vendor-detail", pk=vendor.pk)
        return self.render_to_response(self.get_context_data(vendor=vendor, form=form), status=400)


class ModerationEventListView(StaffPermissionMixin, TemplateView):
    permission_required = "marketplace.view_vendor"
    template_name = "marketplace/dashboard/moderation_event_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ModerationEventFilterForm(self.request.GET or None)
        paginator, page = _page(self.request, selectors.moderation_events(**form.filters()))
        context.update(form=form, events=page.object_list, paginator=paginator, page_obj=page)
        return context
