"""Rendering escapes every value from content, even if validation were bypassed."""

from __future__ import annotations

import dataclasses
import json
import re

from conftest import ROOT
from scripts.content.load import load_content
from scripts.site import render
from scripts.site.structured import claim_review

CONTENT = load_content(ROOT)
REG = CONTENT.registry


def _hostile(claim):
    return dataclasses.replace(claim, title="<script>alert(1)</script>", summary="<img src=x onerror=alert(1)>",
                               reviewers=("</script><script>alert(2)</script>",))


def test_header_escapes_markup():
    html = render.claim_header(_hostile(CONTENT.claim("CBC-009")), REG, "../../")
    assert "<img" not in html and "&lt;img src=x" in html


def test_footer_and_jsonld_escape_markup():
    claim = _hostile(CONTENT.claim("CBC-009"))
    data = claim_review(claim, REG, "https://example.org/claims/cbc-009/")
    data["claimReviewed"] = "</script><script>alert(3)</script>"
    html = render.claim_footer(claim, REG, "../../", data)
    assert "<script>alert" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["claimReviewed"] == "</script><script>alert(3)</script>"


def test_quote_in_context_is_the_paragraph_around_the_quote():
    before, quote, after = render.quote_in_context(CONTENT.claim("CBC-009"), REG)
    assert quote.startswith("In Ukraine, about 300,000")
    assert after.startswith("In reality")


def test_claim_review_follows_the_verdict():
    claim = CONTENT.claim("CBC-009")
    data = claim_review(claim, REG, "u")
    assert data["reviewRating"]["alternateName"] == REG.verdicts[claim.verdict].label
    opinion = claim_review(dataclasses.replace(claim, verdict="opinion"), REG, "u")
    assert "ratingValue" not in opinion["reviewRating"]
