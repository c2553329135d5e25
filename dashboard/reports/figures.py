"""The Union's statistics for an area and a period, from the order and vendor records.

Every figure is counted by the database from the rows themselves (vendors,
the audit log, listings, orders, refunds, pages), never from counters kept on
the side. Figures that add up are counted per commune in one query and
rolled up to the districts and the province here; the only one that does
not add up (checkouts: one checkout may buy from two districts) is counted
at each level by the database. The number of queries is fixed, whatever the
number of areas, vendors or orders.

A report names its area (the province, a district or a commune) and shows
the same figures for each area one level down; a commune has none.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from cms.models import ArticlePage, ContestEntry, ContestVote, QuizAttempt, StoryPage
from marketplace.models import (
    AdministrativeArea,
    Listing,
    ModerationEvent,
    OrderGroup,
    Refund,
    Vendor,
    VendorOrder,
)
from marketplace.permissions import area_q
from marketplace.selectors import products_for_sale
from shipping.destinations import home_province
from union.models import MembershipRequest

Level = AdministrativeArea.Level
Category = get_model("catalogue", "Category")
Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")

CANCELLED = "Cancelled"
TOP = 10
# Content of people in no cooperative counts in the province only, on a row of its own.
UNATTRIBUTED = "unattributed"


# --------------------------------------------------------------------------
# The period
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in the site's time zone."""

    start: datetime.date
    end: datetime.date
    label: str
    slug: str  # in export filenames: 2026, 2026-q3, 2026-11, 2026-01-05_2026-02-10

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The first instant of the period and the first one after it."""
        zone = timezone.get_current_timezone()
        first = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return first, after

    def q(self, path: str) -> Q:
        first, after = self.bounds()
        return Q(**{f"{path}__gte": first, f"{path}__lt": after})


# --------------------------------------------------------------------------
# The area tree, read once
# --------------------------------------------------------------------------


@dataclass
class Tree:
    """Every area in one query: who is whose parent, and which communes lie under an area."""

    areas: dict[int, AdministrativeArea]
    children: dict[int, list[AdministrativeArea]]

    @classmethod
    def load(cls) -> Tree:
        areas = {area.pk: area for area in AdministrativeArea.objects.order_by("name", "pk")}
        children: dict[int, list[AdministrativeArea]] = defaultdict(list)
        for area in areas.values():
            if area.parent_id is not None:
                children[area.parent_id].append(area)
                area.parent = areas.get(area.parent_id)
        return cls(areas=areas, children=children)

    def communes_under(self, area: AdministrativeArea) -> list[int]:
        if area.level == Level.COMMUNE:
            return [area.pk]
        return [pk for child in self.children[area.pk] for pk in self.communes_under(child)]

    def child_of(self, area: AdministrativeArea, commune_id: int | None) -> int | None:
        """The child of ``area`` that ``commune_id`` lies in (None: not under ``area``)."""
        node = self.areas.get(commune_id) if commune_id else None
        while node is not None and node.parent_id != area.pk:
            node = self.areas.get(node.parent_id)
        return node.pk if node is not None else None

    def is_under(self, area: AdministrativeArea, top: AdministrativeArea) -> bool:
        node = area
        while node is not None:
            if node.pk == top.pk:
                return True
            node = self.areas.get(node.parent_id)
        return False


# --------------------------------------------------------------------------
# What a report is made of
# --------------------------------------------------------------------------


@dataclass
class Column:
    key: str
    label: str
    money: bool = False
    text: bool = False  # a name, not a figure


@dataclass
class Row:
    label: str
    values: dict
    area: AdministrativeArea | None = None  # a child area: the report one level down
    total: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""


@dataclass
class Bar:
    label: str
    value: int
    area: AdministrativeArea | None = None


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    money: bool = False


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table]
    chart: Chart


@dataclass
class Report:
    area: AdministrativeArea
    period: Period
    children: list[AdministrativeArea]
    sections: list[Section] = field(default_factory=list)

    def table(self, key: str) -> Table | None:
        return next((t for s in self.sections for t in s.tables if t.key == key), None)


# --------------------------------------------------------------------------
# Counting per commune, rolling up
# --------------------------------------------------------------------------


class Rollup:
    """Additive figures counted per commune, summed for each child area and the whole."""

    def __init__(self, tree: Tree, area: AdministrativeArea, children: list[AdministrativeArea]):
        self.tree, self.area, self.children = tree, area, children
        self.communes = tree.communes_under(area)
        # The one province: every vendor is in it, no need to join to her commune.
        roots = [a for a in tree.areas.values() if a.parent_id is None]
        self.everything = roots == [area]

    def q(self, commune: str) -> Q:
        """``commune`` (a lookup path) lies in the report's area."""
        return Q() if self.everything else Q(**{f"{commune}__in": self.communes})

    def count(self, queryset, commune: str, **aggregates) -> dict:
        """{child pk: figures, None: the area's figures}; one query."""
        rows = (
            queryset.filter(**{f"{commune}__in": self.communes})
            .values(commune_key=F(commune))
            .annotate(**aggregates)
            .order_by()
        )
        return self.fold(rows, list(aggregates))

    def fold(self, rows: Iterable[dict], names: list[str]) -> dict:
        """Rows of figures, each with its ``commune_key``, summed per child area and in all."""
        out: dict = {child.pk: dict.fromkeys(names, 0) for child in self.children}
        out[None] = dict.fromkeys(names, 0)
        for row in rows:
            key = self.tree.child_of(self.area, row["commune_key"])
            for target in {key, None} if key in out else {None}:
                for name in names:
                    out[target][name] += row[name] or 0
        return out


