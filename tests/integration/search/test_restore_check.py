"""``manage.py restore_check``: what an operator runs after restoring a backup."""

from __future__ import annotations

import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.engine import index_alias
from tests.factories import product_create
from tests.images import product_image_add

pytestmark = pytest.mark.django_db


def restore_check() -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("restore_check", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def database_search(settings):
    settings.SEARCH_URL = ""


@pytest.fixture
def shop():
    product = product_create("Cơm cháy chà bông")
    image = product_image_add(product)
    return {"product": product, "image": image}


def test_a_complete_restore_passes_and_shows_the_counts(database_search, shop):
    out, err, failed = restore_check()
    assert failed is None, err
    assert "no problem found" in out
    assert "products:" in out and "for sale:         1" in out
    assert "files checked:" in out


def test_a_picture_missing_from_the_media_volume_fails_and_names_it(database_search, shop):
    name = shop["image"].original.name
    os.remove(shop["image"].original.path)
    out, err, failed = restore_check()
    assert failed is not None  # call_command raises: manage.py exits 1
    assert "1 file(s) named in the database are missing" in err
    assert name in err and "restore the media volume" in err


def test_an_empty_database_fails(database_search):
    _out, err, failed = restore_check()
    assert failed is not None and "no product at all" in err


@pytest.mark.service("search")
def test_an_index_behind_the_database_fails_with_the_drift(engine, shop):
    call_command("search_index", "rebuild", stdout=StringIO())
    engine.refresh(index="*")
    assert restore_check()[2] is None
    # The database restored, the engine's data not: its index is gone.
    engine.index_delete(name=f"{index_alias()}-*")
    _out, err, failed = restore_check()
    assert failed is not None
    assert "holds 0 products, 1 are for sale (drift -1)" in err
    assert "search_index rebuild" in err


def test_an_engine_that_does_not_answer_fails(closed_port_engine, shop):
    _out, err, failed = restore_check()
    assert failed is not None and "does not answer" in err
