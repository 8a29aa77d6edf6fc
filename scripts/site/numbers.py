"""Where the article's figures are shown: the numbers page, and a page for each further article.

The numbers page shows the figures of the site's case study (the article of the first claim) in
full: its chart and its table. A site that analyses more articles lists them there, and each one's
figures, chart and table, get a page of their own (docs/numbers/<slug>/index.md, written by
`generate`), so the numbers page stays the size of one article however many the site takes on,
and every figure is one link away (all of them are in the claims download too). With one article,
as today, nothing changes.

A page sits at numbers/<slug>/index.md so that its folder and its URL are equally deep: the same
relative links then work under both engines (scripts/site/links.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.load import Content
from .i18n import gettext as _
from .render import render

PAGES = Path("docs") / "numbers"
BASE = "../../"  # from numbers/<slug>/ to the site root, for MkDocs and Zensical alike


def lead_article(content: Content) -> str:
    """The case study: the article of the first claim (CBC-001)."""
    return content.claims[0].article if content.claims else next(iter(content.registry.articles), "")


def rows(content: Content, slug: str) -> list[tuple]:
    """One row per figure of the article's claims, in claim order: (claim, figure, its sources)."""
    return [(c, f, [content.registry.sources[s] for s in f.sources]) for c in content.claims_for(slug)
            for f in c.figures]


def other_articles(content: Content) -> list[str]:
    """The further articles that give figures, in the registry's order."""
    lead = lead_article(content)
    return [slug for slug in content.registry.articles if slug != lead and rows(content, slug)]


def chart_slug(slug: str, content: Content) -> str:
    return "article-vs-record" if slug == lead_article(content) else f"article-vs-record-{slug}"


def elsewhere(content: Content, base: str) -> str:
    """The list of the other articles' figure pages, for the numbers page ('' when there are none)."""
    others = other_articles(content)
    if not others:
        return ""
    articles = [(content.registry.articles[slug], len(rows(content, slug))) for slug in others]
    return render("numbers_elsewhere.html", articles=articles, base=base)


def page(content: Content, slug: str, table: str, chart: str) -> str:
    """The Markdown of one further article's figures page (table and chart already rendered)."""
    article = content.registry.articles[slug]
    title = _("The numbers in “%(title)s”") % {"title": article.title}
    description = _("Every figure in \"%(title)s\" (%(outlet)s) next to the official figure for the same period "
                    "and definition.") % {"title": article.title, "outlet": article.outlet}
    front = (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
             f"description: {json.dumps(description, ensure_ascii=False)}\n---\n")
    intro = render("numbers_page_intro.html", article=article, base=BASE)
    return f"{front}\n# {title}\n\n{intro}\n\n{chart}\n\n{table}\n"
