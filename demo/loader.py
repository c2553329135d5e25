"""Builds the demo marketplace from ``demo.content``.

Every object has a natural key (slug, UPC, e-mail), and everything is
derived from the product's number, so a second run, or a run after a
crash, creates only what is missing and ends in the same state.
Products are written in bulk, in batches that each commit whole.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from catalog.models import trace_code_new
from cms.models import (
    ArticlePage,
    CampaignPage,
    ContestPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    NewsIndexPage,
    ProductCollection,
    ProductCollectionItem,
    StoryIndexPage,
    StoryPage,
    StoryProduct,
)
from core.sanitise import rich_text
from core.site_address import site_address_sync
from core.text import strip_marks, vn_slugify
from core.uploads import clean_image
from demo import content, guides
from demo.images import product_image
from demo.orders import demo_orders_bulk, demo_orders_load
from marketplace.models import AdministrativeArea, Listing, StaffArea, Vendor, VendorMember
from marketplace.selectors import products_for_sale, vendor_products, vendors_public
from marketplace.services.areas import areas_import
from marketplace.services.roles import roles_sync, union_leader_group
from marketplace.services.vendors import vendor_member_add
from search.indexing import product_documents_rebuild
from search.pages import page_documents_complete
from union.models import JoinPage

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

BATCH_SIZE = 500
# Order lines across every district, so the Union's reports have figures.
DEMO_ORDER_LINES = 600
IMAGE_DIR = "images/products/demo"


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    where: str
    first_name: str


DEMO_LOGINS = (
    DemoLogin("shopper", "khachhang@demo.chophunu.vn", "demo-khachhang-2026", "/", "Lan"),
    DemoLogin(
        "cooperative member",
        "thanhvien@demo.chophunu.vn",
        "demo-thanhvien-2026",
        "/dashboard/",
        "Hoa",
    ),
    DemoLogin(
        "cooperative manager", "quanly@demo.chophunu.vn", "demo-quanly-2026", "/dashboard/", "Huệ"
    ),
    DemoLogin(
        "cooperative staff", "nhanvien@demo.chophunu.vn", "demo-nhanvien-2026", "/dashboard/", "Cúc"
    ),
    DemoLogin("applicant", "ungvien@demo.chophunu.vn", "demo-ungvien-2026", "/", "Thảo"),
    DemoLogin(
        "Union staff", "canbo@demo.chophunu.vn", "demo-canbo-2026", "/cms/ and /dashboard/", "Mai"
    ),
    DemoLogin(
        "district Union staff",
        "canbohuyen@demo.chophunu.vn",
        "demo-canbohuyen-2026",
        "/dashboard/reports/ (her district)",
        "Lụa",
    ),
    DemoLogin("Union leader", "lanhdao@demo.chophunu.vn", "demo-lanhdao-2026", "/cms/", "Thu"),
    DemoLogin(
        "superuser", "admin@demo.chophunu.vn", "demo-admin-2026", "/django-admin/", "Quản trị"
    ),
)
MEMBER_ROLES = {
    "cooperative member": VendorMember.Role.OWNER,
    "cooperative manager": VendorMember.Role.MANAGER,
    "cooperative staff": VendorMember.Role.STAFF,
    "applicant": VendorMember.Role.OWNER,
}


@dataclass
class DemoSummary:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int = 1) -> None:
        self.created[kind] = self.created.get(kind, 0) + n


@dataclass(frozen=True)
class ProductSpec:
    number: int
    title: str
    description: str
    category_slug: str
    vendor_slug: str
    price: int
    stock: int
    size: str = ""
    parent_category: str = ""

    @property
    def maker(self) -> str:
        return content.MAKERS[self.number % len(content.MAKERS)] if self.number % 3 else ""

    @property
    def materials(self) -> str:
        return content.PRODUCT_FACTS.get(self.parent_category, {}).get("materials", "")

    @property
    def shelf_life(self) -> str:
        return content.PRODUCT_FACTS.get(self.parent_category, {}).get("shelf_life", "")

    @property
    def ocop(self) -> dict:
        """One product in four is OCOP-certified; one certificate in five has expired."""
        if self.number % 4:
            return {}
        expired = self.number % 20 == 0
        issued = datetime.date(2020 if expired else 2024 + self.number % 2, 1 + self.number % 12, 1)
        expires = issued.replace(year=issued.year + 3)
        return {
            "ocop_stars": 3 + self.number % 3,
            "ocop_certificate_number": f"OCOP-NB-{issued.year}-{self.number:04d}",
            "ocop_issued_on": issued,
            "ocop_expires_on": expires,
        }

    @property
    def listing_status(self) -> str:
        """Most listings are approved; a few wait for review or were sent back."""
        return {0: Listing.Status.PENDING, 25: Listing.Status.REJECTED}.get(
            self.number % 50, Listing.Status.APPROVED
        )

    @property
    def listing_reason(self) -> str:
        if self.listing_status == Listing.Status.REJECTED:
            return "Ảnh chưa rõ sản phẩm; xin chụp lại trên nền sáng."
        return ""

    @property
    def upc(self) -> str:
        return f"NB{self.number:06d}"

    @property
    def image_format(self) -> str:
        return "WEBP" if self.number % 2 else "JPEG"

    @property
    def image_name(self) -> str:
        ext = "webp" if self.image_format == "WEBP" else "jpg"
        return f"{IMAGE_DIR}/{self.upc.lower()}.{ext}"


# --------------------------------------------------------------------------
# Areas, categories, vendors
# --------------------------------------------------------------------------


def _english_name_fill(category, name_en: str) -> None:
    """A category loaded before names had an English twin gets it; an editor's stays."""
    if not category.name_en:
        category.name_en = name_en
        category.save(update_fields=["name_en"])


