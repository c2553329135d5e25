"""The shared block library: rich text stays markup-free, embeds fall back to a link."""

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from cms.blocks import EmbedOrLinkBlock, RichTextBlock
from cms.templatetags.cms_tags import embed_or_link

pytestmark = pytest.mark.django_db


def contentstate(text: str, url: str) -> str:
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def test_rich_text_cannot_carry_a_script_or_a_javascript_link():
    block = RichTextBlock()
    submitted = contentstate("Click <script>alert(1)</script> here", "javascript:alert(1)")
    value = block.clean(block.value_from_datadict({"body": submitted}, {}, "body"))
    stored = block.get_prep_value(value)
    rendered = str(block.render(value))
    assert "javascript:" not in stored and "javascript:" not in rendered
    assert "<script>" not in stored and "<script>" not in rendered
    assert "&lt;script&gt;" in rendered  # the text the editor typed, shown as text


def test_rich_text_keeps_ordinary_links():
    block = RichTextBlock()
    value = block.value_from_datadict(
        {"body": contentstate("Hội phụ nữ", "https://hoiphunu.example.vn/")}, {}, "body"
    )
    assert 'href="https://hoiphunu.example.vn/"' in str(block.render(value))


def test_embed_falls_back_to_a_plain_link_when_it_cannot_be_embedded():
    url = "https://video.example.org/livestream/42"  # no oEmbed provider knows it
    html = embed_or_link(url)
    assert f'href="{url}"' in html
    assert "<iframe" not in html


def test_embed_shows_the_player_when_the_provider_answers():
    url = "https://www.youtube.com/watch?v=abc"
    Embed.objects.create(
        url=url,
        max_width=800,  # the width the block asks for
        hash=get_embed_hash(url, 800),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/abc"></iframe>',
        title="Livestream",
    )
    html = str(EmbedOrLinkBlock().render(url))
    assert "<iframe" in html


def test_embed_block_refuses_non_web_addresses():
    with pytest.raises(ValidationError):
        EmbedOrLinkBlock().clean("ftp://example.org/video")
