"""The whole-article review and the citation rules are checked like everything else: each
broken rule gives one `path:line: field: message` line, and `check` exits 1."""

from __future__ import annotations

import sys

from conftest import ROOT, run
from scripts.content.load import load_content
from scripts.site import annotate

ARTICLE = "data/article/army-of-deserters.yml"


def check(repo):
    return run([sys.executable, "-m", "scripts", "check"], cwd=repo)


def test_a_listed_source_the_body_never_cites_fails(repo):
    path = repo / "docs/claims/cbc-022.md"
    text = path.read_text(encoding="utf-8")
    sid = load_content(ROOT).claim("CBC-022").sources[0]
    path.write_text(text.replace(f"[^{sid}]", ""), encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert "docs/claims/cbc-022.md:" in result.stderr
    assert f"sources: '{sid}' is listed but the body never cites it" in result.stderr


def test_a_takeaway_naming_an_unknown_claim_fails(repo):
    path = repo / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace("claims: [CBC-012,", "claims: [CBC-999,", 1),
                    encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert f"{ARTICLE}:" in result.stderr and "takeaways[0].claims: 'CBC-999' is not a claim about this article" \
        in result.stderr


def test_a_takeaway_naming_a_broken_claim_file_points_at_that_file(repo):
    path = repo / "docs/claims/cbc-012.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\nkind: ", "\nkind: nonsense\nold_kind: ", 1),
                    encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert "takeaways[0].claims: 'CBC-012' could not be read: fix the problems in docs/claims/cbc-012.md first" \
        in result.stderr, result.stderr
    assert "'CBC-012' is not a claim about this article" not in result.stderr


def test_more_than_five_takeaways_fail(repo):
    path = repo / ARTICLE
    extra = "\n  - text: One more.\n    claims: [CBC-001]\n"
    path.write_text(path.read_text(encoding="utf-8").rstrip() + extra, encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1 and "takeaways: has 6 sentences; a review gives three to five" in result.stderr


def test_review_tally_and_notes_come_from_the_claims():
    content = load_content(ROOT)
    claims, reg = content.claims, content.registry
    tally = dict((v.id, n) for v, n in annotate.tally(claims, reg))
    assert sum(tally.values()) == len(claims)
    paras = annotate.paragraphs(claims, reg, "army-of-deserters")
    notes = annotate.notes(claims, reg, paras)
    assert sorted(n.number for n in notes.values()) == list(range(1, len(claims) + 1))
    assert {cid: n.verdict.id for cid, n in notes.items()} == {c.id: c.verdict for c in claims}
    html = annotate.article_review(claims, reg, "army-of-deserters", "../")
    for takeaway in reg.articles["army-of-deserters"].takeaways:
        for cid in takeaway.claims:
            assert f'href="../claims/{cid.lower()}/"' in html


def search_records(site):
    """Every page record in the Pagefind index (fragments are gzip-compressed JSON)."""
    import gzip
    import json

    out = []
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        out.append(json.loads(data[data.index(b"{"):]))
    return out


def test_the_search_index_never_holds_the_article_text_answer_keys_or_the_student_view(built_site):
    records = search_records(built_site)
    assert len(records) >= len(load_content(ROOT).claims)
    urls = {r["url"] for r in records}
    assert not any("answers-" in u or "/article/student/" in u for u in urls), sorted(urls)
    article = next(r for r in records if r["url"].endswith("/article/"))
    claims = load_content(ROOT).claims
    assert not any(c.quote[:60] in article["content"] for c in claims)
    assert "How it persuades:" not in article["content"]
    # and a claim record carries its verdict, for the result list
    claim = next(r for r in records if r["url"].endswith("/claims/cbc-011/") and "/uk/" not in r["url"])
    cbc011 = load_content(ROOT).claim("CBC-011")
    assert claim["meta"]["verdict"] == load_content(ROOT).registry.verdicts[cbc011.verdict].label
    assert claim["meta"]["title"] == cbc011.title