def _categories(summary: DemoSummary) -> dict[str, object]:
    """Top-level and child categories by name, created when missing."""
    by_name: dict[str, object] = {}
    for top in content.CATEGORIES:
        root = Category.get_root_nodes().filter(slug=vn_slugify(top["name"])).first()
        if root is None:
            root = Category.add_root(
                name=top["name"],
                name_en=top["name_en"],
                slug=vn_slugify(top["name"]),
                description=top["description"],
            )
            summary.add("categories")
        _english_name_fill(root, top["name_en"])
        by_name[top["name"]] = root
        for child_data in top["children"]:
            child = root.get_children().filter(slug=vn_slugify(child_data["name"])).first()
            if child is None:
                child = root.add_child(
                    name=child_data["name"],
                    name_en=child_data["name_en"],
                    slug=vn_slugify(child_data["name"]),
                )
                summary.add("categories")
            _english_name_fill(child, child_data["name_en"])
            by_name[child_data["name"]] = child
    return by_name


# The last vendors of the list show every status the Union's queue can hold.
DEMO_STATUS_BY_INDEX = {
    len(content.VENDORS) - 1: Vendor.Status.APPLIED,
    len(content.VENDORS) - 2: Vendor.Status.APPLIED,
    len(content.VENDORS) - 3: Vendor.Status.REJECTED,
    len(content.VENDORS) - 4: Vendor.Status.SUSPENDED,
}
BANKS = ("Agribank", "Vietcombank", "VietinBank", "BIDV", "Ngân hàng Chính sách xã hội")


def _vendor_fields(index: int, data: dict) -> dict:
    """Plausible contact and settlement details, derived from the vendor's place in the list."""
    rng = random.Random(f"vendor-{index}")
    status = DEMO_STATUS_BY_INDEX.get(index, Vendor.Status.APPROVED)
    return {
        "kind": data["kind"],
        "story": data["story"],
        "address": f"Thôn {rng.randint(1, 12)}, xã {data['commune']}, {data['district']}",
        "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
        "email": f"{vn_slugify(data['name'])[:40]}@demo.chophunu.vn",
        "year_founded": rng.randint(2005, 2023),
        "women_members": rng.randint(3, 60) if data["kind"] != "individual" else 1,
        "bank_name": BANKS[index % len(BANKS)],
        "bank_account_number": str(rng.randint(10**11, 10**12 - 1)),
        "bank_account_holder": strip_marks(data["name"]).upper()[:100],
        # Two delivery zones: inside Ninh Bình, and elsewhere in Vietnam (dearer).
        "shipping_fee": Decimal(rng.choice((20000, 25000, 30000))),
        "free_shipping_from": Decimal(rng.choice((300000, 500000))) if index % 3 else None,
        "shipping_fee_elsewhere": Decimal(rng.choice((35000, 40000, 50000))),
        "free_shipping_from_elsewhere": Decimal(800000) if index % 2 else None,
        "status": status,
        "status_reason": {
            Vendor.Status.REJECTED: "Hồ sơ chưa có giấy đăng ký kinh doanh.",
            Vendor.Status.SUSPENDED: "Tạm dừng để kiểm tra nguồn gốc sản phẩm.",
        }.get(status, ""),
    }


