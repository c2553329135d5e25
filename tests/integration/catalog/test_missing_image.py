"""The "no picture yet" image of a product, when several first pages ask for it at once."""

import os

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from tests.factories import product_create

pytestmark = pytest.mark.django_db


def test_a_picture_linked_meanwhile_by_another_request_is_used(monkeypatch, tmp_path):
    settings_media = tmp_path / "media"
    settings_media.mkdir()
    monkeypatch.setattr(settings, "MEDIA_ROOT", str(settings_media))
    product = product_create("Mật ong hoa nhãn")
    link = os.symlink

    def linked_first_by_another_request(source, target):
        link(source, target)
        raise FileExistsError(target)

    monkeypatch.setattr(os, "symlink", linked_first_by_another_request)

    image = product.get_missing_image()

    assert (settings_media / image.name).exists()


def test_a_missing_picture_that_cannot_be_linked_is_still_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "MEDIA_ROOT", str(tmp_path / "media"))
    product = product_create("Mật ong hoa nhãn")

    def refused(source, target):
        raise PermissionError(target)

    monkeypatch.setattr(os, "symlink", refused)

    with pytest.raises(ImproperlyConfigured, match="copy/symlink"):
        product.get_missing_image()
