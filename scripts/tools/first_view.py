"""What a first visit really downloads: every request a headless Chromium makes for a page until
the network is idle, counted as transferred (gzip-compressed) bytes, with nothing cached.

    python -m scripts.tools.first_view site article/ claims/cbc-011/
    python -m scripts.tools.first_view site article/ --compare /tmp/old-site

Counts what a browser fetches, not what the HTML names, so a search index or a sitemap fetched
after load is included.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from ..site.browser import launch
from .serve_static import serve


@dataclass(frozen=True)
class View:
    path: str
    kb: float
    requests: tuple[tuple[str, float], ...]  # (URL path, KB transferred)


def transferred_kb(request) -> float:
    """What a finished request cost on the wire: body as sent (gzip) plus headers."""
    sizes = request.sizes()
    return (sizes["responseBodySize"] + sizes["responseHeadersSize"]) / 1024


def first_views(site: Path, paths: list[str], width: int = 375) -> list[View]:
    from playwright.sync_api import sync_playwright

    out = []
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        for path in paths:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            responses: list = []

            def finished(request, seen=responses) -> None:  # Playwright needs a Python function here
                seen.append(request)

            page.on("requestfinished", finished)
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)  # anything fetched just after idle (a sitemap, an index)
            sizes = [(r.url.removeprefix(base.rstrip("/")), transferred_kb(r)) for r in responses]
            out.append(View(path, sum(kb for _, kb in sizes), tuple(sizes)))
            context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--compare", type=Path, help="another built site to measure the same pages on")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every request")
    args = parser.parse_args(argv)
    now = first_views(args.site, args.paths)
    before = first_views(args.compare, args.paths) if args.compare else None
    print("| page | first view, KB gzip |" + (" before, KB |" if before else ""))
    print("|---|---:|" + ("---:|" if before else ""))
    for i, view in enumerate(now):
        print(f"| {view.path or '/'} | {view.kb:.1f} |" + (f" {before[i].kb:.1f} |" if before else ""))
        if args.verbose:
            for url, kb in view.requests:
                print(f"|   {url} | {kb:.1f} |" + (" |" if before else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
