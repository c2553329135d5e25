"""Joining the Union and reporting abuse (public), and staff's pages for both (dashboard).

Public forms are rate-limited by address (``RATE_LIMITS``: "union-join",
"abuse-report"); a refused request changes nothing. Staff's pages sit in
Oscar's dashboard layout, behind the ``union`` permissions the Union staff
group holds (``marketplace.services.roles``).
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cms.models import ContestEntry
from core.lists import StaffPermissionMixin, page_of
from core.ratelimit import client_ip, hit, rate_limit, refused
from core.refusals import refusal_as_message, refusal_on_form
from union import selectors
from union.consent import CONSENT_PURPOSE, CONSENT_VERSION
from union.forms import AbuseReportForm, MembershipRequestForm, ReportDecisionForm
from union.models import AbuseReport, MembershipRequest
from union.services import (
    item_vendor,
    membership_decide,
    membership_erase,
    membership_request_submit,
    membership_sms_text,
    report_submit,
    report_target,
    reported_item,
    reports_dismiss,
    reports_hide_item,
    reports_suspend_vendor,
)

# --------------------------------------------------------------------------
# Joining the Union (the JoinPage's serve)
# --------------------------------------------------------------------------


def _join_page(page, request, form) -> TemplateResponse:
    context = page.get_context(request)
    context.update(form=form, consent_purpose=CONSENT_PURPOSE, consent_version=CONSENT_VERSION)
    return TemplateResponse(request, page.get_template(request), context)


def join_page_serve(page, request):
    if request.method != "POST":
        return _join_page(page, request, MembershipRequestForm())
    wait = hit("union-join", client_ip(request))
    if wait:
        return refused(request, wait)
    form = MembershipRequestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        with refusal_on_form(form):
            membership_request_submit(
                full_name=data["full_name"],
                birth_year=data["birth_year"],
                phone=data["phone"],
                email=data["email"],
                commune=data["commune"],
                place_outside=data["place_outside"],
                occupation=data["occupation"],
                consented=data["consent"],
                language=translation.get_language() or "vi",
            )
            messages.success(
                request,
                page.thank_you
                or _(
                    "Thank you! Your request has reached the Union. Its staff will call you "
                    "within a few days."
                ),
            )
            return HttpResponseRedirect(page.url)
    return _join_page(page, request, form)


# --------------------------------------------------------------------------
# Reporting abuse
# --------------------------------------------------------------------------


def _item_url(kind: str, item) -> str:
    if kind == AbuseReport.Kind.CONTEST_ENTRY:
        return item.contest.url
    if kind == AbuseReport.Kind.STORY:
        return item.url
    return item.get_absolute_url()


class AbuseReportView(TemplateView):
    """``/report/?kind=product&id=12``: anyone, signed in or not, reports an item she sees."""

    template_name = "union/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        params = request.POST if request.method == "POST" else request.GET
        self.kind = params.get("kind", "")
        self.target = report_target(self.kind, params.get("id"))
        if self.target is None:
            raise Http404(_("This item cannot be reported: it is no longer shown."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AbuseReportForm())
        return super().get_context_data(
            kind=self.kind,
            target=self.target,
            kind_label=AbuseReport.Kind(self.kind).label,
            item_url=_item_url(self.kind, self.target),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = AbuseReportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        report_submit(
            kind=self.kind,
            target=self.target,
            reason=form.cleaned_data["reason"],
            details=form.cleaned_data["details"],
            contact=form.cleaned_data["contact"],
            reporter=request.user,
        )
        messages.success(request, _("Thank you. The Union's staff will look at your report soon."))
        return HttpResponseRedirect(_item_url(self.kind, self.target))


abuse_report_view = rate_limit("abuse-report")(AbuseReportView.as_view())


# --------------------------------------------------------------------------
# Staff: requests to join
# --------------------------------------------------------------------------


class MembershipRequestListView(StaffPermissionMixin, TemplateView):
    permission_required = "union.view_membershiprequest"
    template_name = "union/dashboard/membership_list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", MembershipRequest.Status.PENDING)
        if status not in MembershipRequest.Status.values:
            status = MembershipRequest.Status.PENDING
        queryset = selectors.membership_requests_for(self.request.user, status=status)
        paginator, page = page_of(self.request, queryset)
        return super().get_context_data(
            status=status,
            statuses=MembershipRequest.Status.choices,
            requests=page.object_list,
            paginator=paginator,
            page_obj=page,
            **kwargs,
        )


class MembershipRequestDetailView(StaffPermissionMixin, TemplateView):
    """One request: call her, then accept or decline; the text to send her; erasure."""

    permission_required = "union.change_membershiprequest"
    template_name = "union/dashboard/membership_detail.html"

    def get_object(self) -> MembershipRequest:
        return get_object_or_404(
            selectors.membership_requests_for(self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        request = self.get_object()
        with translation.override(request.language or "vi"):
            sms = membership_sms_text(request)
        return super().get_context_data(membership=request, sms_text=sms, **kwargs)

    def post(self, request, *args, **kwargs):
        membership = self.get_object()
        action = request.POST.get("action")
        with refusal_as_message(request):
            if action in ("accept", "decline"):
                membership_decide(request=membership, actor=request.user, accept=action == "accept")
                messages.success(
                    request,
                    _("Decision saved. Send her the text below.")
                    if not membership.email
                    else _("Decision saved; she was sent an e-mail. Send her the text below too."),
                )
            elif action == "erase":
                if request.POST.get("confirm") != "yes":
                    messages.error(request, _("Tick the box to confirm she asked for erasure."))
                else:
                    membership_erase(request=membership, actor=request.user)
                    messages.success(request, _("Her personal data has been erased."))
            else:
                messages.error(request, _("Choose an action."))
        return redirect("marketplace:dashboard-membership-detail", pk=membership.pk)


class MembershipRequestExportView(StaffPermissionMixin, View):
    """The requests staff may see, as CSV for a spreadsheet (erased ones left out)."""

    permission_required = "union.view_membershiprequest"

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="members-{stamp}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 with its byte-order mark
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Number"),
                _("Full name"),
                _("Year of birth"),
                _("Phone"),
                _("E-mail"),
                _("Commune or ward"),
                _("District"),
                _("Outside the province"),
                _("Occupation"),
                _("Status"),
                _("Sent"),
                _("Consent given"),
                _("Consent text version"),
            ]
        )
        rows = selectors.membership_requests_for(request.user).exclude(
            status=MembershipRequest.Status.ERASED
        )
        for row in rows.order_by("created_at", "pk"):
            writer.writerow(
                [
                    row.pk,
                    _csv_cell(row.full_name),
                    row.birth_year or "",
                    row.phone,
                    _csv_cell(row.email),
                    row.commune.name if row.commune else "",
                    row.commune.parent.name if row.commune and row.commune.parent else "",
                    _csv_cell(row.place_outside),
                    row.get_occupation_display(),
                    row.get_status_display(),
                    timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
                    timezone.localtime(row.consent_at).strftime("%Y-%m-%d %H:%M")
                    if row.consent_at
                    else "",
                    row.consent_version,
                ]
            )
        return response


def _csv_cell(text: str) -> str:
    """No formula injection: a spreadsheet must not run what someone typed into a form."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


