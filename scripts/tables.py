"""Tables rendered from typed rows. Each function takes data and returns an HTML table string.

HTML rather than Markdown tables so that every table has a <caption> naming its data and date,
and so that all content values pass through escaping in one place (the templates).
"""

from __future__ import annotations

from .content import Content
from .registry import Registry
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
    from .registry import SOURCE_KINDS

    sources = list(content.registry.sources.values())
    rows = [(label, sum(s.kind == kind for s in sources)) for kind, (label, _, _) in SOURCE_KINDS.items()]
    cited = {sid for c in content.claims for sid in c.sources}
    return render("sources_summary.html", rows=[r for r in rows if r[1]], total=len(sources),
                  primary=sum(s.is_primary for s in sources), after=sum(bool(s.after_article) for s in sources),
                  undated=sum(s.published == "undated" for s in sources), cited=len(cited))


def corrections_log(content: Content, base: str) -> str:
    rows = sorted(((c, corr) for c in content.claims for corr in c.corrections),
                  key=lambda r: (r[1].date, r[0].id), reverse=True)
    return render("corrections_log.html", rows=rows, base=base)
