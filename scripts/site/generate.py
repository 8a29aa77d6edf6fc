"""The generate step and its verify twin: downloads and chart files under docs/downloads/, share
cards, the feed and the minified stylesheet.

`generate_all` writes them; `verify_all` renders them again in memory and lists any file on
disk that differs, is missing, or should not be there. Both use `expected_files`, so the two
can never disagree about what the data produces.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.load import Content
from ..content.schema import claim_schema
from ..content.siteconfig import site_url
from . import cards, charts, feed, numbers, opendata, tables

OUT = Path("docs") / "downloads"
FEED = Path("docs") / "feed.xml"
CARDS = Path("docs") / "cards"
CLAIMS = Path("docs") / "claims"
CARD_CACHE = Path("build") / "cards"  # drawn cards by a hash of their inputs (scripts/site/cards.py)
# The stylesheet we write (commented) and the one pages load: minified by rcssmin, so comments that
# explain a rule cost readers nothing (1.8 KB gzip on every first view).
STYLES = Path("docs") / "assets" / "stylesheets" / "cbc.css"
STYLES_MIN = STYLES.with_suffix(".min.css")

REDIRECT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved to {target}</title>
<meta name="robots" content="noindex"><link rel="canonical" href="../{slug}/">
<meta http-equiv="refresh" content="0; url=../{slug}/"></head>
<body><p>This claim was merged into <a href="../{slug}/">{target}</a>.</p></body></html>
"""


def expected_files(content: Content, card_images: dict[str, bytes] | None = None) -> dict[Path, str | bytes]:
    """Every generated file by its path. `card_images` stands in for drawing the share cards (the
    build passes those it has while the rest are drawn in the background)."""
    files: dict[Path, str | bytes] = {}
    root = content.paths.root
    chart_list = site_charts(content)
    for table in opendata.TABLES:
        files[OUT / f"{table.name}.csv"] = opendata.to_csv(table, content)
        files[OUT / f"{table.name}.json"] = opendata.to_json(table, content)
    for chart in chart_list:
        files[OUT / f"{chart.slug}.svg"] = chart.svg + "\n"
    files[FEED] = feed.atom(content, site_url(root))
    files[STYLES_MIN] = minified_css((root / STYLES).read_text(encoding="utf-8"))
    files[OUT / "claim-front-matter.schema.json"] = json.dumps(claim_schema(content.registry), indent=1,
                                                                ensure_ascii=False) + "\n"
    if card_images is None:
        card_images = start_drawing(content).finish()
    for name, png in card_images.items():
        files[CARDS / name] = png
    # Retired claim ids keep their URL as a redirect page, so teachers' links never break.
    for cid, target in retired(content).items():
        files[CLAIMS / cid.lower() / "index.html"] = REDIRECT.format(target=target, slug=target.lower())
    files.update(article_pages(content, chart_list))
    return files


def article_pages(content: Content, chart_list=None) -> dict[Path, str]:
    """Each further article's figures on a page of its own (the numbers page lists them)."""
    by_slug = {chart.slug: chart for chart in (chart_list if chart_list is not None else site_charts(content))}
    files = {}
    for slug in numbers.other_articles(content):
        chart = by_slug.get(numbers.chart_slug(slug, content))
        chart_html = tables.chart_figure(chart, numbers.BASE, "table-numbers") if chart else ""
        table = tables.numbers_table(content, numbers.BASE, slug)
        files[numbers.PAGES / slug / "index.md"] = numbers.page(content, slug, table, chart_html)
    return files


def start_drawing(content: Content, pool=None) -> cards.Drawing:
    root = content.paths.root
    from .editions import edition_url

    return cards.start_drawing(content.claims, content.registry, edition_url(root), root / CARD_CACHE, pool)


def write_cards(root: Path, site: Path, images: dict[str, bytes]) -> None:
    """Cards drawn while the engine built the site: into docs/ (as `generate` would have written them)
    and into the built site."""
    for folder in (root / CARDS, site / CARDS.name):
        folder.mkdir(parents=True, exist_ok=True)
        for name, png in images.items():
            (folder / name).write_bytes(png)


def retired(content: Content) -> dict[str, str]:
    prefix = "retired, redirects to "
    return {cid: status[len(prefix):] for cid, status in (content.ledger or {}).items() if status.startswith(prefix)}


def minified_css(text: str) -> str:
    import rcssmin

    return rcssmin.cssmin(text) + "\n"


def site_charts(content: Content) -> list[charts.Chart]:
    """The charts: official cases by year, and each article's numbers against the record (the case
    study's on the numbers page, each further article's on its figures page)."""
    lead = numbers.lead_article(content)
    out = [charts.cases_by_year(content.registry.statistics), charts.article_vs_record(content, lead)]
    for slug in numbers.other_articles(content):
        if any(f.article_number is not None and f.record_number is not None
               for c in content.claims_for(slug) for f in c.figures):
            out.append(charts.article_vs_record(content, slug, numbers.chart_slug(slug, content)))
    return out


def generate_all(content: Content, card_images: dict[str, bytes] | None = None) -> list[Path]:
    """Write every generated file and remove generated files the data no longer gives (a card left
    out of `card_images` too, until it is written)."""
    root = content.paths.root
    wanted = expected_files(content, card_images)
    for stale in _generated_on_disk(root) - {root / p for p in wanted}:
        stale.unlink()
    for rel, text in wanted.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or _read(target, text) != text:
            target.write_bytes(text) if isinstance(text, bytes) else target.write_text(text, encoding="utf-8")
    return list(wanted)


def _read(path: Path, like: str | bytes) -> str | bytes:
    return path.read_bytes() if isinstance(like, bytes) else path.read_text(encoding="utf-8")


def _generated_on_disk(root: Path) -> set[Path]:
    files = set()
    for folder in (root / OUT, root / CARDS):
        files |= set(folder.iterdir()) if folder.exists() else set()
    return files | set((root / CLAIMS).glob("*/index.html")) | set((root / numbers.PAGES).glob("*/index.md"))


def verify_all(content: Content) -> list[str]:
    root = content.paths.root
    wanted = expected_files(content)
    drift = []
    for rel, text in wanted.items():
        target = root / rel
        if not target.exists():
            drift.append(f"{rel}: missing")
        elif _read(target, text) != text:
            drift.append(f"{rel}: differs from what the data gives")
    drift += [f"{p.relative_to(root)}: not produced by the data" for p in sorted(_generated_on_disk(root))
              if p.relative_to(root) not in wanted]
    return drift
