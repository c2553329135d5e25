from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from core.lists import page_of
from core.ratelimit import rate_limit
from core.refusals import Refusal, refusal_on_form
from marketplace import selectors
from marketplace.forms import NewAccountForm, VendorApplicationForm, VendorFilterForm
from marketplace.models import AdministrativeArea, Vendor, VendorInvitation
from marketplace.permissions import member_vendor
from marketplace.services.accounts import account_register
from marketplace.services.invitations import invitation_accept
from marketplace.services.vendors import (
    already_member_message,
    applicant_account_create,
    vendor_apply,
)

logger = logging.getLogger(__name__)


def _product_page(request, queryset):
    products = selectors.product_cards(queryset.order_by("-date_created", "-pk"))
    paginator, page = page_of(request, products, 24)
    return {"products": page.object_list, "paginator": paginator, "page_obj": page}


class VendorListView(TemplateView):
    """/cooperatives/: approved vendors, filtered by district, commune and kind."""

    template_name = "marketplace/vendor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = VendorFilterForm(self.request.GET or None)
        filters = form.filters()
        paginator, page = page_of(self.request, selectors.vendors_public(**filters), 24)
        context.update(
            form=form,
            filters=filters,
            districts=selectors.districts_active(),
            communes=filters["district"].children.filter(is_active=True).order_by("name")
            if filters["district"]
            else [],
            kinds=Vendor.Kind.choices,
            vendors=page.object_list,
            paginator=paginator,
            page_obj=page,
        )
        return context


class VendorDetailView(TemplateView):
    """/cooperatives/<slug>/: a vendor's story, area and products for sale.

    Only approved vendors have a public page; Union staff may preview others.
    """

    template_name = "marketplace/vendor_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor = get_object_or_404(
            Vendor.objects.select_related("partner", "commune__parent"), slug=kwargs["slug"]
        )
        if not vendor.is_approved and not self.request.user.has_perm("marketplace.view_vendor"):
            raise Http404
        context.update(
            vendor=vendor,
            **_product_page(self.request, selectors.vendor_products(vendor)),
        )
        if not context["paginator"].count:  # nothing for sale: where to look instead
            context["vendors_nearby"] = selectors.vendors_nearby(vendor)
        return context


class AreaListView(TemplateView):
    """/areas/: the districts the Union's cooperatives sell from."""

    template_name = "marketplace/area_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["districts"] = selectors.districts_public()
        return context


class AreaDetailView(TemplateView):
    """/areas/<district>/ and /areas/<district>/<commune>/: vendors and products there."""

    template_name = "marketplace/area_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = get_object_or_404(
            AdministrativeArea,
            level=AdministrativeArea.Level.DISTRICT,
            is_active=True,
            slug=kwargs["district"],
        )
        area = district
        if kwargs.get("commune"):
            area = get_object_or_404(
                district.children.filter(is_active=True), slug=kwargs["commune"]
            )
        vendors = selectors.vendors_public(
            district=district, commune=area if area is not district else None
        )
        context.update(
            area=area,
            district=district,
            communes=district.children.filter(is_active=True).order_by("name"),
            vendors=vendors,
            **_product_page(self.request, selectors.area_products(area)),
        )
        return context


@method_decorator(
    rate_limit("vendor-apply", email=lambda request: request.POST.get("email", "")),
    name="dispatch",
)
class VendorApplyView(FormView):
    """/sell/apply/: a business asks to sell; it gets an account and a reply by e-mail.

    A newcomer's page is the same whether her e-mail has an account or not:
    a new address gets a waiting account and the application, opened from
    the e-mail; a known one gets only an e-mail saying to sign in first.
    """

    template_name = "marketplace/vendor_apply.html"
    form_class = VendorApplicationForm

    def dispatch(self, request, *args, **kwargs):
        # A member already works for a vendor: she is told so, and sent to its dashboard.
        vendor = member_vendor(request.user)
        if vendor is not None:
            messages.error(request, already_member_message(vendor))
            return redirect("marketplace:dashboard-member-listings")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        user = self.request.user
        self.request.session["applied_name"] = data["name"]
        if not user.is_authenticated:
            user = account_register(
                email=data["email"],
                password=data["password1"],
                first_name=data["contact_name"],
                purpose="apply",
            )
            if user is None:  # a known address: its owner reads what to do in her mailbox
                return redirect(reverse("marketplace:apply-received"))
        with refusal_on_form(form):  # she joined a vendor since the page opened, say
            vendor_apply(
                user=user,
                name=data["name"],
                kind=data["kind"],
                commune=data["commune"],
                address=data["address"],
                phone=data["phone"],
                email=data["email"],
                story=data["story"],
                photo=data["photo"],
                language=data["language"],
            )
            return redirect(reverse("marketplace:apply-received"))
        return self.form_invalid(form)


class VendorApplyReceivedView(TemplateView):
    template_name = "marketplace/vendor_apply_received.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["applied_name"] = self.request.session.get("applied_name")
        return context


class InvitationAcceptView(TemplateView):
    """/sell/invitations/<token>/: join a vendor, with a new account or a signed-in one."""

    template_name = "marketplace/invitation_accept.html"

    def get_invitation(self) -> VendorInvitation:
        return get_object_or_404(
            VendorInvitation.objects.select_related("vendor__partner"), token=self.kwargs["token"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invitation = self.get_invitation()
        context.update(
            invitation=invitation,
            form=kwargs.get("form")
            or (None if self.request.user.is_authenticated else NewAccountForm()),
            error=kwargs.get("error"),
        )
        return context

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        status = 200 if context["invitation"].is_open else 410
        return self.render_to_response(context, status=status)

    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        user = request.user
        if not user.is_authenticated:
            form = NewAccountForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            data = form.cleaned_data
        try:
            with transaction.atomic():
                if not user.is_authenticated:
                    user = applicant_account_create(
                        email=data["email"],
                        password=data["password1"],
                        first_name=data["contact_name"],
                    )
                invitation_accept(token=invitation.token, user=user)
        except Refusal as refusal:
            # The page itself shows the refusal: an expired link answers 410.
            status = 410 if refusal.code == "closed" else 400
            return self.render_to_response(self.get_context_data(error=refusal.text), status=status)
        if not request.user.is_authenticated:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome to %(name)s.") % {"name": invitation.vendor.name},
        )
        return redirect("marketplace:dashboard-member-listings")
