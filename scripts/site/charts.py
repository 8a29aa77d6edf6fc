"""Bar charts from the data, written by our own templates: HTML and CSS on the page, SVG for download.

Why not pygal any more: its SVG scales as one picture, so on a 375 px phone its 16-unit labels
shrank below 12 px, its axis labels ran together and its values were clipped, and every fix was
a workaround. Bars drawn in HTML keep real text: it wraps, it stays 12 px or larger, it follows
the colour scheme, and a screen reader reads it. The SVG download is drawn from the same model.

One colour meaning across the site (see legend): orange is the article's figure, blue the
official record (dark blue AWOL, light blue desertion where the record splits them). Each legend
says so. Bars that count different things never share an axis: cases and people get separate panels.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.claims import FIGURE_UNITS
from ..content.load import Content
from ..content.registry import StatRow
from .i18n import format_number, ngettext
from .i18n import gettext as _
from .render import render


def legend() -> dict[str, str]:
    """series id -> legend text, in the edition being rendered. The CSS gives each id its colour,
    in light and dark schemes."""
    return {
        "article": _("In the article"),
        "record": _("In the official record"),
        "record-awol": _("Official record: AWOL (Art. 407)"),
        "record-desertion": _("Official record: desertion (Art. 408)"),
    }


def short() -> dict[str, str]:
    """series id -> the word a stacked bar's parts are labelled with."""
    return {"article": _("article"), "record": _("record"), "record-awol": _("AWOL"),
            "record-desertion": _("desertion")}


class ChartError(ValueError):
    """Raised for data a chart cannot show; the message says what is wrong."""


@dataclass(frozen=True)
class Segment:
    series: str
    value: int


@dataclass(frozen=True)
class Bar:
    segments: tuple[Segment, ...]  # one, or several stacked end to end

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]
    link: str | None = None  # site-relative path of the claim the row comes from


@dataclass(frozen=True)
class Panel:
    title: str  # what every bar in it counts: one unit, one axis
    rows: tuple[Row, ...]

    @property
    def top(self) -> int:
        return max((b.total for r in self.rows for b in r.bars), default=0) or 1


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    panels: tuple[Panel, ...]
    series: tuple[str, ...]  # legend entries, in order
    note: str = ""  # what a reader must know to read it right, shown under it

    @property
    def svg(self) -> str:
        return render("chart.svg", chart=self, layout=svg_layout(self), legend=legend(), colours=SVG_COLOURS)


def cases_by_year(rows: list[StatRow]) -> Chart:
    """One stacked bar per year: registered AWOL (Art. 407) and desertion (Art. 408) cases."""
    if not rows:
        raise ChartError("cases_by_year: no statistics rows to chart")
    by_key = {(r.year, r.article_code): r for r in rows}
    periods = {r.year: r.period for r in rows}
    out = []
    for year in sorted(periods):
        segments = tuple(Segment(series, by_key[(year, code)].cases)
                         for code, series in (("407", "record-awol"), ("408", "record-desertion"))
                         if (year, code) in by_key)
        out.append(Row(periods[year], (Bar(segments),)))
    total = {y: sum(r.cases for r in rows if r.year == y) for y in periods}
    unit = FIGURE_UNITS["cases"]
    desc = "; ".join(ngettext("%(period)s: %(num)s case in all", "%(period)s: %(num)s cases in all", total[y])
                     % {"period": periods[y], "num": format_number(total[y])} for y in sorted(periods))
    return Chart("cases-by-year", _("AWOL and desertion cases registered in Ukraine, per year"),
                 _("Registered criminal cases per year. %(counts)s. Cases are not people.") % {"counts": desc},
                 (Panel(_(unit), tuple(out)),), ("record-awol", "record-desertion"),
                 _("A case is not a person: one soldier can have several cases, and cases stay counted when he "
                   "comes back."))


def article_vs_record(content: Content, article: str | None = None, slug: str = "article-vs-record") -> Chart:
    """Each number the article gives, against the record for the same thing, one panel per unit.
    With `article`, only that article's claims (each further article has its own chart)."""
    claims = content.claims if article is None else content.claims_for(article)
    pairs = [(c, f) for c in claims for f in c.figures
             if f.article_number is not None and f.record_number is not None]
    if not pairs:
        raise ChartError("article_vs_record: no claim has a figure with both article_number and record_number")
    panels = []
    for unit, title in FIGURE_UNITS.items():
        rows = tuple(Row(f"{c.id}: {f.label}", (Bar((Segment("article", f.article_number),)),
                                                Bar((Segment("record", f.record_number),))),
                         f"claims/{c.slug}/")
                     for c, f in pairs if f.unit == unit)
        if rows:
            panels.append(Panel(_(title), rows))
    desc = "; ".join(_("%(id)s %(label)s: article %(article)s, record %(record)s")
                     % {"id": c.id, "label": f.label, "article": format_number(f.article_number),
                        "record": format_number(f.record_number)} for c, f in pairs)
    return Chart(slug, _("The article's numbers against the record"), f"{desc}.", tuple(panels),
                 ("article", "record"), _("Cases are compared with cases and people with people, each on its own "
                                          "scale. Each label links to its claim."))


def html(chart: Chart, base: str, table_anchor: str, table_page: str = "") -> str:
    """The chart; its data table is at #table_anchor on this page, or on table_page (a worksheet
    prints the chart, and the numbers page keeps the table)."""
    return render("chart.html", chart=chart, base=base, table_anchor=table_anchor, table_page=table_page,
                  legend=legend(), short=short())


# --- the SVG download: a fixed 640-unit-wide drawing of the same model ---------------------------

# The download is read outside the site (slides, handouts), so it has its own fixed, light palette;
# the same hues as the site's light scheme.
SVG_COLOURS = {"article": "#c25e00", "record": "#2f5fb3", "record-awol": "#2f5fb3", "record-desertion": "#8fb3ea"}
SVG_WIDTH, LABEL_H, BAR_H, GAP, PANEL_GAP, VALUE_W = 640, 22, 18, 6, 30, 90


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    width: float
    series: str
    value: int


def svg_layout(chart: Chart) -> dict:
    """Positions for the SVG template: every text and bar placed, so the template only draws."""
    y, texts, bars, values = 60.0, [], [], []
    track = SVG_WIDTH - 20 - VALUE_W
    for panel in chart.panels:
        texts.append((10, y, panel.title, "panel"))
        y += LABEL_H + 4
        for row in panel.rows:
            texts.append((10, y + 14, row.label, "label"))
            y += LABEL_H
            for bar in row.bars:
                x = 10.0
                for seg in bar.segments:
                    width = track * seg.value / panel.top
                    bars.append(Placed(x, y, width, seg.series, seg.value))
                    x += width
                values.append((x + 6, y + 14, format_number(bar.total)))
                y += BAR_H + GAP
            y += GAP
        y += PANEL_GAP
    legend_y = y
    return {"texts": texts, "bars": bars, "numbers": values, "legend_y": legend_y,
            "height": legend_y + 24 * len(chart.series) + 10, "width": SVG_WIDTH}
