"""A member's products: her form, where each product stands, and sending it for review.

Everything goes through the listing services (``marketplace.services.listings``)
exactly as Oscar's editor does: a new product waits until she sends it and the
Union approves it; a change to an approved product is saved, turned into a
revision waiting for the Union, and the approved version put back
(``listing_hold_changes``). A product is hers when one of her cooperative's
stock records sells it, or one of its variants; anyone else's is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from core.refusals import refusal_as_message
from dashboard.member_product_forms import MAX_PHOTOS, MemberProductForm, VariantFormSet
from dashboard.views import MemberAreaMixin
from marketplace.models import Listing, ListingRevision
from marketplace.selectors import vendor_products_all
from marketplace.services.listings import (
    listing_hold_changes,
    listing_needs_review,
    listing_public_snapshot,
    listing_submit,
)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


def _default_product_class():
    """Products need one of Oscar's product classes; hers use the shop's first."""
    product_class = ProductClass.objects.order_by("pk").first()
    if product_class is None:
        product_class = ProductClass.objects.create(
            name=_("Product"), slug="san-pham", requires_shipping=True, track_stock=True
        )
    return product_class


class PhotoPlan:
    """Her photos after the form: which stay, in which order (the first is the cover)."""

    def __init__(self, product, post):
        self.existing = list(product.images.order_by("display_order", "pk")) if product.pk else []
        self.post = post

    def kept(self) -> list:
        def position(pair):
            index, image = pair
            value = (self.post.get(f"photo-{image.pk}-order") or "").strip()
            return (int(value) if value.isdigit() else index + 1, index)

        kept = [
            pair
            for pair in enumerate(self.existing)
            if not self.post.get(f"photo-{pair[1].pk}-remove")
        ]
        return [image for _index, image in sorted(kept, key=position)]


def _sku(product, suffix: str = "") -> str:
    return f"{product.trace_code or product.pk}{suffix}"


class MemberProductFormView(MemberAreaMixin, TemplateView):
    """Add or change one of her products on one screen."""

    template_name = "marketplace/dashboard/member_product_form.html"

    def get_product(self):
        if "pk" not in self.kwargs:
            return Product(product_class=_default_product_class(), structure=Product.STANDALONE)
        return get_object_or_404(
            vendor_products_all(self.vendor).select_related("product_class"), pk=self.kwargs["pk"]
        )

    def variant_initial(self, product) -> list[dict]:
        if not product.pk or not product.is_parent:
            return []
        children = product.children.order_by("pk").prefetch_related("stockrecords")
        initial = []
        for child in children:
            record = child.stockrecords.first()
            initial.append(
                {
                    "id": child.pk,
                    "name": child.title,
                    "price": record.price if record else None,
                    "stock": record.num_in_stock if record else None,
                }
            )
        return initial

    def forms(self, product, data=None, files=None):
        record = (
            product.stockrecords.filter(partner=self.vendor.partner).first() if product.pk else None
        )
        form = MemberProductForm(
            data,
            files,
            instance=product,
            stockrecord=record,
            category=product.categories.first() if product.pk else None,
        )
        if not product.pk:
            form.initial["origin_commune"] = self.vendor.commune_id
        variants = VariantFormSet(data, prefix="variants", initial=self.variant_initial(product))
        return form, variants

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = kwargs.get("product") or self.get_product()
        if "form" not in kwargs:
            context["form"], context["variants"] = self.forms(product)
        context.update(
            vendor=self.vendor,
            product=product,
            photos=PhotoPlan(product, {}).existing,
            max_photos=MAX_PHOTOS,
            maker_names=self.maker_names(),
            needs_review=bool(product.pk)
            and listing_needs_review(product=product, user=self.request.user),
        )
        return context

    def maker_names(self) -> list[str]:
        names = {
            member.user.get_full_name().strip()
            for member in self.vendor.members.select_related("user")
        }
        names |= set(
            vendor_products_all(self.vendor).exclude(maker="").values_list("maker", flat=True)[:50]
        )
        return sorted(name for name in names if name)

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        creating = product.pk is None
        form, variants = self.forms(product, request.POST, request.FILES)
        form_ok = form.is_valid()
        variants_ok = variants.is_valid()
        if form_ok and variants_ok:
            try:
                self.check_plan(product, form, variants)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                held = self.save(product, form, variants)
                if creating:
                    messages.success(request, _("Saved. Now send it to the Union for review."))
                elif held:
                    messages.info(
                        request,
                        _(
                            "Your changes wait for the Union's review. Shoppers see the "
                            "approved version until then."
                        ),
                    )
                else:
                    messages.success(request, _("Saved."))
                return redirect("marketplace:dashboard-member-product-detail", pk=product.pk)
        context = self.get_context_data(product=product, form=form, variants=variants)
        context.update(form=form, variants=variants)
        return self.render_to_response(context, status=400)

    def filled_variants(self, variants) -> list[dict]:
        return [
            variant.cleaned_data
            for variant in variants.forms
            if variant.is_filled and not variant.cleaned_data.get("DELETE")
        ]

    def check_plan(self, product, form, variants) -> None:
        """What the model cannot say: a price or kinds, at most 8 photos, kinds of approved ones."""
        filled = self.filled_variants(variants)
        children = set(product.children.values_list("pk", flat=True)) if product.pk else set()
        if any(v.get("id") and v["id"] not in children for v in filled):
            raise Http404  # a kind of another product
        data = form.cleaned_data
        errors = {}
        if not filled:
            if data.get("price") is None:
                errors["price"] = _("Give the price, or add kinds with their own prices below.")
            if data.get("num_in_stock") is None:
                errors["num_in_stock"] = _("Give how many are in stock.")
        photos = len(PhotoPlan(product, self.request.POST).kept()) + len(data.get("photos") or [])
        if photos > MAX_PHOTOS:
            errors["photos"] = _("At most %(count)s photos per product.") % {"count": MAX_PHOTOS}
        if product.pk and listing_needs_review(product=product, user=self.request.user):
            kept = {v["id"] for v in filled if v.get("id") in children}
            added = any(v.get("id") not in children for v in filled)
            if kept != children or added:
                raise ValidationError(
                    _(
                        "Kinds of an approved product cannot be added or removed here; "
                        "change their names, prices and stock, or ask the Union."
                    )
                )
        if errors:
            raise ValidationError(errors)

    @transaction.atomic
    def save(self, product, form, variants) -> bool:
        """Save everything; a change to an approved product is held for review. True if held."""
        user = self.request.user
        held = bool(product.pk) and listing_needs_review(product=product, user=user)
        before = listing_public_snapshot(product=product) if held else None
        filled = self.filled_variants(variants)
        product = form.save(commit=False)
        product.structure = Product.PARENT if filled else Product.STANDALONE
        if not product.product_class_id:
            product.product_class = _default_product_class()
        product.save()
        product.categories.set([form.cleaned_data["category"]])
        self.save_stock(product, form.cleaned_data, filled)
        self.save_photos(product, form.cleaned_data.get("photos") or [])
        if held:
            return listing_hold_changes(product=product, before=before, actor=user) is not None
        return False

    def save_stock(self, product, data: dict, filled: list[dict]) -> None:
        partner = self.vendor.partner
        if not filled:
            product.children.all().delete()
            StockRecord.objects.update_or_create(
                product=product,
                partner=partner,
                defaults={
                    "price": data["price"],
                    "num_in_stock": data["num_in_stock"],
                    "price_currency": "VND",
                    "partner_sku": _sku(product),
                },
            )
            return
        product.stockrecords.all().delete()  # a product with kinds is sold through them
        keep = []
        for index, variant in enumerate(filled):
            child = product.children.filter(pk=variant["id"]).first() if variant.get("id") else None
            if child is None:
                child = Product(parent=product, structure=Product.CHILD)
            child.title = variant["name"].strip()
            child.save()
            keep.append(child.pk)
            StockRecord.objects.update_or_create(
                product=child,
                partner=partner,
                defaults={
                    "price": variant["price"],
                    "num_in_stock": variant["stock"],
                    "price_currency": "VND",
                    "partner_sku": _sku(child, f"-{index + 1}"),
                },
            )
        product.children.exclude(pk__in=keep).delete()

    def save_photos(self, product, uploads: list) -> None:
        kept = PhotoPlan(product, self.request.POST).kept()
        product.images.exclude(pk__in=[image.pk for image in kept]).delete()
        for order, image in enumerate(kept):
            if image.display_order != order:
                ProductImage.objects.filter(pk=image.pk).update(display_order=order)
        for order, upload in enumerate(uploads, start=len(kept)):
            ProductImage.objects.create(product=product, original=upload, display_order=order)


def _status(product) -> dict:
    """Where her product stands, in one word and one sentence, and what she can do next."""
    listing = Listing.objects.filter(product=product).first()
    revision = (
        listing.revisions.order_by("-submitted_at", "-pk").first() if listing is not None else None
    )
    return {"listing": listing, "revision": revision}


class MemberProductDetailView(MemberAreaMixin, TemplateView):
    """One of her products: where it stands and the one next step (send it for review)."""

    template_name = "marketplace/dashboard/member_product_detail.html"

    def get_product(self):
        newest_first = ListingRevision.objects.order_by("-submitted_at", "-pk")
        return get_object_or_404(
            vendor_products_all(self.vendor).prefetch_related(
                "stockrecords",
                "children__stockrecords",
                Prefetch("listing__revisions", queryset=newest_first, to_attr="latest_revisions"),
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.get_product()
        context.update(
            vendor=self.vendor,
            product=product,
            cover=product.primary_image(),
            kinds=list(product.children.order_by("pk")) if product.is_parent else [],
            record=product.stockrecords.first(),
            **_status(product),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Send it (again) to the Union."""
        product = self.get_product()
        with refusal_as_message(request):
            listing_submit(product=product, actor=request.user)
            messages.success(request, _("Sent to the Union for review."))
        return redirect(reverse("marketplace:dashboard-member-product-detail", args=[product.pk]))
