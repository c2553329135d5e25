"""The allow-list that user-written text passes before it is saved or shown."""

import pytest
from django.template import Context, Template

from core.sanitise import plain_text, rich_text

# What Oscar's product editor (TinyMCE: styles, bold, italic, quote, lists, link) writes.
EDITOR_HTML = (
    "<h2>Làn cói Kim Sơn</h2>"
    "<p><strong>Dệt tay</strong> từ <em>cói</em> Kim Sơn &amp; nhuộm tự nhiên.<br>"
    "Bền &lt; 5 năm?</p>"
    "<ul><li>Nhẹ</li><li>Bền</li></ul><ol><li>Một</li></ol>"
    "<h3>Bảo quản</h3><h4>Chú ý</h4><blockquote>Tránh nước.</blockquote>"
    '<p><a href="https://ocop.gov.vn/" rel="noopener noreferrer nofollow">Chương trình OCOP</a></p>'
)

HOSTILE = {
    "script": "<script>alert('xss')</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "javascript link": '<a href="javascript:alert(1)">bấm</a>',
    "obfuscated javascript link": '<a href="JaVaScRiPt&#x09;:alert(1)">bấm</a>',
    "data link": '<a href="data:text/html;base64,PHNjcmlwdD4=">bấm</a>',
    "svg onload": '<svg onload="alert(1)"><circle r="4"/></svg>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style url": "<p style=\"background:url('javascript:alert(1)')\">chữ</p>",
    "style overlay": '<div style="position:fixed;inset:0;z-index:9999">Đăng nhập lại</div>',
    "event on allowed tag": '<p onclick="alert(1)" onmouseover="alert(2)">chữ</p>',
    "form": '<form action="https://evil.example/"><input name="password"></form>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "style tag": "<style>body{display:none}</style>",
    "base": '<base href="https://evil.example/">',
}

ACTIVE_MARKERS = (
    "<script",
    "<img",
    "<svg",
    "<iframe",
    "<object",
    "<form",
    "<input",
    "<meta",
    "<style",
    "<base",
    "javascript",
    "data:",
    "style=",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
)


def test_the_formatting_of_the_product_editor_survives_unchanged():
    assert rich_text(EDITOR_HTML) == EDITOR_HTML


@pytest.mark.parametrize("html", HOSTILE.values(), ids=HOSTILE.keys())
def test_nothing_that_can_run_or_cover_the_page_survives(html):
    cleaned = rich_text(f"<p>Trước</p>{html}<p>Sau</p>").lower()
    for marker in ACTIVE_MARKERS:
        assert marker not in cleaned
    assert cleaned.startswith("<p>trước</p>") and cleaned.endswith("<p>sau</p>")


def test_links_keep_web_mail_and_phone_addresses_and_never_pass_on_the_page():
    cleaned = rich_text(
        '<a href="https://a.vn/" target="_blank">w</a><a href="mailto:a@b.vn">m</a>'
        '<a href="tel:0912345678">t</a><a href="/catalogue/">r</a>'
    )
    assert cleaned == (
        '<a href="https://a.vn/" rel="noopener noreferrer nofollow">w</a>'
        '<a href="mailto:a@b.vn" rel="noopener noreferrer nofollow">m</a>'
        '<a href="tel:0912345678" rel="noopener noreferrer nofollow">t</a>'
        '<a href="/catalogue/" rel="noopener noreferrer nofollow">r</a>'
    )


def test_cleaning_twice_changes_nothing():
    once = rich_text(EDITOR_HTML + "".join(HOSTILE.values()))
    assert rich_text(once) == once


def test_a_story_keeps_its_words_and_loses_its_markup():
    assert plain_text("Gạo & ngô < 5 kg\nHai mươi chị em.") == "Gạo & ngô < 5 kg\nHai mươi chị em."
    assert plain_text("<b>Chị em</b> <script>alert(1)</script>dệt") == "Chị em dệt"
    # Escaped markup must not come back as a tag once entities are read.
    assert "<script" not in plain_text("&lt;script&gt;alert(1)&lt;/script&gt;ok")
    assert plain_text(None) == "" and rich_text(None) == ""


@pytest.mark.parametrize("layers", [1, 5, 6, 12])
def test_a_tag_escaped_many_times_never_comes_back(layers):
    """A title is shown unescaped in Oscar's HTML e-mails: no depth of escaping may revive a tag."""
    import html

    text = "<img src=x onerror=alert(1)>Mật ong"
    for _layer in range(layers):
        text = html.escape(text)
    cleaned = plain_text(text)
    assert "<img" not in cleaned and "<" not in cleaned.replace("&lt;", "")
    assert "Mật ong" in cleaned


def test_the_template_filter_shows_cleaned_html():
    template = Template("{% load sanitise %}{{ text|rich_text }}")
    shown = template.render(Context({"text": '<p onclick="x()">A</p><script>b()</script>'}))
    assert shown == "<p>A</p>"
