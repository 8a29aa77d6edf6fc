"""Render the teaching pages (lessons, worksheets, answer keys) to A4 PDFs with headless Chromium.

    python -m scripts.tools.pdf [--site site] [--out build/pdf]

Uses the site's print stylesheet (no navigation, header, search or footer; link targets shown).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from ..content.load import ROOT
from .browser import launch
from .serve_static import serve

KINDS = ("lesson", "worksheet", "answers")


def teaching_pages(site: Path) -> list[str]:
    """URL paths of every lesson, worksheet and answer key in the built site."""
    teach = site / "teach"
    return sorted(f"teach/{p.name}/" for p in teach.iterdir()
                  if p.is_dir() and p.name.split("-")[0] in KINDS) if teach.exists() else []


def render_pdfs(site: Path, out: Path, browser=None, base: str | None = None) -> list[Path]:
    """PDFs of every teaching page. Pass a running browser and server base URL to reuse them."""
    if browser is None or base is None:
        with serve(site) as own_base, sync_playwright() as p:
            own = launch(p)
            try:
                return render_pdfs(site, out, own, own_base)
            finally:
                own.close()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    page = browser.new_page()
    try:
        for path in teaching_pages(site):
            page.goto(base + path, wait_until="networkidle")
            page.emulate_media(media="print")
            target = out / f"{path.strip('/').split('/')[-1]}.pdf"
            page.pdf(path=str(target), format="A4", print_background=False, prefer_css_page_size=True,
                     margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
            written.append(target)
    finally:
        page.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.tools.pdf", description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "pdf")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"pdf: {args.site} has no built site; run `make build` first", file=sys.stderr)
        return 1
    for path in render_pdfs(args.site, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
