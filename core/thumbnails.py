"""sorl-thumbnail's record of the thumbnails it made, written after the page's transaction.

Every request runs in a transaction (``ATOMIC_REQUESTS``), and sorl's stock
store inserts a row per new thumbnail inside it. Two listing pages rendered
at once for products never shown before each insert their rows and then
wait for the other's, in different orders: PostgreSQL breaks the deadlock by
failing one request. Thumbnail files are written to storage at once and are
not transactional anyway, so here the row waits for the commit: the cache
knows the thumbnail at once, and the row is written in its own short
transaction after the page's (never, if the page fails; the file is found
in storage the next time).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from oscar.core.thumbnails import get_thumbnailer
from sorl.thumbnail import default
from sorl.thumbnail.conf import defaults as default_settings
from sorl.thumbnail.conf import settings
from sorl.thumbnail.images import ImageFile
from sorl.thumbnail.kvstores.base import add_prefix
from sorl.thumbnail.kvstores.cached_db_kvstore import KVStore as CachedDbKVStore
from sorl.thumbnail.models import KVStore as KVStoreModel


def _row_write(key: str, value: str) -> None:
    row, created = KVStoreModel.objects.get_or_create(key=key, defaults={"value": value})
    if not created and row.value != value:
        KVStoreModel.objects.filter(key=key).update(value=value)


class KVStore(CachedDbKVStore):
    def _set_raw(self, key, value):
        self.cache.set(key, value, settings.THUMBNAIL_CACHE_TIMEOUT)
        transaction.on_commit(lambda: _row_write(key, value))


# --- Making a picture's thumbnails before anyone asks -------------------------------

# The widths of storefront_theme/partials/picture.html's srcset, with its options.
PICTURE_SIZES = ("240x240", "480x480", "960x960")
PICTURE_OPTIONS = {"upscale": False}


def picture_thumbnails_make(images: Iterable) -> int:
    """Make the srcset's thumbnails of these product pictures; return how many have them.

    A page that shows a picture for the first time would otherwise resize and
    encode three images while the shopper waits (tens of milliseconds each).
    A picture whose file is missing is logged by sorl and not counted.
    """
    thumbnailer = get_thumbnailer()
    made = 0
    for image in images:
        if not image.original:
            continue
        thumbnails = [
            thumbnailer.generate_thumbnail(image.original, size=size, **PICTURE_OPTIONS)
            for size in PICTURE_SIZES
        ]
        made += all(thumbnail.size for thumbnail in thumbnails)
    return made


# --- Reading a page's thumbnail records in one query -------------------------------


def _thumbnail_key(name: str, geometry: str) -> str:
    """The store key ``get_thumbnail(name, geometry, **PICTURE_OPTIONS)`` looks up first.

    The options are completed exactly as sorl's ``ThumbnailBackend.get_thumbnail``
    completes them before naming the file (tests check the keys against what
    sorl stores).
    """
    backend = default.backend
    source = ImageFile(name)
    options = dict(PICTURE_OPTIONS)
    if settings.THUMBNAIL_PRESERVE_FORMAT:
        options.setdefault("format", backend._get_format(source))
    for key, value in backend.default_options.items():
        options.setdefault(key, value)
    for key, attr in backend.extra_options:
        value = getattr(settings, attr)
        if value != getattr(default_settings, attr):
            options.setdefault(key, value)
    thumbnail = ImageFile(
        backend._get_thumbnail_filename(source, geometry, options), default.storage
    )
    return add_prefix(thumbnail.key)


def picture_record_keys(image) -> list[str]:
    """The store keys of a picture's srcset thumbnails."""
    if not image.original:
        return []
    return [_thumbnail_key(image.original.name, size) for size in PICTURE_SIZES]


def product_pictures_prefetch(products: Iterable) -> int:
    """Put the thumbnail records of these products' first pictures in the cache, in one query.

    A listing page otherwise asks the database once per thumbnail the first
    time a process shows it (72 queries for 24 cards). Returns how many
    records were read from the database.
    """
    keys = []
    for product in products:
        images = list(product.images.all()[:1])  # prefetched by product_cards
        keys += picture_record_keys(images[0]) if images else []
    if not keys:
        return 0
    store = default.kvstore
    cached = store.cache.get_many(keys)
    missing = [key for key in keys if key not in cached]
    if not missing:
        return 0
    rows = dict(KVStoreModel.objects.filter(key__in=missing).values_list("key", "value"))
    store.cache.set_many(rows, settings.THUMBNAIL_CACHE_TIMEOUT)
    return len(rows)
