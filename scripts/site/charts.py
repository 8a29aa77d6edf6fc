"""Static SVG charts rendered at build time with pygal (no client-side chart library, no CDN).

Each chart gets an accessible name and description (role="img" with <title> and <desc>), takes
its colours from the page through `currentColor`, and has a data table beside it on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygal
from pygal.style import Style

from ..content.load import Content
from ..content.registry import StatRow

# Two series colours with at least 3:1 contrast against both the light and the dark background.
SERIES = ("#3b7dd8", "#d9822b")


class ChartError(ValueError):
    """Raised for data a chart cannot show; the message says what is wrong."""


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    svg: str


def _style() -> Style:
    return Style(background="transparent", plot_background="transparent", foreground="currentColor",
                 foreground_strong="currentColor", foreground_subtle="rgba(127,127,127,0.35)",
                 opacity="1", opacity_hover="0.85", colors=SERIES, font_family="inherit",
                 value_colors=("currentColor",) * len(SERIES),
                 title_font_size=22, label_font_size=16, major_label_font_size=16, legend_font_size=16,
                 value_font_size=16, value_label_font_size=16, tooltip_font_size=14)


def _finish(chart: pygal.graph.graph.Graph, slug: str, title: str, description: str) -> Chart:
    chart.uuid = slug  # pygal uses a random id otherwise; a fixed one keeps builds reproducible
    svg = chart.render(is_unicode=True)
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r"<!--.*?-->", "", svg)  # pygal stamps the render date: keep output reproducible
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)  # pygal's tooltip config: static charts need none
    svg = svg.replace('id="activate-serie-', f'id="{slug}-activate-serie-')  # unique when inlined together
    # Give the chart an accessible name and description, and drop pygal's decorative title text
    # duplicates from the accessibility tree.
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{slug}-title {slug}-desc" ', 1)
    svg = re.sub(r"(<svg[^>]*>)", lambda m: f'{m.group(1)}<title id="{slug}-title">{_esc(title)}</title>'
                                            f'<desc id="{slug}-desc">{_esc(description)}</desc>', svg, count=1)
    return Chart(slug, title, description, svg)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cases_by_year(rows: list[StatRow]) -> Chart:
    """Grouped bars: registered AWOL (Art. 407) and desertion (Art. 408) proceedings per year."""
    if not rows:
        raise ChartError("cases_by_year: no statistics rows to chart")
    years = sorted({r.year for r in rows})
    by_key = {(r.year, r.article_code): r for r in rows}
    periods = {r.year: r.period for r in rows}
    chart = pygal.Bar(style=_style(), js=[], disable_xml_declaration=True, width=560, height=420,
                      legend_at_bottom=True, print_values=False, show_y_guides=True,
                      x_title="Year (2025: January to October only)", y_title="Registered criminal cases",
                      value_formatter=lambda v: f"{v:,.0f}", truncate_label=-1, truncate_legend=-1)
    chart.title = "AWOL and desertion cases registered in Ukraine, per year"
    chart.x_labels = [str(y) if "December" in periods[y] else f"{y}*" for y in years]
    for code, name in (("407", "AWOL (Art. 407)"), ("408", "Desertion (Art. 408)")):
        chart.add(name, [by_key[(y, code)].cases if (y, code) in by_key else None for y in years])
    total = {y: sum(r.cases for r in rows if r.year == y) for y in years}
    desc = "; ".join(f"{periods[y]}: {total[y]:,} cases in all" for y in years)
    return _finish(chart, "cases-by-year", chart.title,
                   f"Bar chart of registered criminal cases per year. {desc}. Cases are not people.")


def article_vs_record(content: Content) -> Chart:
    """Paired bars: each number the article gives, against the official figure for the same thing."""
    pairs = [(c, f) for c in content.claims for f in c.figures
             if f.article_number is not None and f.record_number is not None]
    if not pairs:
        raise ChartError("article_vs_record: no claim has a figure with both article_number and record_number")
    # A linear axis: small numbers look small because they are; every bar prints its value.
    chart = pygal.HorizontalBar(style=_style(), js=[], disable_xml_declaration=True, width=520,
                                height=170 + 95 * len(pairs), legend_at_bottom=True, print_values=True,
                                print_values_position="top", value_formatter=lambda v: f"{v:,.0f}",
                                truncate_label=-1, truncate_legend=-1, legend_at_bottom_columns=1,
                                x_title="Number")
    top = max(max(f.article_number, f.record_number) for _, f in pairs)
    step = 10 ** (len(str(top)) - 1)
    chart.y_labels = list(range(0, top + step, step))[:: max(1, (top // step) // 3)]
    chart.title = "The article's numbers against the record"
    chart.x_labels = [f.label for _, f in pairs]
    chart.add("In the article", [f.article_number for _, f in pairs])
    chart.add("In the record", [f.record_number for _, f in pairs])
    desc = "; ".join(f"{c.id} {f.label}: article {f.article_number:,}, record {f.record_number:,}" for c, f in pairs)
    return _finish(chart, "article-vs-record", chart.title,
                   f"Horizontal bar chart. {desc}.")
