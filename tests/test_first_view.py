"""A first visit fetches the page and the site's fixed assets, nothing that grows with the site:
no search index (Material's search_index.json, or Pagefind's chunks), no sitemap."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

# Fixed-size files every page shares; anything else a first view fetches is a defect.
SHARED = ("/assets/stylesheets/", "/assets/javascripts/bundle.", "/assets/javascripts/cbc.js", "/assets/images/")
PAGE_TYPES = ["", "claims/", "claims/cbc-011/", "article/", "article/student/", "numbers/", "sources/", "glossary/",
              "teach/", "teach/lesson-2/", "teach/worksheet-2/", "data/", "search/"]
PAGE_TYPES += [f"uk/{p}" for p in PAGE_TYPES]  # the Ukrainian edition: its own copy of the shared files


def unexpected(requested: list[str], page_path: str) -> list[str]:
    out = []
    for url in requested:
        path = urlparse(url).path
        edition = "/uk" if page_path.startswith("uk/") else ""
        shared = path.removeprefix(edition)
        search_script = page_path.endswith("search/") and shared == "/assets/javascripts/search-page.js"
        if path == "/" + page_path or search_script:
            continue
        if not shared.startswith(SHARED):
            out.append(path)
    return out


def test_the_rule_catches_what_the_old_configuration_fetched():
    # Recorded from the site as it was on main before search on demand (Material search + feed link).
    old = ["http://h/claims/cbc-011/", "http://h/assets/stylesheets/main.57a0d79d.min.css",
           "http://h/assets/javascripts/bundle.a5f9d56c.min.js",
           "http://h/assets/javascripts/workers/search.a7633da7.min.js", "http://h/search/search_index.json",
           "http://h/sitemap.xml", "http://h/assets/images/favicon.png"]
    assert unexpected(old, "claims/cbc-011/") == ["/assets/javascripts/workers/search.a7633da7.min.js",
                                                   "/search/search_index.json", "/sitemap.xml"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_a_first_view_fetches_nothing_that_grows_with_the_site(browser, server, path):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(server + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # what Material fetches just after load (a sitemap, an index)
    finally:
        context.close()
    assert unexpected(requested, path) == []


def test_search_loads_on_focus_and_finds_a_claim_by_number_with_its_verdict(browser, server):
    from conftest import ROOT
    from scripts.content.load import load_content

    content = load_content(ROOT)
    claim = content.claim("CBC-011")
    figure = next(f for f in claim.figures if f.article_number)
    label = content.registry.verdicts[claim.verdict].label
    page = browser.new_page(viewport={"width": 375, "height": 800})
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(server + "search/", wait_until="networkidle")
        assert not any("/pagefind/" in u for u in requested)  # nothing until the reader asks
        for query in (f"{figure.article_number:,}", str(figure.article_number), claim.id):
            page.goto(server + "search/", wait_until="networkidle")
            page.focus("#cbc-q")
            page.wait_for_selector(".pagefind-ui__search-input")
            page.fill(".pagefind-ui__search-input", query)
            # Results show placeholders (". . .") until their data arrives: wait for the first three.
            page.wait_for_function("""() => {
                const shown = document.querySelectorAll(".pagefind-ui__result").length;
                const loaded = document.querySelectorAll(".pagefind-ui__result-title a").length;
                return shown > 0 && loaded >= Math.min(3, shown);
            }""", timeout=10000)
            titles = page.eval_on_selector_all(".pagefind-ui__result-title a", "els => els.map(e => e.textContent)")
            assert any(t.strip() == f"{label}: {claim.title}" for t in titles[:3]), (query, titles[:3])
        assert all(urlparse(u).netloc == urlparse(server).netloc for u in requested)
    finally:
        page.close()


def test_ukrainian_search_finds_inflected_forms_from_its_own_index(browser, server):
    """Pagefind has no Ukrainian stemmer; the edition is indexed with its Russian one (measured in
    data/i18n/search-study/REAL.md). "дезертирам" occurs on no page: it must still find the claims."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(server + "uk/search/", wait_until="networkidle")
        page.focus("#cbc-q")
        page.wait_for_selector(".pagefind-ui__search-input")
        page.fill(".pagefind-ui__search-input", "дезертирам")
        page.wait_for_selector(".pagefind-ui__result-title a", timeout=10000)
        titles = page.locator(".pagefind-ui__result-title a").all_inner_texts()
    finally:
        page.close()
    assert any(t.startswith("Думка: ") for t in titles), titles  # a claim, led by its Ukrainian verdict
    fetched = [u for u in requested if "/pagefind/" in u]
    assert fetched and all("/uk/pagefind/" in u for u in fetched)
