"""Open-data downloads (CSV and JSON) and their data dictionary, from one column spec per table.

The dictionary page and the files come from the same `Column` lists, so a column cannot be
published without being documented.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..content.load import Content


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    get: Callable[[Any], Any]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Content], list]


def _join(values) -> str:
    return "; ".join(values)


CLAIMS = Table("claims", "One row per claim page.", (
    Column("id", "Stable claim id (never reused), e.g. CBC-009.", lambda c: c.id),
    Column("url_path", "Path of the claim page on this site.", lambda c: f"claims/{c.slug}/"),
    Column("article", "Slug of the analysed article.", lambda c: c.article),
    Column("title", "Short neutral statement of the claim.", lambda c: c.title),
    Column("quote", "The exact words quoted from the article.", lambda c: c.quote),
    Column("section", "Article section the quote appears in.", lambda c: c.section),
    Column("kind", "statistic, quotation, anecdote, legal or characterization.", lambda c: c.kind),
    Column("verdict", "Verdict id from the published scale (see the methodology page).", lambda c: c.verdict),
    Column("summary", "One-sentence conclusion.", lambda c: c.summary),
    Column("techniques", "Technique ids, separated by '; '.", lambda c: _join(t.id for t in c.techniques)),
    Column("sources", "Source ids, separated by '; '.", lambda c: _join(c.sources)),
    Column("published", "Date the claim page was first published (YYYY-MM-DD).", lambda c: c.published.isoformat()),
    Column("reviewed", "Date the claim page was last reviewed (YYYY-MM-DD).", lambda c: c.reviewed.isoformat()),
    Column("corrections", "Number of corrections made to the claim page.", lambda c: len(c.corrections)),
), lambda content: content.claims)

SOURCES = Table("sources", "One row per source in the registry.", (
    Column("id", "Stable source id.", lambda s: s.id),
    Column("url", "Address of the page, exactly as we read it.", lambda s: s.url),
    Column("title", "Headline or title; in brackets when our stored copy did not show it.", lambda s: s.title),
    Column("publisher", "Who published it.", lambda s: s.publisher),
    Column("published", "Publication date (YYYY-MM-DD, YYYY-MM or YYYY), or 'undated'.", lambda s: s.published),
    Column("language", "Language code of the page.", lambda s: s.language),
    Column("kind", "Kind of source, e.g. official-record, independent-media, state-affiliated-media.",
           lambda s: s.kind),
    Column("primary", "true if a primary record (official record, legislation, official statement, court record).",
           lambda s: s.is_primary),
    Column("after_article", "true if published after 12 November 2025; empty if undated or unclear.",
           lambda s: s.after_article),
), lambda content: list(content.registry.sources.values()))

TECHNIQUES = Table("techniques", "One row per persuasion technique in the taxonomy.", (
    Column("id", "SemEval-2023 Task 3 label, or SRC_ for our sourcing techniques.", lambda t: t[0].id),
    Column("name", "Plain name.", lambda t: t[0].name),
    Column("category", "SemEval-2023 category, or Sourcing.", lambda t: t[0].category),
    Column("semeval", "true if the label is one of the 23 SemEval-2023 labels.", lambda t: t[0].is_semeval),
    Column("classroom", "Classroom (inoculation) names that map to it, separated by '; '.",
           lambda t: _join(t[0].classroom)),
    Column("definition", "Plain definition.", lambda t: t[0].definition),
    Column("uses", "How many times the claims tag it.", lambda t: t[1]),
), lambda content: [(t, sum(u.id == t.id for c in content.claims for u in c.techniques))
                    for t in content.registry.techniques.values()])

STATISTICS = Table("statistics", "Official yearly counts of registered AWOL and desertion cases.", (
    Column("year", "Calendar year.", lambda r: r.year),
    Column("period", "Exact period the count covers.", lambda r: r.period),
    Column("article", "Criminal Code article: 407 (AWOL) or 408 (desertion).", lambda r: r.article_code),
    Column("cases", "Number of registered criminal proceedings.", lambda r: r.cases),
    Column("measure", "What is counted.", lambda r: r.measure),
    Column("sources", "Source ids, separated by '; '.", lambda r: _join(r.sources)),
    Column("note", "Caveats, such as rounding or a partial year.", lambda r: r.note),
), lambda content: content.registry.statistics)

TABLES = (CLAIMS, SOURCES, TECHNIQUES, STATISTICS)


def records(table: Table, content: Content) -> list[dict]:
    return [{col.name: col.get(row) for col in table.columns} for row in table.rows(content)]


def to_csv(table: Table, content: Content) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c.name for c in table.columns], lineterminator="\n")
    writer.writeheader()
    for record in records(table, content):
        writer.writerow({k: "" if v is None else str(v).lower() if isinstance(v, bool) else v
                         for k, v in record.items()})
    return buffer.getvalue()


def to_json(table: Table, content: Content) -> str:
    payload = {"table": table.name, "description": table.description, "licence": "CC BY 4.0",
               "attribution": "Claim by Claim", "rows": records(table, content)}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