# --------------------------------------------------------------------------
# Staff: reports of abuse
# --------------------------------------------------------------------------


class AbuseReportQueueView(StaffPermissionMixin, TemplateView):
    permission_required = "union.view_abusereport"
    template_name = "union/dashboard/report_queue.html"

    def get_context_data(self, **kwargs):
        paginator, page = page_of(self.request, selectors.report_queue())
        kinds = dict(AbuseReport.Kind.choices)
        rows = [{**row, "kind_label": kinds.get(row["kind"], row["kind"])} for row in page]
        return super().get_context_data(rows=rows, paginator=paginator, page_obj=page, **kwargs)


class AbuseReportItemView(StaffPermissionMixin, TemplateView):
    """The reported item, every report about it, what was decided, and the three actions."""

    permission_required = "union.change_abusereport"
    template_name = "union/dashboard/report_item.html"

    def dispatch(self, request, *args, **kwargs):
        self.kind = kwargs["kind"]
        if self.kind not in AbuseReport.Kind.values:
            raise Http404
        self.object_id = kwargs["object_id"]
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.pop("kind", None), kwargs.pop("object_id", None)  # the URL's, read in dispatch
        reports = list(selectors.reports_about(self.kind, self.object_id))
        if not reports:
            raise Http404
        item = reported_item(self.kind, self.object_id)
        vendor = item_vendor(self.kind, item)
        return super().get_context_data(
            kind=self.kind,
            kind_label=AbuseReport.Kind(self.kind).label,
            object_id=self.object_id,
            item=item,
            item_title=reports[0].item_title,
            public_url=_public_url(self.kind, item),
            is_entry=isinstance(item, ContestEntry),
            vendor=vendor,
            can_hide=self.kind != AbuseReport.Kind.VENDOR and item is not None,
            can_suspend=vendor is not None and vendor.is_approved,
            reports=reports,
            open_count=sum(1 for r in reports if r.status == AbuseReport.Status.OPEN),
            events=selectors.events_about(self.kind, self.object_id),
            form=kwargs.pop("form", None) or ReportDecisionForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ReportDecisionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(request.path)
        action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        arguments = {"kind": self.kind, "object_id": self.object_id, "actor": request.user}
        with refusal_as_message(request):
            if action == form.DISMISS:
                reports_dismiss(**arguments, reason=reason)
                messages.success(request, _("The reports are dismissed."))
            elif action == form.HIDE:
                reports_hide_item(**arguments, reason=reason)
                messages.success(
                    request, _("The item is hidden from the shop until it is reviewed again.")
                )
            else:
                reports_suspend_vendor(**arguments, reason=reason)
                messages.success(request, _("The cooperative is suspended."))
            return redirect("marketplace:dashboard-report-queue")
        return redirect(request.path)


def _public_url(kind: str, item) -> str:
    return "" if item is None else (_item_url(kind, item) or "")
