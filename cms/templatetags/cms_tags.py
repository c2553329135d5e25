"""Template helpers for the Union's pages and for shop pages that show them."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from cms import selectors
from core import text

register = template.Library()

ARTICLE_TYPES = {"StoryPage", "ArticlePage", "CampaignPage"}


@register.filter
def in_language(vietnamese, english=""):
    """``{{ value.heading|in_language:value.heading_en }}``: the English twin on English pages."""
    return text.in_language(vietnamese or "", english or "")


@register.simple_tag
def embed_or_link(url: str, max_width: int | None = None):
    """The embedded player when Wagtail's finders can embed ``url``, else a plain link."""
    if not url:
        return ""
    try:
        embed = embeds.get_embed(url, max_width)
    except (EmbedException, OSError):
        embed = None
    if embed is not None and embed.html:
        return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    return render_to_string("cms/includes/embed_link.html", {"url": url})


@register.simple_tag
def stories_for_product(product):
    return list(selectors.stories_for_product(product)) if product else []


@register.simple_tag
def stories_for_vendor(vendor):
    return list(selectors.stories_for_vendor(vendor)) if vendor else []


def _absolute(request, url: str) -> str:
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def _page_image(page):
    for name in ("portrait", "image", "cover_image"):
        image = getattr(page, name, None)
        if image is not None and hasattr(image, "get_rendition"):
            return image.get_rendition("fill-1200x630").url
    return ""


def _product_image(product):
    image = product.primary_image()
    if isinstance(image, dict):  # Oscar's "missing image" placeholder
        return ""
    return image.original.url if image.original else ""


@register.simple_tag(takes_context=True)
def social_meta(context) -> dict:
    """Title, description, image and address a shared link shows (Open Graph, Twitter).

    Taken from the Wagtail page, the product or the vendor in the context;
    every other page falls back to the site's name.
    """
    request = context.get("request")
    page = context.get("page")
    product = context.get("product")
    vendor = context.get("vendor")
    site_name = str(context.get("union_site_name") or context.get("shop_name") or "")
    meta = {"type": "website", "title": site_name, "description": "", "image": ""}
    if product is not None and hasattr(product, "get_title"):
        meta.update(
            type="product",
            title=product.get_title(),
            description=strip_tags(product.description or ""),
            image=_product_image(product),
        )
    elif page is not None and hasattr(page, "specific") and hasattr(page, "search_description"):
        meta.update(
            type="article"
            if page.specific_class.__name__ in {"StoryPage", "ArticlePage"}
            else "website",
            title=getattr(page, "display_seo_title", None) or page.seo_title or page.title,
            description=page.search_description
            or strip_tags(str(getattr(page, "intro", "") or "")),
            image=_page_image(page),
        )
    elif vendor is not None and hasattr(vendor, "story"):
        meta.update(
            title=vendor.name,
            description=vendor.story or "",
            image=vendor.cover_image.url if vendor.cover_image else "",
        )
    meta["description"] = Truncator(" ".join(meta["description"].split())).chars(200)
    meta["image"] = _absolute(request, meta["image"])
    meta["url"] = request.build_absolute_uri(request.path) if request is not None else ""
    meta["site_name"] = site_name
    return meta


@register.inclusion_tag("cms/includes/share_links.html", takes_context=True)
def share_links(context):
    """Facebook, Zalo and copy-link buttons: plain links, no third-party script."""
    request = context.get("request")
    url = request.build_absolute_uri(request.path) if request is not None else ""
    encoded = quote(url, safe="")
    return {
        "url": url,
        "facebook_url": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "zalo_url": f"https://sp.zalo.me/share_inapp?url={encoded}",
    }


@register.simple_tag
def curated_badge(product, curated_ids):
    # Outside a request's context (admin previews, e-mails) the ids are missing: no badge.
    if product is None or isinstance(curated_ids, str) or not curated_ids:
        return ""
    if product.pk in curated_ids:
        return render_to_string("cms/includes/curated_badge.html")
    return ""
