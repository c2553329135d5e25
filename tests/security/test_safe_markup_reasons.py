"""Every place our code turns off escaping says why, so none comes back unnoticed (issue 13).

``|safe``, ``mark_safe``, ``autoescape off``, ``|richtext`` and ``format_html``
in our templates and Python need a ``safe:`` comment on the same line or the
line above; user-written HTML goes through ``|rich_text`` instead. The last
test checks the claim the Wagtail comments rest on.
"""

import json
import re
from pathlib import Path

from wagtail.admin.rich_text import DraftailRichTextArea

from cms.blocks import RICH_TEXT_FEATURES

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "basket",
    "catalog",
    "checkout",
    "cms",
    "config",
    "core",
    "customer",
    "dashboard",
    "demo",
    "marketplace",
    "payments",
    "search",
    "shipping",
    "storefront_theme",
    "union",
)
UNESCAPED = re.compile(
    r"\|\s*safe(seq)?\b|\bmark_safe\(|\bSafeString\(|autoescape\s+off|\|\s*richtext\b"
    r"|\bformat_html\(|@html_safe|\bhtml_safe\("
)


def unexplained(root: Path = ROOT) -> list[str]:
    found = []
    for app in APPS:
        for path in sorted((root / app).rglob("*")):
            if path.suffix not in {".html", ".txt", ".py"} or "migrations" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines):
                if not UNESCAPED.search(line):
                    continue
                above = lines[number - 1] if number else ""
                if "safe:" in line or ("safe:" in above and not UNESCAPED.search(above)):
                    continue
                found.append(f"{path.relative_to(root)}:{number + 1}: {line.strip()[:100]}")
    return found


def test_every_unescaped_output_says_why_it_is_safe():
    assert unexplained() == []


def test_the_scan_finds_an_unexplained_safe(tmp_path):
    for name in APPS:
        (tmp_path / name / "templates").mkdir(parents=True)
    (tmp_path / "marketplace" / "templates" / "x.html").write_text(
        "{# safe: ours #}{{ a|safe }}\n<div>{{ vendor.story|safe }}</div>\n", encoding="utf-8"
    )
    (tmp_path / "cms" / "v.py").write_text("html = mark_safe(text)\n", encoding="utf-8")
    assert unexplained(tmp_path) == [
        "cms/v.py:1: html = mark_safe(text)",
        "marketplace/templates/x.html:2: <div>{{ vendor.story|safe }}</div>",
    ]


def test_wagtails_editor_saves_no_script_link_from_the_union_editors():
    """Guard, not a fix: Wagtail's Draftail rebuilds rich text from its features on save."""
    contentstate = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": "Bấm vào đây",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 11, "key": 0}],
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "jav\tascript:alert(1)"}}
        },
    }
    widget = DraftailRichTextArea(features=RICH_TEXT_FEATURES)
    html = widget.value_from_datadict({"body": json.dumps(contentstate)}, {}, "body")
    assert "Bấm vào đây" in html
    assert "script" not in html.lower()
