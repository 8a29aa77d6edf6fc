"""Glue for the mkdocs-macros plugin: thin wrappers that hand page context to plain functions.

Content is loaded and validated once per build. Invalid content stops the build with the same
`path: field: message` lines as `python -m scripts check`, never with a traceback.

Claim pages are contributor data, so Jinja never sees them: macros render only on pages that opt in
with `render_macros: true` (ours). A claim page is assembled from its checked data by a
Python-Markdown extension (scripts/site/claim_markdown.py), which both engines run; nothing here
is needed for it, so the Zensical canary builds the same claim pages.
"""

from __future__ import annotations

import os
import sys

from .content.load import ROOT, Content, load_content_once
from .site import annotate, generate, handouts, i18n, opendata, practice, render, tables, wayfinding
from .site.editions import localized, stage_dir
from .site.links import root_prefix


def load_or_exit() -> Content | None:
    """Checked content, or (in a live preview) None after showing the problems; otherwise stop."""
    content = load_content_once(ROOT)
    if content.problems:
        lines = [str(p) for p in content.problems.sorted()]
        print("\n".join(lines), file=sys.stderr)
        if os.environ.get("CBC_SERVE") == "1":
            _STATE["problems"] = lines
            print(f"Claim by Claim: {len(lines)} content problem(s); every page shows them until they are "
                  "fixed.", file=sys.stderr)
            return None
        raise SystemExit(f"Claim by Claim: {len(lines)} content problem(s); the site was not built.")
    _STATE.pop("problems", None)
    if os.environ.get("CBC_SERVE") == "1":
        generate.generate_all(content)  # writes only files that changed, so the preview settles
    return content


def register(env) -> None:
    content = load_or_exit()
    if content is None:
        return
    # The edition is the theme's language (mkdocs.yml, or the Ukrainian edition's overrides).
    theme = env.conf.get("theme")
    language = getattr(theme, "get", lambda *_: None)("language") or i18n.DEFAULT
    i18n.activate(language if language in i18n.LANGUAGES else i18n.DEFAULT)
    content = localized(content)
    reg = content.registry

    def teach_dir():
        """The kit pages of the edition being built (their titles label the handouts and the kit's pager)."""
        return (content.paths.docs if language == i18n.DEFAULT else stage_dir(content.paths.root, language)) / "teach"

    def base() -> str:
        """Relative path from the current page to the site root (works under any base URL)."""
        src = getattr(getattr(env.page, "file", None), "src_path", None) or getattr(env.page, "path", "")
        return root_prefix(src, env.page.url.lstrip("/"))

    _STATE["claim_files"] = {f"claims/{c.path.name}" for c in content.claims}
    _STATE["verdict_labels"] = {f"claims/{c.path.name}": reg.verdicts[c.verdict].label for c in content.claims}

    # Page-level tables: each is tables.<name>(content, base) and becomes a macro of the same name.
    for name in ("claims_table", "verdict_summary", "decision_table", "glossary", "corrections_log", "numbers_table",
                 "statistics_table", "techniques_table", "cited_table", "people_profiles", "framing_table"):
        env.macro(_bind(getattr(tables, name), content, base), name)

    @env.macro
    def verdict_scale() -> str:
        return tables.verdict_scale(reg)

    @env.macro
    def annotated_article(slug: str = "army-of-deserters") -> str:
        return annotate.annotated_article(content.claims_for(slug), reg, slug, base())

    @env.macro
    def article_review(slug: str = "army-of-deserters") -> str:
        return annotate.article_review(content.claims_for(slug), reg, slug, base())

    @env.macro
    def student_article(slug: str = "army-of-deserters") -> str:
        return annotate.student_article(content.claims_for(slug), reg, slug)

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
    def chart(slug: str, table_anchor: str, table_page: str = "") -> str:
        charts_by_slug = {c.slug: c for c in generate.site_charts(content)}
        return tables.chart_figure(charts_by_slug[slug], base(), table_anchor, table_page)

    @env.macro
    def answer(lines: int) -> str:
        """Ruled answer space on a worksheet, sized to the task."""
        return handouts.answer_space(lines)

    @env.macro
    def handout_links(*stems: str) -> str:
        """Download links (PDF A4, PDF US Letter, ODT) for these kit pages, e.g. "worksheet-1"."""
        return handouts.links(teach_dir(), stems, base())

    @env.macro
    def handout_table() -> str:
        """Every handout of the kit, for the teach page."""
        return handouts.table(teach_dir(), base())

    @env.macro
    def site_path(path: str) -> str:
        """A link to a file of the built site from raw HTML in one of our pages, in the form the
        running engine resolves correctly (see scripts/site/links.py)."""
        return base() + path

    @env.macro
    def kit_nav() -> str:
        """Previous and next in the teaching kit (lesson, worksheet, answer key, next lesson)."""
        return wayfinding.kit_nav(env.page.url.lstrip("/"), teach_dir(), base())

    @env.macro
    def verdict_label(claim_id: str) -> str:
        """A claim's verdict in words, from its page (an answer key never types it twice)."""
        return reg.verdicts[content.claim(claim_id).verdict].label

    @env.macro
    def which_is_it() -> str:
        return practice.which_is_it(content, base())

    @env.macro
    def spot_the_technique() -> str:
        return practice.spot_the_technique(content, base())

    @env.macro
    def practice_sheet(key: bool = False) -> str:
        return practice.practice_sheet(content, base(), key)

    @env.macro
    def data_dictionary() -> str:
        return tables.data_dictionary(opendata.TABLES, content, base())

    env.variables["cbc"] = {"claims": len(content.claims), "sources": len(reg.sources)}


_STATE: dict = {}


def _src_path(page) -> str:
    return page.file.src_path.replace("\\", "/")


def is_claim_file(page) -> bool:
    return _src_path(page).startswith("claims/") and _src_path(page) != "claims/index.md"


def before_page(env) -> None:
    """Even if a claim file asks for it, its text is never rendered as a template."""
    if "problems" in _STATE:  # live preview with broken content: show the problems, run nothing
        env.page.meta["render_macros"] = False
        env.markdown = problems_page(_STATE["problems"])
        return
    if is_claim_file(env.page):
        env.page.meta["render_macros"] = False
        # For the page title and share card (overrides/main.html); from the data, never the file.
        env.page.meta["verdict_label"] = _STATE.get("verdict_labels", {}).get(_src_path(env.page))


def problems_page(lines: list[str]) -> str:
    listing = "\n".join(f"    {line}" for line in lines)  # an indented code block: shown as text
    return (f"# Content problems\n\n`make serve` found {len(lines)} problem(s). Fix them and save: this "
            f"preview rebuilds by itself.\n\n{listing}\n")


def after_page(env) -> None:
    """A claim file `check` did not accept is never published raw (MkDocs only: Zensical has no
    page hooks, and there the claim-page extension makes the same refusal)."""
    if "problems" in _STATE:
        env.markdown = problems_page(_STATE["problems"])
        return
    if is_claim_file(env.page) and _src_path(env.page) not in _STATE.get("claim_files", ()):
        raise SystemExit(f"Claim by Claim: {_src_path(env.page)} is not a checked claim page.")


def _bind(table, content: Content, base):
    def macro() -> str:
        return table(content, base())

    return macro
