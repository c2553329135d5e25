"""A picture's thumbnails are made when it is saved, or in bulk, never while a shopper waits."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from oscar.core.loading import get_model
from PIL import Image

from core.thumbnails import PICTURE_SIZES
from tests.factories import product_create, vendor_create

ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db

PICTURE = "storefront_theme/partials/picture.html"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def _picture_file(name: str) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (200, 120, 40)).save(buffer, format="JPEG")
    return default_storage.save(f"images/products/{name}.jpg", ContentFile(buffer.getvalue()))


def _thumbnails(media: Path) -> list[Path]:
    return sorted((media / "cache").rglob("*.webp")) if (media / "cache").exists() else []


def test_the_page_shows_the_sizes_that_are_made(media):
    from sorl.thumbnail import get_thumbnail

    product = product_create()
    image = ProductImage.objects.create(product=product, original=_picture_file("com-chay"))
    html = render_to_string(PICTURE, {"image": image, "alt": "Cơm cháy"})
    for size in PICTURE_SIZES:
        thumbnail = get_thumbnail(image.original, size, upscale=False)
        assert f"{thumbnail.url} {thumbnail.width}w" in html
    assert 'alt="Cơm cháy"' in html


def test_saving_a_picture_makes_its_thumbnails(media, django_capture_on_commit_callbacks):
    product = product_create()
    with django_capture_on_commit_callbacks(execute=True):
        product.images.create(original=_picture_file("com-chay"), display_order=0)
    assert len(_thumbnails(media)) == len(PICTURE_SIZES)


def test_the_command_makes_the_thumbnails_of_pictures_loaded_in_bulk(media):
    product = product_create()
    ProductImage.objects.bulk_create(  # no signal, as the demo loader does
        ProductImage(product=product, original=_picture_file(f"p{n}"), display_order=n)
        for n in range(2)
    )
    ProductImage.objects.create(
        product=product, original="images/products/lost.jpg", display_order=5
    )
    out = io.StringIO()
    call_command("product_thumbnails", processes=1, stdout=out)
    assert len(_thumbnails(media)) == 2 * len(PICTURE_SIZES)  # the lost file is skipped
    assert "Thumbnails ready for 2 of 3 pictures" in out.getvalue()


def test_a_bad_process_count_is_refused():
    with pytest.raises(CommandError, match="between 1 and 64"):
        call_command("product_thumbnails", processes=0)


def test_the_keys_read_ahead_are_the_keys_sorl_stores(media, django_capture_on_commit_callbacks):
    from sorl.thumbnail.models import KVStore as KVStoreModel

    from core.thumbnails import picture_record_keys, picture_thumbnails_make

    product = product_create()
    image = ProductImage.objects.create(
        product=product, original=_picture_file("mat-ong"), display_order=0
    )
    with django_capture_on_commit_callbacks(execute=True):  # the records follow the commit
        picture_thumbnails_make([image])
    stored = set(KVStoreModel.objects.values_list("key", flat=True))
    assert set(picture_record_keys(image)) <= stored


def test_a_listing_reads_its_thumbnail_records_in_one_query(
    client, media, django_capture_on_commit_callbacks
):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.thumbnails import picture_thumbnails_make

    def queries() -> int:
        caches["thumbnails"].clear()  # a process that has not shown these pictures yet
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/catalogue/").status_code == 200
        return len(captured)

    vendor = vendor_create()

    def add_products(count: int) -> None:
        for n in range(count):
            product = product_create(f"Mật ong số {n}", vendor=vendor)
            image = ProductImage.objects.create(
                product=product, original=_picture_file(f"m{n}"), display_order=0
            )
            with django_capture_on_commit_callbacks(execute=True):
                picture_thumbnails_make([image])

    add_products(2)
    queries()  # the process's one-time lookups (site, content types)
    few = queries()
    add_products(6)
    assert queries() == few


def test_a_listing_asks_the_cache_for_its_thumbnail_records_once(
    media, django_capture_on_commit_callbacks, monkeypatch
):
    """Once for the whole page's pictures, and once more for the records of pictures not
    kept yet, however many cards: not once per thumbnail (72 on a page)."""
    from sorl.thumbnail import default

    from core.thumbnails import picture_thumbnails_make, product_pictures_prefetch

    vendor = vendor_create()
    products = []
    for n in range(4):
        product = product_create(f"Cơm cháy số {n}", vendor=vendor)
        ProductImage.objects.create(product=product, original=_picture_file(f"c{n}"))
        products.append(product)
    asked = []
    get_many = default.kvstore.cache.get_many
    monkeypatch.setattr(
        default.kvstore.cache, "get_many", lambda keys: asked.append(len(keys)) or get_many(keys)
    )
    product_pictures_prefetch(products)
    assert asked == [4, 4 * len(PICTURE_SIZES)]
    picture_thumbnails_make([product.images.get() for product in products])
    asked.clear()
    product_pictures_prefetch(products)
    assert asked == [4]


def test_a_page_of_cards_reads_its_kept_pictures_without_asking_sorl(media, monkeypatch):
    """Made once, a picture's thumbnails are read whole for every card that shows it."""
    import core.thumbnails as thumbnails
    from core.thumbnails import picture_thumbnails_make, product_pictures_prefetch

    vendor = vendor_create()
    products = []
    for n in range(3):
        product = product_create(f"Mật ong số {n}", vendor=vendor)
        image = ProductImage.objects.create(product=product, original=_picture_file(f"m{n}"))
        picture_thumbnails_make([image])
        products.append(product)
    drawn = render_to_string(PICTURE, {"image": products[0].images.get(), "alt": ""})

    def no_sorl():
        raise AssertionError("sorl asked for a kept picture")

    monkeypatch.setattr(thumbnails, "get_thumbnailer", no_sorl)
    fresh = list(type(products[0]).objects.filter(pk__in=[p.pk for p in products]).order_by("pk"))
    for product in fresh:
        product.images.all()  # as product_cards prefetches them
    assert product_pictures_prefetch(fresh) == 0  # no record read from the database
    again = render_to_string(PICTURE, {"image": fresh[0].images.all()[0], "alt": ""})
    assert again == drawn
    assert 'srcset="' in again


