"""Pages whose slug is a broken transliteration of their title get the readable one.

Before, Wagtail's admin turned "Tổ cói Kim Chính nhận đơn qua Zalo" into
``t-coi-kim-chinh-nhn-djn-qua-zalo`` (its browser transliteration knows no
Vietnamese), and pages made in code into ``to-coi-kim-chinh-nhan-on-qua-zalo``
(Django's ``slugify`` drops đ). Such a page now gets
``to-coi-kim-chinh-nhan-don-qua-zalo``; its old address, and those of the
pages below it, answer with a permanent redirect (Wagtail's redirects app).

A slug an editor chose herself (one matching neither broken form of the
current title) is left alone.
"""

import re
import unicodedata

from django.db import migrations
from django.utils.text import slugify

from core.text import vn_slugify

# Wagtail's admin transliteration (its LATIN, ROMANIAN and SERBIAN maps), for the
# letters of Vietnamese: every other marked letter was dropped.
_WAGTAIL_JS_MAP = {
    **dict.fromkeys("ÀÁÂÃĂ", "A"),
    **dict.fromkeys("àáâãă", "a"),
    **dict.fromkeys("ÈÉÊ", "E"),
    **dict.fromkeys("èéê", "e"),
    **dict.fromkeys("ÌÍ", "I"),
    **dict.fromkeys("ìí", "i"),
    **dict.fromkeys("ÒÓÔÕ", "O"),
    **dict.fromkeys("òóôõ", "o"),
    **dict.fromkeys("ÙÚ", "U"),
    **dict.fromkeys("ùú", "u"),
    "Ý": "Y",
    "ý": "y",
    "Đ": "Dj",
    "đ": "dj",
}
STEPLEN = 4  # treebeard's path step in Wagtail's page tree
_SUFFIX = re.compile(r"-\d+$")


def wagtail_admin_slug(title: str) -> str:
    """The slug Wagtail 8's admin made from ``title`` (its ``urlify``, unicode slugs off)."""
    text = "".join(_WAGTAIL_JS_MAP.get(ch, ch) for ch in unicodedata.normalize("NFC", title.strip()))
    text = re.sub(r"[^-\w\s]", "", text.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", text)[:255].rstrip("-")


def broken_slugs(title: str) -> set[str]:
    return {wagtail_admin_slug(title), slugify(title)} - {""}


def _site_paths(Site, url_path: str, old_url_paths: dict) -> list[tuple[object, str]]:
    """(site, path) of a page's old address on each site it belonged to."""
    paths = []
    for site in Site.objects.all():
        root = old_url_paths[site.root_page_id]
        if url_path.startswith(root):
            paths.append((site, ("/" + url_path[len(root) :]).rstrip("/") or "/"))
    return paths


def reslug(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")

    old_url_paths = dict(Page.objects.values_list("pk", "url_path"))
    changed = False
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        readable = vn_slugify(page.title)[:255]
        if not readable or page.slug == readable:
            continue
        if page.slug not in broken_slugs(page.title) and _SUFFIX.sub(
            "", page.slug
        ) not in broken_slugs(page.title):
            continue
        siblings = Page.objects.filter(
            path__startswith=page.path[:-STEPLEN], depth=page.depth
        ).exclude(pk=page.pk)
        slug, n = readable, 1
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{readable}-{n}"
        old_slug = page.slug
        # url_path as it is now (an ancestor's new slug may already have changed it).
        url_path = Page.objects.get(pk=page.pk).url_path
        new_url_path = url_path[: -len(old_slug) - 1] + slug + "/"
        Page.objects.filter(pk=page.pk).update(slug=slug, url_path=new_url_path)
        for pk, descendant_path in Page.objects.filter(
            path__startswith=page.path, depth__gt=page.depth
        ).values_list("pk", "url_path"):
            Page.objects.filter(pk=pk).update(
                url_path=new_url_path + descendant_path[len(url_path) :]
            )
        # A later publish of an older revision would bring the broken slug back.
        page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
        for revision in Revision.objects.filter(
            base_content_type=page_type, object_id=str(page.pk)
        ):
            if revision.content.get("slug") == old_slug:
                revision.content["slug"] = slug
                revision.save(update_fields=["content"])
        changed = True

    if not changed:
        return
    for page in Page.objects.filter(live=True).only("pk", "url_path"):
        old = old_url_paths.get(page.pk)
        if old is None or old == page.url_path:
            continue
        for site, old_path in _site_paths(Site, old, old_url_paths):
            Redirect.objects.get_or_create(
                old_path=old_path,
                site=site,
                defaults={"redirect_page": page, "is_permanent": True},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_story_body_streamfield"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(reslug, migrations.RunPython.noop, elidable=True)]
