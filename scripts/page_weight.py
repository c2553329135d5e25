"""Page weight of a running site as a phone on first load sees it: bytes and requests.

Usage: .venv/bin/python scripts/page_weight.py http://127.0.0.1:8000/ [more URLs]

Drives Debian's Chromium (CHROMIUM, default /usr/bin/chromium) with
Playwright on a 390×844 viewport and an empty cache, scrolls to the bottom
so lazy pictures load, and sums what went over the wire (headers and
bodies as transferred, so compressed when the server compresses).
"""

from __future__ import annotations

import os
import sys

from playwright.sync_api import sync_playwright


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    total = 0
    by_type: dict[str, int] = {}
    for request in requests:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        by_type[request.resource_type] = by_type.get(request.resource_type, 0) + size
    context.close()
    return {"url": url, "requests": len(requests), "bytes": total, "by_type": by_type}


def main(urls: list[str]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium")
        )
        for url in urls:
            result = measure(browser, url)
            kinds = ", ".join(
                f"{k} {v / 1024:.0f} KB" for k, v in sorted(result["by_type"].items())
            )
            print(
                f"{result['url']}: {result['requests']} requests, "
                f"{result['bytes'] / 1024:.0f} KB ({kinds})"
            )
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["http://127.0.0.1:8000/"])
