"""Wayfinding on the pages kept out of the navigation: breadcrumb, previous/next, active tab."""

from __future__ import annotations

import re

from conftest import ROOT
from scripts.content.load import load_content
from scripts.site import wayfinding

CONTENT = load_content(ROOT)


def active_tab(page_html: str) -> str:
    match = re.search(r'md-tabs__item--active">\s*<a[^>]*>\s*([^<]*?)\s*</a>', page_html)
    return match.group(1) if match else ""


def test_claim_pages_have_breadcrumb_article_order_pager_and_the_claims_tab(built_site):
    ordered = wayfinding.article_order(CONTENT.claims, CONTENT.registry)
    for i, claim in enumerate(ordered):
        text = (built_site / "claims" / claim.slug / "index.html").read_text(encoding="utf-8")
        assert 'aria-label="Breadcrumb"' in text and f'<li aria-current="page">{claim.id}</li>' in text
        assert active_tab(text) == "Claims", claim.id
        prev = re.search(r'class="cbc-pager__prev" href="\.\./\.\./claims/(cbc-\d+)/"', text)
        nxt = re.search(r'class="cbc-pager__next" href="\.\./\.\./claims/(cbc-\d+)/"', text)
        assert (prev.group(1) if prev else None) == (ordered[i - 1].slug if i else None), claim.id
        assert (nxt.group(1) if nxt else None) == (ordered[i + 1].slug if i + 1 < len(ordered) else None)


def test_the_kit_pages_link_in_teaching_order_under_the_teach_tab(built_site):
    everything = wayfinding.kit_pages(ROOT / "docs" / "teach")
    assert [k.href for k in everything[:3]] == ["teach/lesson-1/", "teach/worksheet-1/", "teach/answers-1/"]
    for kind in ("lesson", "worksheet", "answers"):
        kit = [k for k in everything if k.href.startswith(f"teach/{kind}-")]
        assert len(kit) >= 3
        for i, page in enumerate(kit):
            text = (built_site / page.href / "index.html").read_text(encoding="utf-8")
            assert active_tab(text) == "Teach", page.href
            pager = text.split('class="cbc-pager', 1)[1].split("</nav>", 1)[0]
            assert all(f"teach/{other}-" not in pager for other in ("lesson", "worksheet", "answers") if other != kind)
            if i + 1 < len(kit):
                assert f'href="../../{kit[i + 1].href}" rel="next"' in text, page.href
