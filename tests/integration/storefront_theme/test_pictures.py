"""Product pictures: a file missing from storage leaves a blank frame, never an error page."""

import pytest

from tests.factories import product_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def lost_picture(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)  # an empty media folder: the file is gone
    product = product_create("Cơm cháy chà bông")
    product.images.create(original="images/products/demo/lost.webp", display_order=0)
    return product


@pytest.mark.parametrize("where", ["/catalogue/", "/search/?q=com+chay", "product"])
def test_a_missing_picture_file_shows_a_blank_frame(client, lost_picture, where):
    url = lost_picture.get_absolute_url() if where == "product" else where
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cơm cháy chà bông" in html
    assert 'class="no-image"' in html
