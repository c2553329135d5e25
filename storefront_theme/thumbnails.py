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
from sorl.thumbnail.conf import settings
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
