"""Every page in a real browser (Debian's Chromium through Playwright), light and dark:
zero axe-core violations, zero requests to other origins, zero console errors.

Missing Chromium is an error, never a skip: these tests are the proof that pages work.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, html_pages
from scripts.content.load import load_content
from scripts.content.text import norm
from scripts.site.editions import EDITION_LANGUAGES

CONTENT = load_content(ROOT)


def page_paths() -> list[str]:
    """URL paths of every page, derived from the English Markdown sources (plus the 404 page), in
    every edition: the Ukrainian one has every page at the same path under uk/."""
    docs = ROOT / "docs"
    paths = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).with_suffix("")
        if rel.parts[0] in EDITION_LANGUAGES:
            continue
        parts = rel.parts[:-1] if rel.name == "index" else rel.parts
        paths.append("/".join(parts) + "/" if parts else "")
    paths.append("404.html")
    return paths + [f"{lang}/{p}" for lang in EDITION_LANGUAGES for p in paths]


PAGES = page_paths()


def visit(browser, url: str, scheme: str = "light", width: int = 1280):
    """Open a page and record what it requests and logs."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return page, requests, errors


def foreign(requests: list[str], base: str) -> list[str]:
    origin = urlparse(base).netloc
    return [r for r in requests if urlparse(r).scheme in ("http", "https") and urlparse(r).netloc != origin]


def test_pages_list_matches_the_build(built_site):
    built = {p.relative_to(built_site).as_posix() for p in html_pages(built_site)}
    expected = {p + "index.html" if not p.endswith(".html") else p for p in PAGES}
    assert built == expected


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_private_and_error_free(browser, server, path, scheme):
    page, requests, errors = visit(browser, server + path, scheme)
    try:
        assert foreign(requests, server) == []
        assert errors == []
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()


def test_home_page_shows_counts_and_links(browser, server):
    page, _, _ = visit(browser, server)
    try:
        text = page.inner_text("main")
        assert f"{len(CONTENT.claims)} claims" in text
        assert page.locator("a[href='article/']").count() >= 1
    finally:
        page.close()


def test_claim_page_shows_quote_verdict_and_sources(browser, server):
    claim = CONTENT.claim("CBC-026")
    page, _, _ = visit(browser, f"{server}claims/{claim.slug}/")
    try:
        verdict = CONTENT.registry.verdicts[claim.verdict]
        assert page.locator(".cbc-verdict__name").inner_text() == f"Verdict: {verdict.label}"
        assert norm(page.locator("mark.cbc-quote__claim").inner_text()) == norm(claim.quote)
        hrefs = page.eval_on_selector_all(".cbc-sources li > a:first-child", "els => els.map(e => e.href)")
        # Listed in order of first citation, every listed source once.
        assert sorted(hrefs) == sorted(CONTENT.registry.sources[s].url for s in claim.sources)
    finally:
        page.close()