def _vendors(summary: DemoSummary) -> dict[str, Vendor]:
    communes = {
        (area.parent.name, area.name): area
        for area in AdministrativeArea.objects.filter(
            level=AdministrativeArea.Level.COMMUNE
        ).select_related("parent")
    }
    vendors = {}
    for index, data in enumerate(content.VENDORS):
        slug = vn_slugify(data["name"])
        vendor = Vendor.objects.filter(slug=slug).select_related("partner").first()
        if vendor is None:
            partner = Partner.objects.create(name=data["name"], code=slug)
            vendor = Vendor.objects.create(
                partner=partner,
                slug=slug,
                commune=communes[(data["district"], data["commune"])],
                **_vendor_fields(index, data),
            )
            summary.add("vendors")
        vendors[slug] = vendor
    return vendors


# --------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------


def _templates_by_category() -> list[tuple[str, dict]]:
    """Every (child category name, template) pair, in content order."""
    return [(name, t) for name, templates in content.PRODUCT_TEMPLATES.items() for t in templates]


def _category_parent_names() -> dict[str, str]:
    return {child["name"]: top["name"] for top in content.CATEGORIES for child in top["children"]}


VARIANTS = (
    "loại đặc biệt",
    "hộp quà",
    "gói gia đình",
    "túi tiết kiệm",
    "loại thượng hạng",
    "quà Tết",
    "mẻ mới",
    "bản thủ công",
)


def _variant_title(title: str, round_: int) -> str:
    """Later rounds over the templates get a plausible variant name, then a number."""
    if round_ == 0:
        return title
    variant = VARIANTS[(round_ - 1) % len(VARIANTS)]
    series = (round_ - 1) // len(VARIANTS)
    return f"{title} – {variant}" + (f" ({series + 1})" if series else "")