def test_a_missing_file_is_a_blank_frame_until_its_thumbnails_are_made(media):
    from sorl.thumbnail import default

    from core.thumbnails import picture_sources_key

    product = product_create()
    name = _picture_file("bi-mat")
    content = (media / name).read_bytes()
    (media / name).unlink()
    image = ProductImage.objects.create(product=product, original=name)
    html = render_to_string(PICTURE, {"image": image, "alt": "Mật ong"})
    assert '<span class="no-image" role="img" aria-label="Mật ong"></span>' in html
    assert default.kvstore.cache.get(picture_sources_key(name)) is None  # nothing kept
    (media / name).write_bytes(content)
    image = ProductImage.objects.get(pk=image.pk)
    html = render_to_string(PICTURE, {"image": image, "alt": "Mật ong"})
    assert "<img " in html and "no-image" not in html


def test_kept_pictures_follow_how_thumbnails_are_made(media, settings):
    """Another format is another key; an entry of another shape is a miss, never an error."""
    from sorl.thumbnail import default

    from core.thumbnails import picture_sources_key

    product = product_create()
    image = ProductImage.objects.create(product=product, original=_picture_file("keo-lac"))
    webp = picture_sources_key(image.original.name)
    settings.THUMBNAIL_FORMAT = "JPEG"
    assert picture_sources_key(image.original.name) != webp
    settings.THUMBNAIL_FORMAT = "WEBP"
    default.kvstore.cache.set(webp, (("old.webp", 240, 160),))  # two sizes short
    html = render_to_string(PICTURE, {"image": image, "alt": ""})
    assert "old.webp" not in html and html.count(".webp ") == 3  # three widths, from sorl
