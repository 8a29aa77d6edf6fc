"""The numbers page shows the case study's figures; each further article's figures get a page of their
own, listed there. Every figure of every article is on exactly one of those pages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run
from scripts.content.load import load_content
from scripts.site import generate, numbers, tables


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory) -> Path:
    """A copy of the site analysing the article twice (as the benchmark grows it: new slugs, new ids)."""
    from scripts.tools.benchmark import make_tree

    return make_tree(tmp_path_factory.mktemp("numbers") / "repo", 2)


def claim_ids(html: str) -> list[str]:
    return re.findall(r'<td data-label="Claim"><a href="[^"]*">(CBC-\d+)</a>', html)


def test_one_article_keeps_every_figure_on_the_numbers_page():
    content = load_content(ROOT)
    assert numbers.other_articles(content) == []
    html = tables.numbers_table(content, "../")
    assert len(claim_ids(html)) == sum(len(c.figures) for c in content.claims)
    assert "cbc-numbers-elsewhere" not in html
    assert not any(p.parts[:2] == ("docs", "numbers") for p in generate.expected_files(content))


def test_each_further_article_has_its_figures_on_its_own_page(two_articles):
    content = load_content(two_articles)
    lead, others = numbers.lead_article(content), numbers.other_articles(content)
    assert lead == "army-of-deserters" and others == ["army-of-deserters-copy1"]
    page = tables.numbers_table(content, "../")
    files = generate.expected_files(content)
    own = files[numbers.PAGES / others[0] / "index.md"]
    # Every figure is on exactly one page: the case study's on the numbers page, the copy's on its own.
    expected = {slug: [c.id for c in content.claims_for(slug) for _ in c.figures] for slug in (lead, *others)}
    assert claim_ids(page) == expected[lead]
    assert claim_ids(own) == expected[others[0]]
    assert 'href="../numbers/army-of-deserters-copy1/"' in page  # listed, one link away
    assert 'id="figure-article-vs-record-army-of-deserters-copy1"' in own  # with its own chart
    assert generate.OUT / "article-vs-record-army-of-deserters-copy1.svg" in files
    lead_chart = next(c for c in generate.site_charts(content) if c.slug == "article-vs-record")
    assert all(row.link.startswith("claims/cbc-0") for panel in lead_chart.panels for row in panel.rows)


def test_the_figures_pages_build_strictly_and_their_links_resolve(two_articles):
    result = run([sys.executable, "-m", "scripts", "build", "-d", "site"], cwd=two_articles)
    assert result.returncode == 0, result.stderr[-3000:]
    page = two_articles / "site" / "numbers" / "army-of-deserters-copy1" / "index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = [h.split("#")[0] for h in re.findall(r'href="([^"]+)"', html) if ":" not in h and h[0] not in "#/"]
    assert len([h for h in hrefs if "claims/cbc-" in h]) >= 14
    for href in hrefs:
        target = (page.parent / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), href
    assert "army-of-deserters-copy1" in (two_articles / "site" / "numbers" / "index.html").read_text(encoding="utf-8")
