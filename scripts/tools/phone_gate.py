"""The phone gate: every page at 320 and 375 px, counting what a phone reader must never meet.

    python -m scripts.tools.phone_gate site            # counts per page and check
    python -m scripts.tools.phone_gate site -v         # and every finding

The checks are in phone_gate.js and run in Debian's Chromium; the browser tests use the same file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..site.browser import launch
from .serve_static import serve

SCRIPT = (Path(__file__).parent / "phone_gate.js").read_text(encoding="utf-8")
WIDTHS = (320, 375)
CHECKS = ("word-break", "overflow", "small-text", "clipped-caption")


def findings(page) -> list[dict]:
    return page.evaluate(SCRIPT)


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def run_gate(site: Path, paths: list[str] | None = None) -> dict[tuple[str, int], list[dict]]:
    from playwright.sync_api import sync_playwright

    out = {}
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 700})
            page = context.new_page()
            for path in paths or site_pages(site):
                page.goto(base + path, wait_until="load")
                out[(path, width)] = findings(page)
            context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    results = run_gate(args.site)
    print("| page | width | " + " | ".join(CHECKS) + " |")
    print("|---|---:|" + "---:|" * len(CHECKS))
    total = Counter()
    for (path, width), found in sorted(results.items()):
        counts = Counter(f["check"] for f in found)
        total.update(counts)
        if found:
            print(f"| /{path} | {width} | " + " | ".join(str(counts[c]) for c in CHECKS) + " |")
            if args.verbose:
                for f in found[:40]:
                    print(f"|   {f['check']}: {f['where']} | {f['detail']} |")
    pages = len(results) // len(WIDTHS)
    print(f"| **all {pages} pages** | 320+375 | " + " | ".join(str(total[c]) for c in CHECKS) + " |")
    return 1 if sum(total.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
