"""Glue for the mkdocs-macros plugin: thin wrappers that hand page context to plain functions.

Content is loaded and validated once per build. Invalid content stops the build with the same
`path: field: message` lines as `python -m scripts check`, never with a traceback.
"""

from __future__ import annotations

import sys

from . import annotate, generate, opendata, render, tables
from .content import ROOT, Content, load_content
from .structured import claim_review


def load_or_exit() -> Content:
    content = load_content(ROOT)
    if content.problems:
        lines = [str(p) for p in content.problems.sorted()]
        print("\n".join(lines), file=sys.stderr)
        raise SystemExit(f"Claim by Claim: {len(lines)} content problem(s); the site was not built.")
    return content


def register(env) -> None:
    content = load_or_exit()
    reg = content.registry
    site_url = (env.conf.get("site_url") or "").rstrip("/") + "/"

    def base() -> str:
        """Relative path from the current page to the site root (works under any base URL)."""
        depth = env.page.url.strip("/").count("/") + 1 if env.page.url.strip("/") else 0
        return "../" * depth

    def current_claim():
        cid = (env.page.meta or {}).get("id")
        return content.claim(cid)

    @env.macro
    def claim_header() -> str:
        return render.claim_header(current_claim(), reg, base(), site_url + env.page.url)

    @env.macro
    def claim_techniques() -> str:
        return render.claim_techniques(current_claim(), reg, base())

    @env.macro
    def claim_footer() -> str:
        claim = current_claim()
        return render.claim_footer(claim, reg, base(), claim_review(claim, reg, site_url + env.page.url))

    # Page-level tables: each is tables.<name>(content, base) and becomes a macro of the same name.
    for name in ("claims_table", "verdict_summary", "glossary", "corrections_log", "numbers_table",
                 "statistics_table", "techniques_table", "cited_table", "people_profiles", "framing_table"):
        env.macro(_bind(getattr(tables, name), content, base), name)

    @env.macro
    def verdict_scale() -> str:
        return tables.verdict_scale(reg)

    @env.macro
    def annotated_article(slug: str = "army-of-deserters") -> str:
        return annotate.annotated_article(content.claims_for(slug), reg, slug, base())

    @env.macro
    def article_provenance(slug: str = "army-of-deserters") -> str:
        return reg.articles[slug].provenance

    @env.macro
    def cite(source_id: str) -> str:
        """An inline citation from the source registry, so no URL is typed twice."""
        return render.citation(reg.sources[source_id])

    @env.macro
    def sources_by_kind() -> str:
        return tables.sources_summary(content)

    @env.macro
    def chart(slug: str, table_anchor: str) -> str:
        charts_by_slug = {c.slug: c for c in generate.site_charts(content)}
        return tables.chart_figure(charts_by_slug[slug], base(), table_anchor)

    @env.macro
    def data_dictionary() -> str:
        return tables.data_dictionary(opendata.TABLES, content, base())

    env.variables["cbc"] = {"claims": len(content.claims), "sources": len(reg.sources)}


def _bind(table, content: Content, base):
    def macro() -> str:
        return table(content, base())

    return macro
