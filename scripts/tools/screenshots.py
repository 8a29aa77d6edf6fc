"""Screenshots of built pages for a human to look at: light, dark, 320 px wide, and print.

    python -m scripts.tools.screenshots [page ...]    (pages relative to site/, e.g. claims/cbc-009/)
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from ..content.load import ROOT
from ..site.browser import launch
from .serve_static import serve

DEFAULT_PAGES = ["", "article/", "claims/", "claims/cbc-009/", "claims/cbc-026/"]


def main(pages: list[str]) -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with serve(ROOT / "site") as base, sync_playwright() as p:
        browser = launch(p)
        for page_path in pages or DEFAULT_PAGES:
            name = page_path.strip("/").replace("/", "_") or "home"
            for label, width, scheme, media in [("light", 1280, "light", "screen"), ("dark", 1280, "dark", "screen"),
                                                ("320", 320, "light", "screen"), ("print", 800, "light", "print")]:
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                page.emulate_media(media=media, color_scheme=scheme)
                page.goto(base + page_path)
                target = out / f"{name}-{label}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                print(target.relative_to(ROOT))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
