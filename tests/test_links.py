"""Stable URLs, structured data and metadata: what teachers, readers and other tools rely on."""

from __future__ import annotations

import html as htmllib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import ROOT, build, html_pages, run
from scripts.content.load import load_content
from scripts.content.text import norm
from scripts.site.editions import alternates
from scripts.site.structured import claim_review

CONTENT = load_content(ROOT)
URL_LIST = ROOT / "data" / "public-urls.txt"


def listed_urls() -> list[str]:
    return [line.strip() for line in URL_LIST.read_text().splitlines() if line.strip() and not line.startswith("#")]


def resolves(site: Path, url: str) -> bool:
    path = site / url.lstrip("/")
    return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


def test_every_listed_url_resolves(built_site):
    missing = [u for u in listed_urls() if not resolves(built_site, u)]
    assert missing == [], "A public URL disappeared: retire the claim with a redirect (data/claim-ids.yml)"


def test_every_page_is_listed(built_site):
    pages = {"/" + p.relative_to(built_site).as_posix().removesuffix("index.html") for p in html_pages(built_site)}
    pages -= {"/404.html", "/uk/404.html"}
    assert pages - set(listed_urls()) == set(), "add new pages to data/public-urls.txt"


def test_claim_urls_follow_the_ids():
    assert {f"/claims/{c.id.lower()}/" for c in CONTENT.claims} <= set(listed_urls())


def test_removing_a_page_without_redirect_fails_and_retiring_it_redirects(repo):
    (repo / "docs/claims/cbc-033.md").unlink()
    (repo / "docs/uk/claims/cbc-033.md").unlink()  # a translation of a retired claim goes with it
    result = run([sys.executable, "-m", "scripts", "check"], cwd=repo)
    assert result.returncode == 1 and "CBC-033: is active but has no claim page" in result.stderr
    # Retire it, merging it into CBC-034, and move its text to the claim that absorbs it.
    ledger = repo / "data/claim-ids.yml"
    ledger.write_text(ledger.read_text().replace("CBC-033: active", "CBC-033: {retired: CBC-034}"))
    absorb = repo / "docs/claims/cbc-034.md"
    absorb.write_text(absorb.read_text().replace(
        "covers:\n", "covers:\n  - \"When the “motherland” becomes the executioner, the soldier stops being a "
                     "defender — he just looks for a way out.\"\n", 1))
    result = build(repo, repo / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (repo / "site/claims/cbc-033/index.html").read_text()
    assert 'url=../cbc-034/' in page and resolves(repo / "site", "/claims/cbc-033/")


def _jsonld(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_claimreview_jsonld_matches_the_data(built_site):
    reg = CONTENT.registry
    for claim in CONTENT.claims:
        data = _jsonld((built_site / "claims" / claim.slug / "index.html").read_text(encoding="utf-8"))
        verdict = reg.verdicts[claim.verdict]
        assert data["@type"] == "ClaimReview"
        assert data["claimReviewed"] == norm(claim.quote)
        assert data["datePublished"] == claim.published.isoformat()
        assert data["dateModified"] == claim.reviewed.isoformat()
        assert data["url"].endswith(f"/claims/{claim.slug}/")
        assert data["author"]["name"] == "Claim by Claim"
        rating = data["reviewRating"]
        assert rating["alternateName"] == verdict.label
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert rating.get("ratingValue") == verdict.rating
        item = data["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] == "SouthFront"
        assert item["datePublished"] == "2025-11-12"
        assert item["appearance"]["headline"].startswith("Army of Deserters")
        url = f"claims/{claim.slug}/"
        assert data == claim_review(claim, reg, data["url"], alternates(ROOT, url))
        # Each language's review names its language and points at the other one.
        assert data["inLanguage"] == "en" and data["workTranslation"][0]["url"].endswith(f"/uk/{url}")
        uk = _jsonld((built_site / "uk" / "claims" / claim.slug / "index.html").read_text(encoding="utf-8"))
        assert uk["inLanguage"] == "uk" and uk["url"].endswith(f"/uk/{url}")
        assert uk["translationOfWork"]["url"] == data["url"]
        assert uk["claimReviewed"] == data["claimReviewed"]  # the quote is the article's, in English


def test_every_page_has_description_canonical_and_social_tags(built_site):
    for page_path in html_pages(built_site):
        if page_path.name == "404.html":
            continue
        page = page_path.read_text(encoding="utf-8")
        for pattern in (r'<meta name="description" content="[^"]{20,}"', r'<link rel="canonical" href="https?://',
                        r'<meta property="og:title" content="[^"]+"', r'<meta property="og:description"',
                        r'<meta property="og:url"', r'<meta name="twitter:card" content="summary_large_image"'):
            assert re.search(pattern, page), (page_path, pattern)


def test_claim_description_is_its_summary(built_site):
    claim = CONTENT.claim("CBC-009")
    page = (built_site / "claims/cbc-009/index.html").read_text(encoding="utf-8")
    described = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert htmllib.unescape(described) == claim.summary


def test_sitemap_lists_every_page(built_site):
    root = ET.parse(built_site / "sitemap.xml").getroot()  # noqa: S314 - our own build output
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locs}
    pages = [u for u in listed_urls() if u.endswith("/")]
    assert set(pages) <= paths


def test_feed_parses_and_lists_every_claim(built_site):
    root = ET.parse(built_site / "feed.xml").getroot()  # noqa: S314 - our own build output
    links = [e.get("href") for e in root.iter("{http://www.w3.org/2005/Atom}link")]
    for claim in CONTENT.claims:
        assert any(link.endswith(f"/claims/{claim.slug}/") for link in links), claim.id
