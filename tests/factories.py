"""Test data built on Oscar's factories; page trees built here, not from demo data."""

from __future__ import annotations

from decimal import Decimal

import factory
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories
from wagtail.models import Page, Site

from cms.models import HomePage
from core.text import vn_slugify
from marketplace.models import AdministrativeArea, Listing, Vendor

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeArea

    name = factory.Sequence(lambda n: f"Xã {n}")
    slug = factory.LazyAttribute(lambda o: vn_slugify(o.name))
    level = AdministrativeArea.Level.COMMUNE
    parent = None


def commune_create(name: str = "Ninh Hải", district: str = "Hoa Lư") -> AdministrativeArea:
    province, _ = AdministrativeArea.objects.get_or_create(
        parent=None, slug="ninh-binh", defaults={"name": "Ninh Bình", "level": "province"}
    )
    district_area, _ = AdministrativeArea.objects.get_or_create(
        parent=province, slug=vn_slugify(district), defaults={"name": district, "level": "district"}
    )
    commune, _ = AdministrativeArea.objects.get_or_create(
        parent=district_area, slug=vn_slugify(name), defaults={"name": name, "level": "commune"}
    )
    return commune


def vendor_create(name: str = "Hợp tác xã Cói Kim Sơn", **kwargs) -> Vendor:
    existing = Vendor.objects.filter(slug=vn_slugify(name)).first()
    if existing is not None:
        return existing
    partner = oscar_factories.PartnerFactory(name=name)
    return Vendor.objects.create(
        partner=partner,
        slug=vn_slugify(name),
        kind=kwargs.pop("kind", Vendor.Kind.COOPERATIVE),
        status=kwargs.pop("status", Vendor.Status.APPROVED),
        commune=kwargs.pop("commune", None) or commune_create(),
        **kwargs,
    )


def category_create(path_names: str) -> object:
    """``"Đặc sản > Cơm cháy"`` → the leaf category, creating the branch."""
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    return create_from_breadcrumbs(path_names)


def product_create(
    title: str = "Cơm cháy chà bông",
    *,
    price: int = 45000,
    stock: int = 10,
    vendor: Vendor | None = None,
    category=None,
    description: str = "",
    listing_status: str = "approved",
):
    vendor = vendor or vendor_create()
    product = oscar_factories.create_product(
        title=title,
        price=Decimal(price),
        num_in_stock=stock,
        partner_name=vendor.partner.name,
    )
    if description:
        product.description = description
        product.save()
    if category is not None:
        ProductCategory.objects.create(product=product, category=category)
    Listing.objects.create(product=product, status=listing_status)
    from search.indexing import product_documents_rebuild

    product_documents_rebuild(product_ids=[product.pk])
    return product


def line_sold_by_partner_without_vendor(basket, product) -> None:
    """The product's line in ``basket`` points at a stock record of a partner no vendor wraps.

    Staff can add such a stock record (another partner's) in Oscar's dashboard;
    the product stays for sale through its cooperative's record.
    """
    outsider = oscar_factories.PartnerFactory(name="Kho của Hội")
    record = StockRecord.objects.create(
        product=product,
        partner=outsider,
        partner_sku="KHO-1",
        price=product.stockrecords.first().price,
        num_in_stock=5,
    )
    basket.lines.filter(product=product).update(stockrecord=record)


def home_page_create(**fields) -> HomePage:
    """A HomePage as the default site's root, like the demo data makes."""
    root = Page.get_first_root_node()
    home = HomePage(
        title=fields.pop("title", "Chợ phiên phụ nữ"),
        slug="trang-chu",
        hero_heading=fields.pop("hero_heading", "Sản phẩm của phụ nữ Ninh Bình"),
        **fields,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


# --------------------------------------------------------------------------
# The Union's pages, collections and contests
# --------------------------------------------------------------------------


def publish(parent, page):
    """Add ``page`` under ``parent`` and publish it, as an editor's "Publish" does."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def image_create(title: str = "Chân dung", *, width: int = 60, height: int = 40):
    import wagtail_factories

    return wagtail_factories.ImageFactory(
        title=title, file__width=width, file__height=height, file__filename=f"{title}.png"
    )


def story_create(index, title: str = "Chị Lan bán hàng qua Zalo", *, products=(), **fields):
    from wagtail.rich_text import RichText

    from cms.models import StoryPage, StoryProduct

    story = StoryPage(
        title=title,
        slug=fields.pop("slug", vn_slugify(title)[:60]),
        intro=fields.pop("intro", "Chị kể chuyện bán hàng trên mạng."),
        body=fields.pop("body", [("paragraph", RichText("<p>Nội dung câu chuyện</p>"))]),
        **fields,
    )
    story.product_links = [StoryProduct(product=product) for product in products]
    return publish(index, story)


def collection_create(title: str = "Quà Tết từ Ninh Bình", *, products=(), **fields):
    from cms.models import ProductCollection, ProductCollectionItem

    collection = ProductCollection(title=title, **fields)
    collection.items = [
        ProductCollectionItem(product=product, sort_order=n) for n, product in enumerate(products)
    ]
    collection.save()
    return collection


def contest_create(parent, title: str = "Áo dài đẹp", *, kind: str = "entries", **fields):
    import datetime

    from django.utils import timezone

    from cms.models import ContestPage

    now = timezone.now()
    contest = ContestPage(
        title=title,
        slug=fields.pop("slug", vn_slugify(title)[:60]),
        kind=kind,
        intro=fields.pop("intro", "Gửi ảnh áo dài của bạn."),
        starts_at=fields.pop("starts_at", now - datetime.timedelta(days=1)),
        ends_at=fields.pop("ends_at", now + datetime.timedelta(days=7)),
        **fields,
    )
    return publish(parent, contest)


def home_page_after_flush() -> HomePage:
    """The home page once a live-server test has emptied every table.

    Those tests end by flushing the database, the rows Wagtail's migrations
    made included (default locale, root collection, root page, default site):
    they are put back first.
    """
    from django.conf import settings
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    return home_page_create()
