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

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

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
    A picture whose file is missing is logged by sorl and not counted. Each
    picture's sources are kept for the pages that show it (``picture_sources``).
    """
    made = 0
    for image in images:
        if image.original:
            made += bool(_sources_make(image.original))
    return made


# --- A picture's srcset, kept whole ------------------------------------------------
#
# Asking sorl for a thumbnail costs about 0.2 ms even when it is known: the
# source's name and options are serialised and hashed into its key, then its
# record read and parsed; a card asks for three. Here each picture's three
# thumbnails (name, width, height) are kept in the thumbnails cache under the
# picture's file name, put there when they are made or first shown, and a
# page of cards reads all of its pictures' in one ``get_many``. A picture's file never
# changes under its name (a new upload gets a new name). Nothing is kept for a
# picture whose file is missing: the page draws a blank frame, and once the
# file is back its thumbnails are made and kept.

PICTURE_SOURCE_NAMES = ("small", "medium", "large")  # PICTURE_SIZES, in order


@dataclass(frozen=True)
class PictureSource:
    name: str
    width: int
    height: int

    @property
    def url(self) -> str:
        return default.storage.url(self.name)


# A day: a picture's thumbnails removed by hand (sorl's ``thumbnail clear``) are
# asked of sorl again by the next day; any picture shown since is kept anew.
PICTURE_SOURCES_SECONDS = 24 * 3600


def picture_sources_key(name: str) -> str:
    """Under the file's name and how its thumbnails are made: another size, option or
    format is another key, never an old thumbnail."""
    made = repr((PICTURE_SIZES, sorted(PICTURE_OPTIONS.items()), settings.THUMBNAIL_FORMAT))
    return "picture:" + hashlib.sha256(f"{made}|{name}".encode()).hexdigest()[:40]


def _sources(kept) -> dict[str, PictureSource] | None:
    """The kept sources, or None for anything else (a miss)."""
    if not isinstance(kept, tuple) or len(kept) != len(PICTURE_SOURCE_NAMES):
        return None
    pairs = zip(PICTURE_SOURCE_NAMES, kept, strict=True)
    return {label: PictureSource(*source) for label, source in pairs}


def _sources_make(original) -> dict[str, PictureSource]:
    """The picture's three thumbnails from sorl (made if missing), kept; {} when its file is."""
    thumbnailer = get_thumbnailer()
    kept = []
    for size in PICTURE_SIZES:
        thumbnail = thumbnailer.generate_thumbnail(original, size=size, **PICTURE_OPTIONS)
        if not thumbnail.size:
            return {}
        kept.append((thumbnail.name, thumbnail.width, thumbnail.height))
    default.kvstore.cache.set(
        picture_sources_key(original.name), tuple(kept), PICTURE_SOURCES_SECONDS
    )
    return _sources(tuple(kept))


def picture_sources(image) -> dict[str, PictureSource]:
    """``{"small": ..., "medium": ..., "large": ...}`` of a product picture; {} without a file.

    Read ahead for a page's cards by ``product_pictures_prefetch``; otherwise
    from the cache, or from sorl the first time.
    """
    if not image.original:
        return {}
    read_ahead = getattr(image, "_picture_sources", None)
    if read_ahead is not None:
        return read_ahead
    kept = _sources(default.kvstore.cache.get(picture_sources_key(image.original.name)))
    sources = kept if kept is not None else _sources_make(image.original)
    image._picture_sources = sources
    return sources


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
    """Read ahead the sources of these products' first pictures: kept ones in one ``get_many``,
    and the thumbnail records of the others into the cache, in one query.

    A listing page otherwise asks the database once per thumbnail the first
    time a process shows it (72 queries for 24 cards). Returns how many
    records were read from the database.
    """
    firsts = []
    for product in products:
        images = list(product.images.all()[:1])  # prefetched by product_cards
        if images and images[0].original:
            firsts.append(images[0])
    if not firsts:
        return 0
    names = {image.pk: picture_sources_key(image.original.name) for image in firsts}
    kept = default.kvstore.cache.get_many(list(names.values()))
    keys = []
    for image in firsts:
        sources = _sources(kept.get(names[image.pk]))
        if sources is not None:
            image._picture_sources = sources
        else:
            keys += picture_record_keys(image)
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