def _seller_commune(product_ref: str = "pk"):
    """The commune of the cooperative selling a product (a parent's: its variants' seller's)."""
    own = StockRecord.objects.filter(product=OuterRef(product_ref))
    variants = StockRecord.objects.filter(product__parent=OuterRef(product_ref))
    return Coalesce(
        Subquery(own.values("partner__vendor__commune")[:1]),
        Subquery(variants.values("partner__vendor__commune")[:1]),
    )


def _area_rows(report: Report, figures: dict, columns: list[Column], label: str) -> list[Row]:
    rows = [Row(label=label, values=figures[None], total=True)]
    rows += [Row(label=c.name, values=figures[c.pk], area=c) for c in report.children]
    return rows


def _int(value) -> int:
    return int(value or 0)


def _chart(title: str, report: Report, figures: dict, key: str, *, money=False) -> Chart:
    return Chart(
        title=title,
        bars=[Bar(c.name, _int(figures[c.pk][key]), c) for c in report.children],
        money=money,
    )


# --------------------------------------------------------------------------
# The four sections
# --------------------------------------------------------------------------


def _sellers(report: Report, rollup: Rollup, trade: dict) -> Section:
    period = report.period
    status = {f"status_{s}": Count("pk", filter=Q(status=s)) for s in Vendor.Status.values}
    approved = Q(status=Vendor.Status.APPROVED)
    kind = {f"kind_{k}": Count("pk", filter=approved & Q(kind=k)) for k in Vendor.Kind.values}
    vendors = rollup.count(
        Vendor.objects.all(),
        "commune",
        **status,
        **kind,
        women=Coalesce(Sum("women_members", filter=approved), 0),
    )
    Action = ModerationEvent.Action
    events = rollup.count(
        ModerationEvent.objects.filter(period.q("created_at")),
        "vendor__commune",
        applied=Count("pk", filter=Q(action=Action.VENDOR_APPLIED)),
        decided_approved=Count("pk", filter=Q(action=Action.VENDOR_APPROVED)),
        decided_rejected=Count("pk", filter=Q(action=Action.VENDOR_REJECTED)),
    )
    for key, figures in vendors.items():
        figures.update(events[key])
        figures["selling"] = trade[key]["selling"]
    area_label = report.area.name
    main = Table(
        key="sellers",
        title=str(_("Sellers by area")),
        columns=[
            Column("status_approved", str(_("Approved vendors"))),
            Column("women", str(_("Women members"))),
            Column("selling", str(_("With a sale in the period"))),
            Column("applied", str(_("New applications"))),
            Column("decided_approved", str(_("Approvals"))),
            Column("decided_rejected", str(_("Refusals"))),
        ],
        rows=[],
        note=str(_("Vendors and women members as of today; the rest in the period.")),
    )
    main.rows = _area_rows(report, vendors, main.columns, area_label)
    whole = vendors[None]
    kinds = Table(
        key="sellers-kind",
        title=str(_("Approved vendors by kind")),
        columns=[Column("count", str(_("Vendors")))],
        rows=[
            Row(label=str(label), values={"count": whole[f"kind_{value}"]})
            for value, label in Vendor.Kind.choices
        ],
    )
    statuses = Table(
        key="sellers-status",
        title=str(_("Vendors by status")),
        columns=[Column("count", str(_("Vendors")))],
        rows=[
            Row(label=str(label), values={"count": whole[f"status_{value}"]})
            for value, label in Vendor.Status.choices
        ],
    )
    chart = _chart(str(_("Approved vendors")), report, vendors, "status_approved")
    if not report.children:
        chart = Chart(
            str(_("Approved vendors by kind")),
            [Bar(row.label, row.values["count"]) for row in kinds.rows],
        )
    return Section("sellers", str(_("Sellers")), [main, kinds, statuses], chart)


