"""Claim pages come from a Python-Markdown extension, so any engine that renders with
Python-Markdown (MkDocs, Zensical) builds the same page; `engine_diff` proves it on every CI run."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown

from conftest import ROOT, run
from scripts.content.load import load_content
from scripts.tools import engine_diff

CLAIM = "docs/claims/cbc-011.md"


def test_the_extension_assembles_a_claim_page_with_no_engine_at_all():
    content = load_content(ROOT)
    claim = content.claim("CBC-011")
    html = markdown.Markdown(extensions=["scripts.site.claim_markdown", "attr_list", "md_in_html"]).convert(claim.body)
    verdict = content.registry.verdicts[claim.verdict].label
    assert "cbc-verdict" in html and verdict in html
    assert 'class="cbc-sources"' in html and "[^" not in html  # citations became numbered links


def test_other_pages_pass_through_untouched():
    html = markdown.Markdown(extensions=["scripts.site.claim_markdown"]).convert("# Hello\n\nPlain *text*.")
    assert html == "<h1>Hello</h1>\n<p>Plain <em>text</em>.</p>"


def test_two_claim_pages_with_the_same_body_fail_check(repo):
    first = (repo / CLAIM).read_text(encoding="utf-8")
    other = repo / "docs/claims/cbc-012.md"
    head = other.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    other.write_text(head + "\n---\n" + first.split("\n---\n", 1)[1], encoding="utf-8")
    result = run([sys.executable, "-m", "scripts", "check"], cwd=repo)
    assert result.returncode == 1
    assert "docs/claims/cbc-012.md:" in result.stderr and "is word for word the body of cbc-011.md" in result.stderr


def _page(folder: Path, rel: str, body: str) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html><article class="md-content__inner md-typeset">{body}</article></html>')


def test_engine_diff_passes_on_known_theme_differences_and_fails_on_real_ones(tmp_path):
    a, b = tmp_path / "mkdocs", tmp_path / "zensical"
    _page(a, "index.html", "<h1>Claim</h1>\n<p data-search-exclude>Verdict: False</p>")
    _page(b, "index.html", '<a id="__skip" tabindex="-1"></a><h1>Claim</h1> <p>Verdict: False</p>')
    assert engine_diff.compare(a, b) == []
    _page(b, "index.html", "<h1>Claim</h1><p>Verdict: True</p>")
    assert engine_diff.compare(a, b)[0].startswith("index.html: 2 line(s) differ")
    _page(a, "claims/cbc-001/index.html", "<p>x</p>")
    assert any("missing from the Zensical build" in line for line in engine_diff.compare(a, b))
    assert engine_diff.main([str(a), str(b)]) == 1


def test_engine_diff_allows_each_engines_handout_sizes_but_not_other_links(tmp_path):
    a, b = tmp_path / "mkdocs", tmp_path / "zensical"
    span = '<a href="x-a4.pdf" download>PDF</a> (<span class="cbc-handout__size" data-handout="x-a4.pdf">{}</span>)'
    _page(a, "index.html", span.format("3 pages, 57 KB"))
    _page(b, "index.html", span.format("3 pages, 52 KB"))
    assert engine_diff.compare(a, b) == []
    _page(b, "index.html", span.format("3 pages, 52 KB").replace('href="x-a4.pdf"', 'href="y-a4.pdf"'))
    assert engine_diff.compare(a, b) != []


def test_stashing_our_html_gives_the_same_bytes_as_parsing_it():
    """The extension hands the HTML it generates to Python-Markdown's stash; that must render exactly
    as the same page written out as plain Markdown with inline HTML (what an engine without the stash
    step, or the benchmark's plain-Material twin, renders)."""
    from scripts.content.load import load_content_once
    from scripts.content.siteconfig import markdown_extensions, page_url, site_url
    from scripts.site.claim_page import claim_page
    from scripts.site.editions import alternates
    from scripts.site.links import root_prefix
    from scripts.site.wayfinding import article_order, claim_neighbours

    content = load_content_once(ROOT)
    names, settings = markdown_extensions(ROOT)
    ordered = article_order(content.claims, content.registry)
    for claim in content.claims:
        src = f"claims/{claim.path.name}"
        url = page_url(ROOT, src)
        plain = claim_page(claim, content.registry, root_prefix(src, url), site_url(ROOT) + url,
                           claim_neighbours(claim, ordered), alternates=alternates(ROOT, url), english=claim)
        expected = markdown.Markdown(extensions=names, extension_configs=settings).convert(plain)
        stashed = markdown.Markdown(extensions=[*names, "scripts.site.claim_markdown"],
                                    extension_configs=settings).convert(claim.body)
        assert stashed == expected, claim.id
        assert "\ue000" not in stashed and "wzxhzdk" not in stashed, claim.id


def test_only_this_process_markers_are_stashed():
    """A contributor cannot mark text for the stash: the markers carry a secret made at start-up."""
    from scripts.site import claim_markdown

    forged = "\ue000" + "0" * 32 + "\ue001<script>x</script>\ue000/" + "0" * 32 + "\ue001"
    md = markdown.Markdown(extensions=["scripts.site.claim_markdown"])
    assert claim_markdown.StashGenerated(md).run([forged]) == [forged]
    assert md.htmlStash.html_counter == 0
    real = claim_markdown._mark("<p>ours</p>")
    assert claim_markdown.StashGenerated(md).run([real]) != [real] and md.htmlStash.html_counter == 1