def product_specs(count: int) -> list[ProductSpec]:
    """The first ``count`` demo products, each derived from its number alone."""
    pairs = _templates_by_category()
    parents = _category_parent_names()
    makers: dict[str, list[dict]] = {}
    for name in content.PRODUCT_TEMPLATES:
        makers[name] = [
            v
            for v in content.VENDORS
            if name in v["specialties"] or parents[name] in v["specialties"]
        ] or list(content.VENDORS)
    specs = []
    for number in range(1, count + 1):
        category_name, template = pairs[(number - 1) % len(pairs)]
        rng = random.Random(number)
        candidates = makers[category_name]
        vendor = candidates[(number - 1) // len(pairs) % len(candidates)]
        round_ = (number - 1) // len(pairs)
        title = _variant_title(template["title"], round_)
        low, high = template["price"]
        price = rng.randrange(low, high + 1000, 1000) if high > low else low
        stock = 0 if rng.random() < 0.06 else rng.randint(3, 120)
        description = (
            f"<p>{template['description']}</p><p>{template['unit'].capitalize()}. "
            f"{vendor['name']}, {vendor['commune']}, {vendor['district']}.</p>"
        )
        specs.append(
            ProductSpec(
                number=number,
                title=title,
                description=description,
                category_slug=category_name,
                vendor_slug=vn_slugify(vendor["name"]),
                price=price,
                stock=stock,
                size=template["unit"],
                parent_category=parents[category_name],
            )
        )
    return specs


def _product_class():
    product_class, _ = ProductClass.objects.get_or_create(
        slug="dac-san-dia-phuong",
        defaults={"name": "Đặc sản địa phương", "requires_shipping": True, "track_stock": True},
    )
    return product_class


def _write_image(spec: ProductSpec) -> None:
    if not default_storage.exists(spec.image_name):
        data = product_image(code=spec.upc, title=spec.title, image_format=spec.image_format)
        # The storage stores pictures only cleaned; the demo keeps its known names.
        picture = clean_image(ContentFile(data, name=spec.image_name))
        picture.name = spec.image_name.rsplit("/", 1)[-1]
        saved = default_storage.save(spec.image_name, picture)
        assert saved == spec.image_name, saved


def _create_products(
    specs: list[ProductSpec], categories: dict, vendors: dict, product_class
) -> list[int]:
    products = Product.objects.bulk_create(
        [
            Product(
                structure=Product.STANDALONE,
                upc=spec.upc,
                title=spec.title,
                slug=vn_slugify(spec.title)[:128] or spec.upc.lower(),
                # bulk_create skips Product.save(), which cleans the description.
                description=rich_text(spec.description),
                product_class=product_class,
                is_public=True,
                trace_code=trace_code_new(),
                maker=spec.maker,
                materials=spec.materials,
                size=spec.size,
                shelf_life=spec.shelf_life,
                **spec.ocop,
            )
            for spec in specs
        ]
    )
    if products and products[0].pk is None:  # databases that return no ids
        by_upc = dict(
            Product.objects.filter(upc__in=[s.upc for s in specs]).values_list("upc", "pk")
        )
        for product in products:
            product.pk = by_upc[product.upc]
    ProductCategory.objects.bulk_create(
        ProductCategory(product=product, category=categories[spec.category_slug])
        for product, spec in zip(products, specs, strict=True)
    )
    StockRecord.objects.bulk_create(
        StockRecord(
            product=product,
            partner=vendors[spec.vendor_slug].partner,
            partner_sku=spec.upc,
            price_currency="VND",
            price=Decimal(spec.price),
            num_in_stock=spec.stock,
        )
        for product, spec in zip(products, specs, strict=True)
    )
    for spec in specs:
        _write_image(spec)
    ProductImage.objects.bulk_create(
        ProductImage(product=product, original=spec.image_name, caption="", display_order=0)
        for product, spec in zip(products, specs, strict=True)
    )
    Listing.objects.bulk_create(
        Listing(product=product, status=spec.listing_status, reason=spec.listing_reason)
        for product, spec in zip(products, specs, strict=True)
    )
    return [product.pk for product in products]


def _products(
    count: int,
    summary: DemoSummary,
    categories: dict,
    vendors: dict,
    progress: Callable[[int, int], None] | None,
) -> None:
    specs = product_specs(count)
    existing = set(Product.objects.filter(upc__startswith="NB").values_list("upc", flat=True))
    missing = [spec for spec in specs if spec.upc not in existing]
    product_class = _product_class()
    done = 0
    for start in range(0, len(missing), BATCH_SIZE):
        batch = missing[start : start + BATCH_SIZE]
        with transaction.atomic():
            ids = _create_products(batch, categories, vendors, product_class)
            product_documents_rebuild(product_ids=ids)
        done += len(batch)
        summary.add("products", len(batch))
        if progress:
            progress(done, len(missing))


# --------------------------------------------------------------------------
# Users
# --------------------------------------------------------------------------


def _users(summary: DemoSummary, vendors: dict[str, Vendor]) -> None:
    User = get_user_model()
    first_vendor = vendors[vn_slugify(content.VENDORS[0]["name"])]
    applicant_vendor = vendors[vn_slugify(content.VENDORS[-1]["name"])]
    for login in DEMO_LOGINS:
        user, created = User.objects.get_or_create(
            username=login.username,
            defaults={"email": login.username, "first_name": login.first_name},
        )
        if created:
            user.set_password(login.password)
            user.save()
            summary.add("users")
        if login.role in MEMBER_ROLES:
            vendor = applicant_vendor if login.role == "applicant" else first_vendor
            if not vendor.members.filter(user=user).exists():
                vendor_member_add(vendor=vendor, user=user, role=MEMBER_ROLES[login.role])
        if login.role == "Union staff" and not user.is_staff:
            user.is_staff = True
            user.save()
            # Writes and submits pages; a Union leader approves them.
            user.groups.add(roles_sync())
        if login.role == "district Union staff" and not user.is_staff:
            user.is_staff = True
            user.save()
            user.groups.add(roles_sync())
            # She answers for the district of the demo member's cooperative.
            StaffArea.objects.get_or_create(
                user=user, defaults={"area": first_vendor.commune.parent}
            )
        if login.role == "Union leader" and not user.is_staff:
            user.is_staff = True
            user.save()
            user.groups.add(union_leader_group())
        if login.role == "superuser" and not user.is_superuser:
            user.is_staff = user.is_superuser = True
            user.save()


# --------------------------------------------------------------------------
# Wagtail pages
# --------------------------------------------------------------------------


def _paragraphs(paragraphs) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _child(parent: Page, model, slug: str, summary: DemoSummary, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        summary.add("pages")
    return page


def _pages(summary: DemoSummary, vendors: dict[str, Vendor]) -> None:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title=content.HOME["title"],
            title_en=content.HOME["title_en"],
            slug="trang-chu",
            hero_heading=content.HOME["hero_heading"],
            hero_heading_en=content.HOME["hero_heading_en"],
            hero_text=content.HOME["hero_text"],
            hero_text_en=content.HOME["hero_text_en"],
            intro=f"<p>{content.HOME['intro']}</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        summary.add("pages")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name=content.HOME["title"],
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = content.HOME["title"]
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome" placeholder
    stories = _child(
        home,
        StoryIndexPage,
        "cau-chuyen",
        summary,
        title=content.STORY_SERIES["title"],
        title_en=content.STORY_SERIES["title_en"],
        intro="Những người phụ nữ Ninh Bình đưa sản phẩm quê hương lên mạng.",
    )
    news = _child(
        home,
        NewsIndexPage,
        "tin-tuc",
        summary,
        title=content.NEWS_SECTION["title"],
        title_en=content.NEWS_SECTION["title_en"],
        intro="Tin hoạt động của Hội Liên hiệp Phụ nữ tỉnh.",
        safety_contacts=[("contacts", {"contacts": list(content.UNION_SAFETY_CONTACTS)})],
    )
    _child(
        home,
        JoinPage,
        "tham-gia-hoi",
        summary,
        title=content.JOIN_PAGE["title"],
        intro=f"<p>{content.JOIN_PAGE['intro']}</p>",
        outro=f"<p>{content.JOIN_PAGE['outro']}</p>",
        thank_you=content.JOIN_PAGE["thank_you"],
    )
    for data in content.STORIES:
        _child(
            stories,
            StoryPage,
            vn_slugify(data["title"])[:80],
            summary,
            title=data["title"],
            intro=data["intro"],
            body=[("paragraph", RichText(_paragraphs(data["body"])))],
            vendor=vendors.get(vn_slugify(data["vendor"])),
        )
    _child(
        home,
        CampaignPage,
        content.CAMPAIGN["slug"],
        summary,
        title=content.CAMPAIGN["title"],
        intro=f"<p>{content.CAMPAIGN['intro']}</p>",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    _contests(home, summary)
    _guides(home, summary)
    for n, data in enumerate(content.ARTICLES):
        _child(
            news,
            ArticlePage,
            vn_slugify(data["title"])[:80],
            summary,
            title=data["title"],
            intro=data["intro"],
            body=_paragraphs(data["body"]),
            topic=data["topic"],
            date=datetime.date(2026, 11, 20) - datetime.timedelta(days=9 * n),
        )


def _guides(home: HomePage, summary: DemoSummary) -> None:
    """The selling guide: its section and one guide per topic (demo/guides.py)."""
    index = _child(
        home,
        GuideIndexPage,
        guides.INDEX["slug"],
        summary,
        **{key: value for key, value in guides.INDEX.items() if key != "slug"},
    )
    for data in guides.GUIDES:
        _child(
            index,
            GuidePage,
            data["slug"],
            summary,
            **{key: value for key, value in data.items() if key != "slug"},
        )


def _contests(home: HomePage, summary: DemoSummary) -> None:
    """One photo contest (entries and votes) and one quiz, open for a month from today."""
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    photo = content.CONTESTS["entries"]
    _child(
        home,
        ContestPage,
        photo["slug"],
        summary,
        title=photo["title"],
        kind=ContestPage.Kind.ENTRIES,
        intro=photo["intro"],
        rules=f"<p>{photo['rules']}</p>",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=30),
        votes_per_user=3,
    )
    quiz = content.CONTESTS["quiz"]
    questions = [
        (
            "question",
            {
                "question": question,
                "choices": [
                    {"text": text, "correct": n == correct} for n, text in enumerate(choices)
                ],
            },
        )
        for question, choices, correct in quiz["questions"]
    ]
    _child(
        home,
        ContestPage,
        quiz["slug"],
        summary,
        title=quiz["title"],
        kind=ContestPage.Kind.QUIZ,
        intro=quiz["intro"],
        rules=f"<p>{quiz['rules']}</p>",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=30),
        questions=questions,
        results_visible=True,
    )


def _curation(summary: DemoSummary) -> None:
    """Collections, story products, the campaign's links and the home page's sections.

    Runs after the products exist; each part is filled only when still empty,
    so a second run changes nothing.
    """
    for_sale = list(products_for_sale().order_by("upc").values_list("pk", flat=True))
    collections = []
    for n, data in enumerate(content.COLLECTIONS):
        collection = ProductCollection.objects.filter(title=data["title"]).first()
        if collection is None:
            collection = ProductCollection.objects.create(
                **{key: value for key, value in data.items() if key != "title_en"}
            )
            summary.add("collections")
        if for_sale and not collection.items.exists():
            ProductCollectionItem.objects.bulk_create(
                ProductCollectionItem(collection=collection, product_id=pk, sort_order=i)
                for i, pk in enumerate(for_sale[n * 8 : n * 8 + 8])
            )
        collections.append(collection)
    for story in StoryPage.objects.filter(vendor__isnull=False, product_links__isnull=True):
        products = list(vendor_products(story.vendor).order_by("upc")[:3])
        if products:
            story.product_links = [StoryProduct(product=product) for product in products]
            story.save_revision().publish()
    campaign = CampaignPage.objects.filter(slug=content.CAMPAIGN["slug"]).first()
    if campaign is not None and campaign.collection_id is None:
        campaign.collection = collections[0]
        campaign.stories.set(list(StoryPage.objects.live().order_by("path")[:6]))
        campaign.articles.set(list(ArticlePage.objects.live().order_by("-date")[:5]))
        campaign.save_revision().publish()
    home = HomePage.objects.first()
    if home is not None and not home.body:
        featured = list(vendors_public().order_by("pk")[:3])
        home.body = [
            (
                "hero",
                {
                    "heading": content.HOME["hero_heading"],
                    "heading_en": content.HOME["hero_heading_en"],
                    "text": content.HOME["hero_text"],
                    "text_en": content.HOME["hero_text_en"],
                    "link_text": content.HOME["link_text"],
                    "link_text_en": content.HOME["link_text_en"],
                    "link_page": None,
                    "link_url": "/catalogue/",
                },
            ),
            (
                "collection",
                {
                    "collection": collections[0],
                    "heading": "",
                    "heading_en": content.COLLECTIONS[0]["title_en"],
                },
            ),
            ("cooperatives", {"heading": "", "cooperatives": featured}),
            ("stories", {"heading": "", "count": 3}),
            ("news", {"heading": "", "count": 4}),
            ("contest", {"heading": "", "contest": None}),
            (
                "collection",
                {
                    "collection": collections[1],
                    "heading": "",
                    "heading_en": content.COLLECTIONS[1]["title_en"],
                },
            ),
        ]
        home.save_revision().publish()


def demo_data_load(
    *,
    products: int = 300,
    orders: int = DEMO_ORDER_LINES,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Load (or complete) the demo marketplace; returns what was created.

    ``orders`` is the number of order lines written in bulk across every
    district (the Union's reports), besides the few placed through the checkout.
    """
    summary = DemoSummary()
    result = areas_import(province=content.PROVINCE["name"], districts=content.DISTRICTS)
    if result.created:
        summary.add("areas", result.created)
    with transaction.atomic():
        categories = _categories(summary)
        vendors = _vendors(summary)
        _users(summary, vendors)
        _pages(summary, vendors)
        # Links in e-mails and QR codes name the address the server runs at.
        site_address_sync()
    _products(products, summary, categories, vendors, progress)
    with transaction.atomic():
        _curation(summary)
    page_documents_complete()  # stories published before search documents existed
    placed = demo_orders_load(
        shopper_username=DEMO_LOGINS[0].username, actor_username=DEMO_LOGINS[1].username
    )
    if placed:
        summary.add("checkouts", placed)
    lines = demo_orders_bulk(lines=orders, shopper_username=DEMO_LOGINS[0].username)
    if lines:
        summary.add("order lines", lines)
    return summary
