"""Oscar's product editor, with members' changes to approved products held for review.

The view replaces Oscar's at the same path (marketplace's URLs come first)
and keeps Oscar's own permission check for that URL name.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class
from oscar.views.decorators import permissions_required

from marketplace.selectors import product_vendor
from marketplace.services.listings import (
    listing_create_on_behalf,
    listing_hold_changes,
    listing_needs_review,
    listing_public_snapshot,
)

OscarProductCreateUpdateView = get_class("dashboard.catalogue.views", "ProductCreateUpdateView")


class ModeratedProductUpdateView(OscarProductCreateUpdateView):
    def forms_valid(self, form, formsets):
        user = self.request.user
        if self.creating:
            response = super().forms_valid(form, formsets)
            if user.has_perm("marketplace.change_listing") and product_vendor(self.object):
                listing_create_on_behalf(product=self.object, actor=user)
            return response
        if not listing_needs_review(product=self.object, user=user):
            return super().forms_valid(form, formsets)
        before = listing_public_snapshot(product=self.object)
        response = super().forms_valid(form, formsets)
        if listing_hold_changes(product=self.object, before=before, actor=user):
            messages.info(
                self.request,
                _(
                    "Your changes wait for the Union's review. Shoppers see the approved "
                    "version until then."
                ),
            )
        return response


def product_editor_view(url_name: str):
    """The editor behind Oscar's own permission check for ``url_name``."""
    config = apps.get_app_config("catalogue_dashboard")
    decorator = permissions_required(config.get_permissions(url_name), login_url=config.login_url)
    return decorator(ModeratedProductUpdateView.as_view())
