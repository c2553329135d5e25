"""Shared links show a card (Open Graph, Twitter); sitemap.xml and robots.txt."""

import re

import pytest

from marketplace.models import Listing
from tests.factories import image_create, product_create, story_create, vendor_create

pytestmark = pytest.mark.django_db


def meta(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_a_story_has_open_graph_and_twitter_meta_and_share_links(client, story_index):
    story = story_create(
        story_index, "Chị Lan livestream", intro="Bán cói qua Zalo", portrait=image_create()
    )
    html = client.get(story.url).content.decode()
    assert meta(html, "og:title") == "Chị Lan livestream"
    assert meta(html, "og:description") == "Bán cói qua Zalo"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == f"http://testserver{story.url}"
    assert meta(html, "og:image").startswith("http://testserver/")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:title") == "Chị Lan livestream"
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in html
    assert "zalo.me" in html
    assert f'data-copy-link="http://testserver{story.url}"' in html
    assert "connect.facebook.net" not in html and "sp.zalo.me/plugins" not in html


def test_a_product_page_has_its_own_card(client, home_page):
    product = product_create("Chiếu cói Kim Sơn", description="<p>Chiếu cói dệt tay</p>")
    html = client.get(product.get_absolute_url()).content.decode()
    assert meta(html, "og:title") == "Chiếu cói Kim Sơn"
    assert meta(html, "og:description") == "Chiếu cói dệt tay"
    assert meta(html, "og:type") == "product"


def test_every_other_page_still_has_a_title_card(client, home_page):
    html = client.get("/cooperatives/").content.decode()
    assert meta(html, "og:title")
    assert meta(html, "twitter:card") == "summary"


def test_sitemap_lists_pages_products_for_sale_and_vendors(client, story_index):
    vendor = vendor_create("Hợp tác xã Cói")
    shown = product_create("Chiếu cói", vendor=vendor)
    hidden = product_create("Chưa duyệt", vendor=vendor)
    Listing.objects.filter(product=hidden).update(status=Listing.Status.PENDING)
    story = story_create(story_index, "Câu chuyện cói", vendor=vendor)
    draft = story_create(story_index, "Bản nháp")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    # Pages carry their Wagtail site's address; shop pages the address asked for.
    assert f"<loc>{story.get_full_url()}</loc>" in xml
    assert f"<loc>{story.get_site().root_url}/</loc>" in xml
    assert f"<loc>http://testserver{shown.get_absolute_url()}</loc>" in xml
    assert f"<loc>http://testserver{vendor.get_absolute_url()}</loc>" in xml
    assert hidden.get_absolute_url() not in xml
    assert draft.url_path.rstrip("/").rsplit("/", 1)[-1] not in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_admin_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /cms/" in text and "Disallow: /checkout/" in text