def _products(report: Report, rollup: Rollup) -> Section:
    end = report.period.end
    ocop = Q(ocop_stars__gt=0)
    valid = (
        ocop
        & (Q(ocop_issued_on__isnull=True) | Q(ocop_issued_on__lte=end))
        & (Q(ocop_expires_on__isnull=True) | Q(ocop_expires_on__gte=end))
    )
    for_sale = products_for_sale().annotate(seller_commune=_seller_commune())
    products = rollup.count(
        for_sale,
        "seller_commune",
        for_sale=Count("pk"),
        ocop_valid=Count("pk", filter=valid),
        ocop_expired=Count("pk", filter=ocop & Q(ocop_expires_on__lt=end)),
    )
    pending = rollup.count(
        Listing.objects.filter(status=Listing.Status.PENDING).annotate(
            seller_commune=_seller_commune("product")
        ),
        "seller_commune",
        pending=Count("pk"),
    )
    for key, figures in products.items():
        figures.update(pending[key])
    main = Table(
        key="products",
        title=str(_("Products by area")),
        columns=[
            Column("for_sale", str(_("For sale"))),
            Column("pending", str(_("Awaiting review"))),
            Column("ocop_valid", str(_("OCOP, valid"))),
            Column("ocop_expired", str(_("OCOP, expired"))),
        ],
        rows=[],
        note=str(
            _("Today's products; OCOP certificates as they stand on %(day)s.")
            % {"day": end.strftime("%d/%m/%Y")}
        ),
    )
    main.rows = _area_rows(report, products, main.columns, report.area.name)
    # By top-level category: the first step of Oscar's category path.
    top_paths = (
        for_sale.filter(seller_commune__in=rollup.communes, categories__isnull=False)
        .values(top=Substr("categories__path", 1, Category.steplen))
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    counts = {row["top"]: row["count"] for row in top_paths}
    categories = Table(
        key="products-category",
        title=str(_("Products for sale by category")),
        columns=[Column("count", str(_("For sale")))],
        rows=[
            Row(label=category.name, values={"count": counts.get(category.path, 0)})
            for category in Category.get_root_nodes()
        ],
    )
    chart = _chart(str(_("Products for sale")), report, products, "for_sale")
    if not report.children:
        chart = Chart(
            str(_("Products for sale by category")),
            [Bar(row.label, row.values["count"]) for row in categories.rows],
        )
    return Section("products", str(_("Products")), [main, categories], chart)


METHODS = OrderGroup.PaymentMethod


def _trade_figures(report: Report, rollup: Rollup) -> dict:
    period = report.period
    parts = VendorOrder.objects.filter(period.q("order__date_placed"))
    sold = ~Q(order__status=CANCELLED)
    home = home_province()
    inside = Q(order__shipping_address__state=home.name) if home else Q(pk__in=[])
    aggregates = {
        "parts": Count("pk"),
        "cancelled": Count("pk", filter=~sold),
        "gross": Coalesce(Sum("order__total_incl_tax", filter=sold), Decimal(0)),
        "inside": Count("pk", filter=sold & inside),
        "outside": Count("pk", filter=sold & ~inside),
    }
    for method in METHODS.values:
        by_method = sold & Q(group__payment_method=method)
        aggregates[f"parts_{method}"] = Count("pk", filter=by_method)
        aggregates[f"gross_{method}"] = Coalesce(
            Sum("order__total_incl_tax", filter=by_method), Decimal(0)
        )
    # One row per vendor: the areas' figures, her own (top vendors) and who sold.
    by_vendor = list(
        parts.filter(vendor__commune__in=rollup.communes)
        .values("vendor", commune_key=F("vendor__commune"))
        .annotate(**aggregates)
        .order_by()
    )
    for row in by_vendor:
        row["selling"] = 1 if row["parts"] > row["cancelled"] else 0
    figures = rollup.fold(by_vendor, [*aggregates, "selling"])
    refunds = rollup.count(
        Refund.objects.filter(period.q("part__order__date_placed"), status=Refund.Status.DONE),
        "part__vendor__commune",
        refunded=Coalesce(Sum("amount"), Decimal(0)),
        refunds=Count("pk"),
    )
    # Not additive: one checkout may buy from several areas. One query for every level.
    checkouts = {"whole": Count("group", distinct=True)}
    for child in report.children:
        checkouts[f"child_{child.pk}"] = Count(
            "group", distinct=True, filter=area_q(child, "vendor__commune")
        )
    counted = parts.filter(rollup.q("vendor__commune")).aggregate(**checkouts)
    figures[None]["checkouts"] = counted["whole"]
    for child in report.children:
        figures[child.pk]["checkouts"] = counted[f"child_{child.pk}"]
    figures["vendors"] = by_vendor
    for key, row in figures.items():
        if key == "vendors":
            continue
        row.update(refunds[key])
        row["gross"] = _int(row["gross"])
        row["refunded"] = _int(row["refunded"])
        row["net"] = row["gross"] - row["refunded"]
        kept = row["parts"] - row["cancelled"]
        row["average"] = round(row["gross"] / kept) if kept else 0
        for method in METHODS.values:
            row[f"gross_{method}"] = _int(row[f"gross_{method}"])
    return figures


def _trade(report: Report, rollup: Rollup, figures: dict) -> Section:
    period = report.period
    main = Table(
        key="trade",
        title=str(_("Trade by area")),
        columns=[
            Column("checkouts", str(_("Orders"))),
            Column("parts", str(_("Parts"))),
            Column("cancelled", str(_("Cancelled parts"))),
            Column("gross", str(_("Gross sales (₫)")), money=True),
            Column("refunded", str(_("Refunded (₫)")), money=True),
            Column("net", str(_("Net sales (₫)")), money=True),
            Column("average", str(_("Average part (₫)")), money=True),
            Column("inside", str(_("Delivered in the province"))),
            Column("outside", str(_("Delivered elsewhere"))),
        ],
        rows=[],
        note=str(
            _(
                "Orders placed in the period. An order buying from several areas counts once "
                "in each, so orders do not add up; parts and sums do. Gross sales leave out "
                "cancelled parts and include delivery."
            )
        ),
    )
    main.rows = _area_rows(report, figures, main.columns, report.area.name)
    whole = figures[None]
    methods = Table(
        key="trade-payment",
        title=str(_("By payment method")),
        columns=[
            Column("parts", str(_("Parts"))),
            Column("gross", str(_("Gross sales (₫)")), money=True),
        ],
        rows=[
            Row(
                label=str(label),
                values={"parts": whole[f"parts_{value}"], "gross": whole[f"gross_{value}"]},
            )
            for value, label in METHODS.choices
        ],
    )
    sold = ~Q(order__status=CANCELLED) & period.q("order__date_placed")
    # Lines of the marketplace's orders only (each has its vendor's part).
    in_area = rollup.q("order__part__vendor__commune") & Q(order__part__isnull=False)
    top_products = (
        Line.objects.filter(sold, in_area)
        .values("product_id", "title", "partner_name")
        .annotate(quantity=Sum("quantity"), revenue=Sum("line_price_incl_tax"))
        .order_by("-revenue", "title")[:TOP]
    )
    products = Table(
        key="trade-top-products",
        title=str(_("Top 10 products")),
        columns=[
            Column("vendor", str(_("Vendor")), text=True),
            Column("quantity", str(_("Items"))),
            Column("revenue", str(_("Sales (₫)")), money=True),
        ],
        rows=[
            Row(
                label=row["title"],
                values={
                    "vendor": row["partner_name"],
                    "quantity": _int(row["quantity"]),
                    "revenue": _int(row["revenue"]),
                },
            )
            for row in top_products
        ],
    )
    sold_rows = [row for row in figures["vendors"] if row["selling"]]
    names = {
        v["pk"]: v
        for v in Vendor.objects.filter(pk__in=[row["vendor"] for row in sold_rows]).values(
            "pk", "partner__name", "commune__name"
        )
    }
    top_rows = sorted(
        sold_rows, key=lambda row: (-row["gross"], names[row["vendor"]]["partner__name"])
    )[:TOP]
    top_vendors = [
        {
            "vendor__partner__name": names[row["vendor"]]["partner__name"],
            "vendor__commune__name": names[row["vendor"]]["commune__name"],
            "parts": row["parts"] - row["cancelled"],
            "gross": _int(row["gross"]),
        }
        for row in top_rows
    ]
    vendors = Table(
        key="trade-top-vendors",
        title=str(_("Top 10 vendors")),
        columns=[
            Column("commune", str(_("Commune")), text=True),
            Column("parts", str(_("Parts"))),
            Column("gross", str(_("Gross sales (₫)")), money=True),
        ],
        rows=[
            Row(
                label=row["vendor__partner__name"],
                values={
                    "commune": row["vendor__commune__name"],
                    "parts": row["parts"],
                    "gross": _int(row["gross"]),
                },
            )
            for row in top_vendors
        ],
    )
    chart = _chart(str(_("Gross sales (₫)")), report, figures, "gross", money=True)
    if not report.children:
        chart = Chart(
            str(_("Gross sales by payment method (₫)")),
            [Bar(row.label, row.values["gross"]) for row in methods.rows],
            money=True,
        )
    return Section("trade", str(_("Trade")), [main, methods, products, vendors], chart)


def _content(report: Report, rollup: Rollup, tree: Tree) -> Section:
    period = report.period
    member_commune = "user__vendor_memberships__vendor__commune"
    province = report.area.level == Level.PROVINCE
    people = {
        "entries": (ContestEntry.objects.filter(period.q("created_at")), member_commune),
        "votes": (ContestVote.objects.filter(period.q("created_at")), f"entry__{member_commune}"),
        "quizzes": (QuizAttempt.objects.filter(period.q("created_at")), member_commune),
        # Women who joined the Union: where she lives, counted on the day staff accepted her.
        "members": (
            MembershipRequest.objects.filter(
                period.q("decided_at"), status=MembershipRequest.Status.ACCEPTED
            ),
            "commune",
        ),
    }
    figures: dict = {child.pk: {} for child in report.children}
    figures[None] = {}
    for key, (queryset, path) in people.items():
        counted = rollup.count(queryset, path, **{key: Count("pk", distinct=True)})
        for area_key, row in counted.items():
            figures[area_key].update(row)
        if province:
            # The province also counts people who work for no cooperative.
            figures[None][key] = queryset.count()
    # Stories name a vendor or an area (a district or a commune); a handful a period.
    stories = StoryPage.objects.live().filter(period.q("first_published_at"))
    story_counts: dict = defaultdict(int)
    attributed = 0
    for vendor_commune, area_id in stories.values_list("vendor__commune", "area").order_by():
        where = vendor_commune or area_id
        if not where or not tree.is_under(tree.areas[where], report.area):
            continue
        attributed += 1
        story_counts[tree.child_of(report.area, where)] += 1
    for child in report.children:
        figures[child.pk]["stories"] = story_counts.get(child.pk, 0)
        figures[child.pk]["articles"] = None
    figures[None]["stories"] = stories.count() if province else attributed
    figures[None]["articles"] = (
        ArticlePage.objects.live().filter(period.q("first_published_at")).count()
        if province
        else None
    )
    columns = [
        Column("stories", str(_("Stories published"))),
        Column("articles", str(_("Articles published"))),
        Column("entries", str(_("Contest entries"))),
        Column("votes", str(_("Votes"))),
        Column("quizzes", str(_("Quiz attempts"))),
        Column("members", str(_("New Union members"))),
    ]
    rows = _area_rows(report, figures, columns, report.area.name)
    if province and report.children:
        rest = {
            key: (figures[None][key] or 0) - sum((figures[c.pk][key] or 0) for c in report.children)
            for key in ("stories", "entries", "votes", "quizzes", "members")
        }
        rows.append(
            Row(label=str(_("Not in a cooperative or an area")), values={**rest, "articles": None})
        )
    main = Table(
        key="content",
        title=str(_("Content and reach by area")),
        columns=columns,
        rows=rows,
        note=str(
            _(
                "Entries, votes and quiz attempts count where the person's cooperative is; "
                "new members where they live; articles belong to the whole province."
            )
        ),
    )
    chart = _chart(str(_("Contest entries")), report, figures, "entries")
    if not report.children:
        chart = Chart(
            str(_("Content and reach")),
            [Bar(c.label, _int(figures[None][c.key])) for c in columns if c.key != "articles"],
        )
    return Section("content", str(_("Content and reach")), [main], chart)


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------


def report_build(*, area: AdministrativeArea, period: Period, tree: Tree | None = None) -> Report:
    """The four sections for ``area`` in ``period``, each with the areas one level down."""
    tree = tree or Tree.load()
    area = tree.areas[area.pk]
    report = Report(area=area, period=period, children=list(tree.children[area.pk]))
    rollup = Rollup(tree, area, report.children)
    trade = _trade_figures(report, rollup)
    report.sections = [
        _sellers(report, rollup, trade),
        _products(report, rollup),
        _trade(report, rollup, trade),
        _content(report, rollup, tree),
    ]
    return report


def areas_for(tree: Tree, top: AdministrativeArea) -> Iterable[AdministrativeArea]:
    """``top`` and every area under it, each followed by its own children."""
    yield tree.areas[top.pk]
    for child in tree.children[top.pk]:
        yield from areas_for(tree, child)
