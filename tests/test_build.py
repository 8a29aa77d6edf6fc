"""The real site builds strictly with zero warnings, and the pages carry the data."""

from __future__ import annotations

import re

from conftest import ROOT, html_pages
from scripts.content.load import load_content
from scripts.content.text import norm

CONTENT = load_content(ROOT)


def test_strict_build_has_no_warnings(build_log):
    assert "WARNING" not in build_log and "ERROR" not in build_log, build_log


def test_every_claim_has_a_page_with_quote_verdict_and_sources(built_site):
    import html as htmllib

    for claim in CONTENT.claims:
        page = (built_site / "claims" / claim.slug / "index.html").read_text(encoding="utf-8")
        text = htmllib.unescape(page)
        assert norm(claim.quote) in norm(text), claim.id
        label = CONTENT.registry.verdicts[claim.verdict].label
        assert f'Verdict: <strong data-pagefind-meta="verdict">{label}</strong>' in text, claim.id
        for sid in claim.sources:
            assert f'id="source-{sid}"' in page and CONTENT.registry.sources[sid].url in text, (claim.id, sid)


def test_no_page_links_to_the_analysed_outlet(built_site):
    for page in html_pages(built_site):
        assert not re.search(r"https?://[^\"' ]*southfront\.", page.read_text(encoding="utf-8")), page


def test_our_text_says_kyiv(built_site):
    """'Kiev' may appear only inside quotations of the article and in sources' titles."""
    for claim in CONTENT.claims:
        body = claim.body
        for quoted in [claim.quote, *claim.covers, *(t.span for t in claim.techniques)]:
            body = body.replace(quoted, "")
        outside_quotes = re.sub(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|<q>.*?</q>", "", body)
        assert "Kiev" not in outside_quotes, claim.id


def test_data_files_are_not_published(built_site):
    assert not list(built_site.rglob("*.yml"))
