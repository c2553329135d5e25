"""Reads the Union's pages share with the shop (cards, product and vendor pages)."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from cms.models import (
    ArticlePage,
    ContestEntry,
    ContestPage,
    NewsIndexPage,
    ProductCollection,
    StoryIndexPage,
    StoryPage,
)
from core.page_cache import page_cache_version, versioned_cached
from core.text import in_language
from marketplace.selectors import products_for_sale


def curated_product_ids(day: datetime.date | None = None) -> frozenset[int]:
    """Products for sale in a live collection: the "Chosen by the Women's Union" badge.

    One query, whatever the number of cards on the page, and none while the
    catalogue has not changed since (the anonymous page cache's version and
    lifetime, ``PAGE_CACHE_SECONDS``; nothing is kept when that is 0).
    """
    day = day or timezone.localdate()

    def read() -> frozenset[int]:
        live = ProductCollection.objects.live(day)
        return frozenset(
            products_for_sale()
            .filter(collection_items__collection__in=live)
            .values_list("pk", flat=True)
            .distinct()
        )

    return versioned_cached(f"curated:{day.isoformat()}", read)[0]


def _stories() -> QuerySet:
    return (
        StoryPage.objects.live()
        .public()
        .select_related("portrait", "vendor__partner", "area")
        .prefetch_related("portrait__renditions")
        .order_by("-first_published_at", "-pk")
    )


def stories_latest(*, limit: int = 3) -> QuerySet:
    return _stories()[:limit]


def stories_for_product(product) -> QuerySet:
    """Live stories of the women who make ``product`` ("Meet the maker")."""
    return _stories().filter(product_links__product=product).distinct()


def stories_for_vendor(vendor) -> QuerySet:
    """Live stories naming the vendor, or showing one of her products."""
    return (
        _stories()
        .filter(
            Q(vendor=vendor) | Q(product_links__product__stockrecords__partner=vendor.partner_id)
        )
        .distinct()
    )


def articles_latest(*, limit: int = 4) -> QuerySet:
    return ArticlePage.objects.live().public().order_by("-date", "-pk")[:limit]


def contest_current(*, now: datetime.datetime | None = None):
    """The live contest open now that closes soonest, else the next one to open."""
    now = now or timezone.now()
    contests = ContestPage.objects.live().public()
    return (
        contests.filter(starts_at__lte=now, ends_at__gt=now).order_by("ends_at").first()
        or contests.filter(starts_at__gt=now).order_by("starts_at").first()
    )


def contest_entries_public(contest, *, with_votes: bool = False) -> QuerySet:
    """Approved entries; with their vote counts (most votes first) once results are shown."""
    entries = contest.entries.filter(status=ContestEntry.Status.APPROVED).select_related("user")
    if with_votes:
        return entries.annotate(vote_count=Count("votes")).order_by("-vote_count", "created_at")
    return entries.order_by("created_at", "pk")


def quiz_ranking(contest) -> QuerySet:
    """Best score first; among equal scores, who answered first."""
    return contest.attempts.select_related("user").order_by("-score", "created_at", "pk")


PRIMARY_LINKS_CACHE_KEY = "cms:primary_page_links"


def primary_page_links() -> list[dict]:
    """Links to the Union's section pages (stories, news) for the header and footer.

    Titled in the active language (a page's ``title_en`` on English pages).
    Cached because every page shows them, under the page cache's version:
    publishing, moving or unpublishing a page changes it for every process
    and machine at once (core/page_cache.py), which a delete in one process
    could not do for the others' memory.
    """
    key = f"{PRIMARY_LINKS_CACHE_KEY}:{page_cache_version()}"
    links = cache.get(key)
    if links is None:
        links = [
            {"title": page.title, "title_en": page.title_en, "url": page.url}
            for model in (StoryIndexPage, NewsIndexPage)
            for page in model.objects.live().public().order_by("path")[:1]
        ]
        cache.set(key, links, 60 * 60)
    return [
        {"title": in_language(link["title"], link.get("title_en", "")), "url": link["url"]}
        for link in links
    ]


def vendor_story(vendor):
    """Her latest published story ("Women on the digital transformation journey"), if any."""
    return (
        StoryPage.objects.live()
        .public()
        .filter(vendor=vendor)
        .order_by("-first_published_at", "-pk")
        .first()
    )
