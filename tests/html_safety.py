"""Hostile and harmless HTML for the stored-XSS tests, and a check of a rendered page."""

from __future__ import annotations

from bs4 import BeautifulSoup

# Every payload carries MARK where it would run: in a script, a URL or a handler.
MARK = "XSS1337"
HOSTILE = (
    f"<script>alert('{MARK}')</script>"
    f"<img src=x onerror=\"alert('{MARK}')\">"
    f"<a href=\"javascript:alert('{MARK}')\">Xem thêm</a>"
    f"<a href=\"JaVaScRiPt&#x09;:alert('{MARK}')\">Xem nữa</a>"
    f'<svg onload="alert(\'{MARK}\')"><circle r="4"/></svg>'
    f'<iframe src="https://evil.example/{MARK}"></iframe>'
    f"<p style=\"background:url('javascript:alert({MARK})')\">Nền</p>"
    f'<div style="position:fixed;inset:0;z-index:9999" data-x="{MARK}">Đăng nhập lại</div>'
    f"<p onmouseover=\"alert('{MARK}')\">Di chuột</p>"
)
HARMLESS = (
    "<p><strong>Dệt tay</strong> từ <em>cói</em> Kim Sơn.</p>"
    "<ul><li>Nhẹ</li><li>Bền</li></ul>"
    '<p><a href="https://ocop.gov.vn/">Chương trình OCOP</a></p>'
)
STORED_MARKERS = ("<script", "<img", "<svg", "<iframe", "<div", "javascript", "style=", "onerror",
                  "onload", "onmouseover")  # fmt: skip


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}


def active_markup(html: str) -> list[str]:
    """Elements of a page that would run the payload or take over the screen.

    Text (a meta description, an alt text) is inert whatever it says; what
    counts is a script or frame, a handler, a URL that runs, or a style.
    """
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in {"script", "iframe", "svg", "object", "embed"} and MARK in str(tag):
            found.append(str(tag)[:120])
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            runs = (
                (name.startswith("on") and MARK in text)
                or (name in URL_ATTRIBUTES and (MARK in text or "javascript" in text.lower()))
                or (name == "style" and (MARK in text or "fixed" in text or "url(" in text))
            )
            if runs:
                found.append(f"<{tag.name} {name}={text[:80]!r}>")
    return found


def assert_harmless_formatting(html: str, selector: str) -> None:
    block = BeautifulSoup(html, "html.parser").select_one(selector)
    assert block is not None, selector
    assert block.select_one("strong").text == "Dệt tay"
    assert [li.text for li in block.select("ul li")] == ["Nhẹ", "Bền"]
    link = block.find("a", string="Chương trình OCOP")
    assert link["href"] == "https://ocop.gov.vn/"
    assert link["rel"] == ["noopener", "noreferrer", "nofollow"]


def assert_stored_clean(value: str) -> None:
    for marker in STORED_MARKERS:
        assert marker not in value.lower(), marker
