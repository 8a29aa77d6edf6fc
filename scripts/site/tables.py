"""Tables rendered from typed rows. Each function takes data and returns an HTML table string.

HTML rather than Markdown tables so that every table has a <caption> naming its data and date,
and so that all content values pass through escaping in one place (the templates).
"""

from __future__ import annotations

from ..content.load import Content
from ..content.registry import Registry
from . import i18n
from .editions import edition_root
from .render import render


def claims_table(content: Content, base: str) -> str:
    reg = content.registry
    groups = []
    for verdict in reg.verdicts.values():
        claims = [c for c in content.claims if c.verdict == verdict.id]
        if claims:
            groups.append((verdict, claims))
    latest = max((c.reviewed for c in content.claims), default=None)
    return render("table_claims.html", groups=groups, base=base, latest=latest, total=len(content.claims))


def verdict_scale(reg: Registry) -> str:
    return render("table_verdicts.html", verdicts=list(reg.verdicts.values()))


def decision_table(content: Content, base: str) -> str:
    """Finding -> verdict, in the order a contributor applies it, with how many claims use each row."""
    reg = content.registry
    rows = [(rule, reg.verdicts[rule.verdict], sum(c.rule == rule.id for c in content.claims))
            for rule in reg.rules.values()]
    return render("table_rules.html", rows=rows)


def verdict_summary(content: Content, base: str) -> str:
    """Counts per verdict, in the order of the scale, for the home page."""
    rows = [(v, sum(c.verdict == v.id for c in content.claims)) for v in content.registry.verdicts.values()]
    return render("verdict_summary.html", rows=rows, total=len(content.claims), base=base)


def glossary(content: Content, base: str) -> str:
    """One entry per technique the claims use, each with its examples from the article."""
    reg = content.registry
    used: dict[str, list] = {}
    for claim in content.claims:
        for use in claim.techniques:
            used.setdefault(use.id, []).append((claim, use.span))
    entries = [(t, used[t.id]) for t in reg.techniques.values() if t.id in used]
    classroom: dict[str, list] = {}
    for technique in reg.techniques.values():
        for name in technique.classroom:
            classroom.setdefault(name, []).append(technique)
    return render("glossary.html", entries=entries, classroom=sorted(classroom.items()), base=base,
                  unused=[t for t in reg.techniques.values() if t.id not in used])


def sources_summary(content: Content) -> str:
    """How many sources of each kind, how many primary, how many published after the article."""
    from ..content.registry import SOURCE_KINDS

    sources = list(content.registry.sources.values())
    rows = [(label, sum(s.kind == kind for s in sources)) for kind, (label, _, _) in SOURCE_KINDS.items()]
    cited = {sid for c in content.claims for sid in c.sources}
    return render("sources_summary.html", rows=[r for r in rows if r[1]], total=len(sources),
                  primary=sum(s.is_primary for s in sources), after=sum(bool(s.after_article) for s in sources),
                  undated=sum(s.published == "undated" for s in sources), cited=len(cited))


def corrections_log(content: Content, base: str) -> str:
    """Every correction, newest first: claim pages' own, and those to our other pages."""
    from ..content.siteconfig import page_url
    from ..content.yamlio import page_title

    rows = [(corr.date, c.id, f"claims/{c.slug}/#review-and-corrections", corr) for c in content.claims
            for corr in c.corrections]
    rows += [(corr.date, corr.page, page_url(content.paths.root, corr.page), corr)
             for corr in content.registry.page_corrections]
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    docs = content.paths.docs / edition_root(i18n.current())  # the page's title in the edition being built
    titles = {corr.page: page_title(docs / corr.page if (docs / corr.page).exists() else content.paths.docs / corr.page)
              for corr in content.registry.page_corrections}
    return render("corrections_log.html", rows=rows, titles=titles, base=base)


def numbers_table(content: Content, base: str, article: str | None = None) -> str:
    """Each figure the article gives, against the record for the same period and definition: the case
    study's on the numbers page, then the list of the other articles' figure pages (scripts/site/numbers.py)."""
    from . import numbers

    table = render("table_numbers.html", rows=numbers.rows(content, article or numbers.lead_article(content)),
                   verdicts=content.registry.verdicts, base=base, latest=_latest(content))
    others = "" if article else numbers.elsewhere(content, base)
    return f"{table}\n\n{others}" if others else table


def statistics_table(content: Content, base: str) -> str:
    """Official yearly counts, one row per year and Criminal Code article, each with its sources."""
    reg = content.registry
    rows = sorted(reg.statistics, key=lambda r: (r.year, r.article_code))
    return render("table_statistics.html", rows=rows, sources=reg.sources, base=base)


def techniques_table(content: Content, base: str) -> str:
    """Each technique against the claims and article sections that use it, with category counts."""
    reg = content.registry
    uses: dict[str, list] = {}
    for claim in content.claims:
        for use in claim.techniques:
            uses.setdefault(use.id, []).append(claim)
    rows = [(t, sorted(set(uses[t.id]), key=lambda c: c.id), sorted({c.section for c in uses[t.id]}))
            for t in reg.techniques.values() if t.id in uses]
    categories: dict[str, int] = {}
    for technique, *_ in rows:
        categories[technique.category] = categories.get(technique.category, 0) + len(uses[technique.id])
    return render("table_techniques.html", rows=rows, uses=uses, categories=sorted(categories.items()),
                  base=base, latest=_latest(content))


def cited_table(content: Content, base: str) -> str:
    """Who the article relies on: each person or source, their role, how verifiable, what we found."""
    reg = content.registry
    claims_for = {pid: [c for c in content.claims if pid in c.people] for pid in reg.people}
    return render("table_cited.html", people=list(reg.people.values()), claims_for=claims_for,
                  sources=reg.sources, base=base)


def framing_table(content: Content, base: str) -> str:
    """How outlets framed the same official figures, grouped by kind of outlet."""
    reg = content.registry
    return render("table_framing.html", rows=reg.framing, sources=reg.sources, base=base)


def chart_figure(chart, base: str, table_anchor: str, table_page: str = "") -> str:
    """A chart with its legend, a caption, a link to its data table and its SVG download."""
    from .charts import html

    return html(chart, base, table_anchor, table_page)


def _latest(content: Content):
    return max((c.reviewed for c in content.claims), default=None)


def data_dictionary(tables, content: Content, base: str) -> str:
    """Every downloadable table with its row count and every column, from the same column spec."""
    from .opendata import records

    entries = [(t, len(records(t, content))) for t in tables]
    return render("data_dictionary.html", entries=entries, base=base)


def people_profiles(content: Content, base: str) -> str:
    """A profile for each person or source the article leans on."""
    reg = content.registry
    claims_for = {pid: [c for c in content.claims if pid in c.people] for pid in reg.people}
    return render("people_profiles.html", people=list(reg.people.values()), claims_for=claims_for,
                  sources=reg.sources, base=base)
